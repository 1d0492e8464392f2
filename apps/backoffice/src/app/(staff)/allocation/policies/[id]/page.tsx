import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDate, formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Card, DetailItem } from '@tobacco/ui/card';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../../../admin/_components/feedback';
import { ImportUploadPanel } from '../../../imports/_components/upload-panel';
import { POLICY_TONE, policyStateLabel } from '../../_components/labels';
import { LimitGrid } from '../../_components/limit-grid';
import { PolicyActions } from '../../_components/policy-actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('allocation.staff.policyTitle') };
}

export default async function PolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const policyId = Number((await params).id);
  if (!Number.isInteger(policyId) || policyId <= 0) notFound();
  const [{ t, locale }, { api, requestId }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  let policy;
  try {
    policy = await api.allocation.policy({ policyId });
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  const previous = policy.versions.find((v) => v.version < policy.version && (v.state === 'PUBLISHED' || v.state === 'SUPERSEDED'));
  const rejection = policy.history.find((h) => h.action === 'allocationPolicy.reject');
  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/allocation">← {t('allocation.staff.title')}</Link>
      </p>
      <PageTitle>{t('allocation.staff.policyHeading', { cycle: policy.cycle.code, version: policy.version })}</PageTitle>
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="policy-state">
          <Badge tone={POLICY_TONE[policy.state]}>{t(policyStateLabel(policy.state))}</Badge>
        </span>
        {policy.state === 'REJECTED' && rejection ? (
          <span className="text-danger-700">
            {t('allocation.staff.rejectedWith', { comment: String((rejection.after as { comment?: string } | null)?.comment ?? '') })}
          </span>
        ) : null}
      </div>
      <Card>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <DetailItem term={t('allocation.staff.col.week')}>
            {formatDate(policy.cycle.weekStart, locale)} – {formatDate(policy.cycle.weekEnd, locale)}
          </DetailItem>
          <DetailItem term={t('allocation.staff.author')}>{policy.createdBy.name}</DetailItem>
          <DetailItem term={t('allocation.staff.approver')}>
            {policy.approvedBy ? `${policy.approvedBy.name} · ${formatDateTime(policy.approvedAt!, locale)}` : '—'}
          </DetailItem>
          <DetailItem term={t('allocation.staff.publishing')}>
            {policy.publishedAt
              ? t('allocation.staff.publishedAt', { at: formatDateTime(policy.publishedAt, locale) })
              : policy.publishAt
                ? t('allocation.staff.publishAt', { at: formatDateTime(policy.publishAt, locale) })
                : t('allocation.staff.scheduledFor', { at: formatDateTime(policy.scheduledPublishAt, locale) })}
          </DetailItem>
          {policy.carriedFrom ? (
            <DetailItem term={t('allocation.carried.badge')} className="sm:col-span-2 lg:col-span-4">
              <span className="text-warning-800">
                {t('allocation.carried.detail', { cycle: policy.carriedFrom.cycle.code, version: policy.carriedFrom.version })}
              </span>
            </DetailItem>
          ) : null}
          {policy.note ? (
            <DetailItem term={t('allocation.staff.grid.note')} className="sm:col-span-2 lg:col-span-4">
              {policy.note}
            </DetailItem>
          ) : null}
        </dl>
      </Card>

      <PolicyActions policyId={policy.id} can={policy.can} scheduledPublishAt={policy.scheduledPublishAt} />

      <LimitGrid
        key={policy.history[0]?.id ?? 'new'}
        policyId={policy.id}
        editable={policy.can.edit}
        limits={policy.limits}
        products={policy.products}
        note={policy.note}
        fileName={`allocation-${policy.cycle.code}-v${policy.version}.csv`}
      />
      {/* A draft's limits from a file: uploaded here, checked, reported and confirmed on the import's page. */}
      {policy.can.edit && me.permissions.includes('imports.use') ? (
        <ImportUploadPanel kind="ALLOCATION" options={{ policyId: policy.id }} note={t('imports.allocationHint')} />
      ) : null}

      <section aria-labelledby="versions-heading" className="flex flex-col gap-2">
        <h2 id="versions-heading" className="text-lg font-bold">
          {t('allocation.staff.versions')}
        </h2>
        <ul className="flex flex-col gap-1">
          {policy.versions.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center gap-2">
              {v.id === policy.id ? (
                <span className="font-semibold">{t('allocation.staff.versionN', { version: v.version })}</span>
              ) : (
                <Link href={`/allocation/policies/${v.id}`}>{t('allocation.staff.versionN', { version: v.version })}</Link>
              )}
              <Badge tone={POLICY_TONE[v.state]}>{t(policyStateLabel(v.state))}</Badge>
              {v.id !== policy.id ? (
                <Link href={`/allocation/compare?a=${v.id}&b=${policy.id}`} className="text-sm">
                  {t('allocation.staff.compareWith', { version: v.version })}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
        {previous ? null : <p className="text-sm text-ink-muted">{t('allocation.staff.compareAny')}</p>}
      </section>

      <section aria-labelledby="history-heading" className="flex flex-col gap-2">
        <h2 id="history-heading" className="text-lg font-bold">
          {t('allocation.staff.history')}
        </h2>
        {policy.history.length === 0 ? <p className="text-ink-muted">{t('allocation.staff.noHistory')}</p> : null}
        <ol className="flex flex-col gap-2">
          {policy.history.map((h) => (
            <li key={h.id} className="rounded-lg border border-line bg-surface px-3 py-2">
              <span className="font-semibold">{t(`allocation.staff.action.${h.action.split('.')[1]}` as MessageKey)}</span> ·{' '}
              {h.actor ?? t('admin.audit.system')} · {formatDateTime(h.createdAt, locale)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
