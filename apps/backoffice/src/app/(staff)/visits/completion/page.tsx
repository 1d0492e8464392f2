import type { Metadata } from 'next';
import { ZVisitCompletionInput } from '@tobacco/api/visits/visits.schema';
import { formatDate, formatPercent } from '@tobacco/i18n/format';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { getServerApi } from '@/trpc/server';
import { parseSearch, type SearchParams } from '../../admin/_components/search-params';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('visits.nav') };
}

/** Plan completion per account manager and district this month (managers and executives). */
export default async function VisitCompletionPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const input = parseSearch(ZVisitCompletionInput, await searchParams);
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  const result = await api.visits.completion(input).catch((error: unknown) => errorMessageOf(error, requestId));
  if ('key' in result)
    return (
      <ErrorState
        title={result.key === 'errors.FORBIDDEN' ? t('errors.FORBIDDEN') : t('common.loadFailed')}
        message={t(result.key, result.params)}
      />
    );
  const title = t('visits.completion.title', { from: formatDate(result.month.from, locale), to: formatDate(result.month.to, locale) });
  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('visits.completion.description')}>{title}</PageTitle>
      {result.rows.length === 0 ? (
        <EmptyState title={t('visits.completion.empty')} />
      ) : (
        <DataTable caption={title} captionHidden scrollLabel={title}>
          <thead>
            <tr>
              <Th>{t('visits.completion.manager')}</Th>
              <Th>{t('visits.completion.district')}</Th>
              <Th className="text-right">{t('visits.completion.shops')}</Th>
              <Th className="text-right">{t('visits.completion.required')}</Th>
              <Th className="text-right">{t('visits.completion.done')}</Th>
              <Th className="text-right">{t('visits.completion.rate')}</Th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={`${row.staffId}-${row.districtId}`}>
                <Th scope="row">{row.staff}</Th>
                <Td>{(locale === 'en' ? row.districtEn : row.district) ?? '—'}</Td>
                <Td className="text-right tabular-nums">{row.shops}</Td>
                <Td className="text-right tabular-nums">{row.required}</Td>
                <Td className="text-right tabular-nums">{row.done}</Td>
                <Td className="text-right tabular-nums">{row.required > 0 ? formatPercent(row.done / row.required, locale) : '—'}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
