import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { formatDateTime, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { Card } from '@tobacco/ui/card';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { ListPagination } from '@/components/list-kit';
import { getServerApi } from '@/trpc/server';
import { Badge } from '../../admin/_components/feedback';
import { hrefWith, type SearchParams } from '../../admin/_components/search-params';
import { ImportActions } from '../_components/import-actions';
import { ImportLive } from '../_components/import-live';
import { encodingLabel, formatFileSize, isLive, kindLabel, STATUS_TONE, statusLabel, SUMMARY_LABELS } from '../_components/labels';

export const dynamic = 'force-dynamic';

const ZId = z.coerce.number().int().positive().max(2147483647);
const ZPage = z.coerce.number().int().min(1).max(100_000).catch(1);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { t } = await getI18n();
  const id = ZId.safeParse((await params).id);
  return { title: id.success ? t('imports.detail.title', { id: id.data }) : t('imports.title') };
}

type Summary = { params?: MessageParams; applyFailed?: boolean } & Record<string, unknown>;

/**
 * One import: while a job works on it, its progress (read every second); then the outcome: why the file
 * could not be read, or the counts, the report and the choice to write or discard it, or what was written.
 */
export default async function ImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const denied = await deniedArea('imports');
  if (denied) return denied;
  const parsed = ZId.safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  const page = ZPage.parse((await searchParams).page);
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let run;
  try {
    run = await api.imports.get({ id });
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return (
      <>
        <PageTitle>{t('imports.detail.title', { id })}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const summary = (run.summary ?? {}) as Summary;
  const showReport = run.errorCount > 0 && ['CHECKED', 'APPLIED', 'DISCARDED'].includes(run.status);
  const report = showReport ? await api.imports.errors({ id, page }) : null;
  const columnName = new Map(run.columns.map((c) => [c.field, c.name]));
  const n = (value: number) => formatNumber(value, locale);
  const policyId = run.kind === 'ALLOCATION' ? (run.options as { policyId?: unknown } | null)?.policyId : undefined;
  const written = SUMMARY_LABELS.filter(([key]) => typeof summary[key] === 'number');
  const downloadable = run.status === 'REJECTED' || run.errorCount > 0;

  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/imports" className="inline-flex min-h-11 items-center text-brand-700 underline-offset-2 hover:underline">
          ← {t('imports.detail.back')}
        </Link>
      </p>
      <PageTitle className="mb-0">{t('imports.detail.title', { id })}</PageTitle>

      <Card className="flex flex-col gap-2">
        <p className="flex flex-wrap items-center gap-3">
          <span data-testid="import-status">
            <Badge tone={STATUS_TONE[run.status] ?? 'muted'}>{t(statusLabel(run.status))}</Badge>
          </span>
          <span className="font-semibold break-all">
            {t('imports.detail.file', { kind: t(kindLabel(run.kind)), file: run.fileName, size: formatFileSize(run.byteSize, locale) })}
          </span>
        </p>
        <p className="text-ink-muted">{t('imports.detail.by', { name: run.createdBy.name, at: formatDateTime(run.createdAt, locale) })}</p>
        {run.encoding ? <p className="text-ink-muted">{t('imports.detail.encoding', { encoding: encodingLabel(run.encoding) })}</p> : null}
        {typeof policyId === 'number' ? (
          <p>
            <Link href={`/allocation/policies/${policyId}`} className="inline-flex min-h-11 items-center font-semibold">
              {t('imports.detail.policy')}
            </Link>
          </p>
        ) : null}
      </Card>

      {isLive(run.status) ? (
        <ImportLive
          id={run.id}
          initial={{ status: run.status, bytesRead: run.bytesRead, byteSize: run.byteSize, totalRows: run.totalRows }}
        />
      ) : null}

      {run.status === 'REJECTED' ? (
        <p
          role="alert"
          className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700"
          data-testid="import-rejected"
        >
          {t('imports.rejected', {
            reason: run.rejectReason ? t(run.rejectReason as MessageKey, summary.params) : t('errors.unexpectedNoId'),
          })}
        </p>
      ) : null}

      {run.status === 'CHECKED' ? (
        <section aria-labelledby="import-outcome" className="flex flex-col gap-3">
          {summary.applyFailed ? (
            <p role="alert" className="rounded-lg border border-warning-800/30 bg-warning-50 px-4 py-3 font-medium text-warning-800">
              {t('imports.applyFailed')}
            </p>
          ) : null}
          <p id="import-outcome" className="text-lg font-semibold" data-testid="import-counts">
            {run.invalidRows === 0
              ? t('imports.allValid', { total: n(run.totalRows) })
              : t('imports.counts', {
                  total: n(run.totalRows),
                  valid: n(run.validRows),
                  invalid: n(run.invalidRows),
                  errors: n(run.errorCount),
                })}
          </p>
          <ImportActions id={run.id} status="CHECKED" validRows={run.validRows} invalidRows={run.invalidRows} partial={run.partial} />
        </section>
      ) : run.status === 'REJECTED' ? (
        <ImportActions id={run.id} status="REJECTED" validRows={0} invalidRows={0} partial={false} />
      ) : null}

      {run.status === 'APPLIED' ? (
        <section aria-labelledby="import-applied" className="flex flex-col gap-3">
          <div className="flex flex-col gap-1 rounded-lg border border-success-700/30 bg-success-50 px-4 py-3 text-success-700">
            <p id="import-applied" className="font-semibold" data-testid="import-applied">
              {t('imports.applied', { count: n(run.appliedRows), at: run.appliedAt ? formatDateTime(run.appliedAt, locale) : '—' })}
            </p>
            {run.appliedValidOnly ? <p>{t('imports.appliedValidOnly')}</p> : null}
          </div>
          {written.length > 0 ? (
            <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t('imports.summary.title')}>
              {written.map(([key, label]) => (
                <div key={key} className="rounded-xl border border-line bg-surface p-3">
                  <dt className="text-sm text-ink-muted">{t(label)}</dt>
                  <dd className="text-2xl font-bold tabular-nums">{n(summary[key] as number)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </section>
      ) : null}

      {report || downloadable ? (
        <section aria-labelledby="import-report" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="import-report" className="text-xl font-bold">
              {t('imports.report.title')}
            </h2>
            {downloadable ? (
              <a href={`/imports/${run.id}/report`} className={buttonClass('secondary')} download>
                {t('imports.report.download')}
              </a>
            ) : null}
          </div>
          {report && run.errorCount > report.total ? (
            <p className="text-ink-muted">{t('imports.report.kept', { kept: n(report.total), total: n(run.errorCount) })}</p>
          ) : null}
          {report && report.items.length > 0 ? (
            <>
              <DataTable
                caption={t('imports.report.caption')}
                captionHidden
                scrollLabel={t('common.tableScroll', { name: t('imports.report.caption') })}
              >
                <thead>
                  <tr>
                    <Th className="text-right">{t('imports.report.line')}</Th>
                    <Th>{t('imports.report.column')}</Th>
                    <Th>{t('imports.report.reason')}</Th>
                    <Th>{t('imports.report.value')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {report.items.map((e, i) => (
                    <tr key={`${e.line}-${e.column}-${i}`} data-testid="import-error">
                      <Td className="text-right tabular-nums">{e.line}</Td>
                      <Td className="whitespace-nowrap">{e.column ? (columnName.get(e.column) ?? e.column) : '—'}</Td>
                      <Td>{t(e.code as MessageKey)}</Td>
                      <Td className="font-mono break-all">{e.value ?? ''}</Td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <ListPagination
                page={report.page}
                pages={report.pages}
                total={report.total}
                hrefFor={(p) => hrefWith(`/imports/${run.id}`, { page: p === 1 ? undefined : p })}
              />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
