import Link from 'next/link';
import { ZListImportsInput } from '@tobacco/api/imports/imports.schema';
import { formatDateTime, formatNumber } from '@tobacco/i18n/format';
import { SelectField } from '@tobacco/ui/field';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { areaMetadata, deniedArea } from '@/components/area-page';
import { FilterBar, ListPagination } from '@/components/list-kit';
import { getServerApi } from '@/trpc/server';
import { Badge } from '../admin/_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../admin/_components/search-params';
import { formatFileSize, kindLabel, STATUS_TONE, statusLabel, type ImportKindName } from './_components/labels';
import { ImportUpload } from './_components/upload-form';
import { importColumns } from './_components/upload-panel';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => areaMetadata('imports');

// Rows are counted once the check has read the file; before that (and for a file that could not be read) a dash.
const COUNTED = ['CHECKED', 'APPLYING', 'APPLIED', 'DISCARDED'];

/** 数据导入: upload a file of a kind the person may import, and the history of imports of the kinds they may see. */
export default async function ImportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('imports');
  if (denied) return denied;
  const input = parseSearch(ZListImportsInput, await searchParams, { numbers: ['page'] });
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let list;
  try {
    list = await api.imports.list(input);
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('imports.title')}</PageTitle>
        <ErrorState title={m.key === 'errors.FORBIDDEN' ? t('errors.FORBIDDEN') : t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  // Allocation limits are imported from the draft policy they go into (its page), not from here.
  const uploadable: ImportKindName[] = list.kinds.filter((kind) => kind !== 'ALLOCATION');
  const n = (value: number) => formatNumber(value, locale);

  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('imports.description')} className="mb-0">
        {t('imports.title')}
      </PageTitle>
      {uploadable.length > 0 ? (
        <ImportUpload
          kinds={uploadable}
          columns={importColumns(uploadable)}
          initialKind={input.kind && uploadable.includes(input.kind) ? input.kind : undefined}
        />
      ) : null}

      <section aria-labelledby="imports-history" className="flex flex-col gap-3">
        <h2 id="imports-history" className="text-xl font-bold">
          {t('imports.history')}
        </h2>
        <FilterBar label={t('imports.history.filter')} resetHref="/imports">
          <SelectField
            id="imports-kind"
            name="kind"
            label={t('imports.col.kind')}
            placeholder={t('common.all')}
            defaultValue={input.kind ?? ''}
            options={list.kinds.map((kind) => ({ value: kind, label: t(kindLabel(kind)) }))}
          />
        </FilterBar>
        {list.items.length === 0 ? (
          <EmptyState title={t('imports.history.empty')} />
        ) : (
          <>
            <DataTable
              caption={t('imports.history.caption')}
              captionHidden
              scrollLabel={t('common.tableScroll', { name: t('imports.history.caption') })}
            >
              <thead>
                <tr>
                  <Th>{t('imports.col.file')}</Th>
                  <Th>{t('imports.col.kind')}</Th>
                  <Th>{t('imports.col.by')}</Th>
                  <Th>{t('imports.col.at')}</Th>
                  <Th>{t('imports.col.status')}</Th>
                  <Th className="text-right">{t('imports.col.rows')}</Th>
                  <Th className="text-right">{t('imports.col.applied')}</Th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((run) => (
                  <tr key={run.id} data-testid="import-row" className="hover:bg-brand-50">
                    <Th scope="row" className="bg-surface font-normal whitespace-normal">
                      <Link href={`/imports/${run.id}`} className="inline-flex min-h-11 items-center font-semibold break-all">
                        {run.fileName}
                      </Link>
                      <span className="block text-sm text-ink-muted">
                        #{run.id} · {formatFileSize(run.byteSize, locale)}
                      </span>
                    </Th>
                    <Td className="whitespace-nowrap">{t(kindLabel(run.kind))}</Td>
                    <Td className="whitespace-nowrap">{run.createdBy.name}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(run.createdAt, locale)}</Td>
                    <Td>
                      <Badge tone={STATUS_TONE[run.status] ?? 'muted'}>{t(statusLabel(run.status))}</Badge>
                    </Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">
                      {COUNTED.includes(run.status) ? `${n(run.validRows)} / ${n(run.invalidRows)}` : '—'}
                    </Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{run.status === 'APPLIED' ? n(run.appliedRows) : '—'}</Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <ListPagination
              page={list.page}
              pages={list.pages}
              total={list.total}
              hrefFor={(page) => hrefWith('/imports', { kind: input.kind, page: page === 1 ? undefined : page })}
            />
          </>
        )}
      </section>
    </div>
  );
}
