import type { Metadata } from 'next';
import Link from 'next/link';
import { RANKING_METRICS } from '@tobacco/api/rankings/rankings.rules';
import { ZListRankingsInput } from '@tobacco/api/rankings/rankings.schema';
import { formatFen, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';
import { SelectField, TextField } from '@tobacco/ui/field';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { ExportLinks, FilterBar, ListPagination } from '@/components/list-kit';
import { getServerApi } from '@/trpc/server';
import { hrefWith, parseSearch, type SearchParams } from '../admin/_components/search-params';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('rankings.title') };
}

function movementText(t: Translate, movement: number | null): string {
  if (movement === null) return t('rankings.new');
  if (movement > 0) return t('rankings.up', { n: movement });
  if (movement < 0) return t('rankings.down', { n: -movement });
  return t('rankings.same');
}

export default async function RankingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const input = parseSearch(ZListRankingsInput, params, { numbers: ['districtId', 'gradeBand', 'page'] });
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let list, options;
  try {
    [list, options] = await Promise.all([api.rankings.list(input), api.rankings.filterOptions()]);
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('rankings.title')}</PageTitle>
        <ErrorState title={m.key === 'errors.FORBIDDEN' ? t('errors.FORBIDDEN') : t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const name = (d: { name: string; nameEn: string }) => (locale === 'en' ? d.nameEn : d.name);
  const filters = {
    month: list.month ?? undefined,
    metric: list.metric,
    districtId: input.districtId,
    gradeBand: input.gradeBand,
    q: input.q,
  };

  return (
    <div className="flex flex-col gap-4">
      <PageTitle description={t('rankings.description')}>{t('rankings.title')}</PageTitle>
      {options.months.length === 0 ? (
        <EmptyState title={t('rankings.noMonths')} />
      ) : (
        <>
          <FilterBar
            label={t('rankings.filters')}
            resetHref="/rankings"
            columns="wide-5"
            actions={<ExportLinks hrefFor={(format) => hrefWith('/rankings/export', { ...filters, format })} />}
          >
            <TextField id="ranking-q" name="q" label={t('rankings.search')} defaultValue={input.q ?? ''} />
            <SelectField
              id="ranking-month"
              name="month"
              label={t('rankings.month')}
              defaultValue={list.month ?? ''}
              options={options.months.map((m) => ({ value: m, label: m }))}
            />
            <SelectField
              id="ranking-metric"
              name="metric"
              label={t('rankings.metric')}
              defaultValue={list.metric}
              options={RANKING_METRICS.map((m) => ({ value: m, label: t(`rankings.metric.${m}`) }))}
            />
            <SelectField
              id="ranking-district"
              name="districtId"
              label={t('rankings.district')}
              placeholder={t('common.all')}
              defaultValue={input.districtId ?? ''}
              options={options.districts.map((d) => ({ value: d.id, label: name(d) }))}
            />
            <SelectField
              id="ranking-band"
              name="gradeBand"
              label={t('rankings.gradeBand')}
              placeholder={t('common.all')}
              defaultValue={input.gradeBand ?? ''}
              options={[3, 2, 1, 0].map((b) => ({ value: b, label: t(`rankings.band.${b}` as MessageKey) }))}
            />
          </FilterBar>
          {list.items.length === 0 ? (
            <EmptyState title={t('rankings.empty')} />
          ) : (
            <DataTable
              caption={`${t(`rankings.metric.${list.metric}`)} · ${list.month} · ${t('rankings.total', { total: list.total })}`}
              scrollLabel={t('rankings.scroll')}
            >
              <thead>
                <tr>
                  <Th>{t('rankings.col.shop')}</Th>
                  <Th>{t('rankings.col.group')}</Th>
                  <Th>{t('rankings.col.rank')}</Th>
                  <Th>{t('rankings.col.movement')}</Th>
                  <Th className="text-right">{t('rankings.col.amount')}</Th>
                  <Th className="text-right">{t('rankings.col.orders')}</Th>
                  <Th className="text-right">{t('rankings.col.score')}</Th>
                  <Th className="text-right">{t('rankings.col.violations')}</Th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((row) => (
                  <tr key={row.retailerId} data-testid="ranking-row">
                    <Td>
                      <Link href={`/retailers/${row.retailerId}`} className="inline-flex min-h-11 items-center">
                        {row.shopName}
                      </Link>
                      <span className="block font-mono text-sm text-ink-muted">{row.licenceNo}</span>
                    </Td>
                    <Td>
                      {name(row.district)} · {t(`rankings.band.${row.gradeBand}` as MessageKey)}
                    </Td>
                    <Td className="whitespace-nowrap" data-testid="ranking-rank">
                      {row.rank === null ? t('rankings.unranked') : t('rankings.rankOf', { rank: row.rank, size: row.groupSize })}
                    </Td>
                    <Td className="whitespace-nowrap">{movementText(t, row.movement)}</Td>
                    <Td className="text-right whitespace-nowrap">{formatFen(row.amountFen, locale)}</Td>
                    <Td className="text-right">{formatNumber(row.orderCount, locale)}</Td>
                    <Td className="text-right">{row.gradeScore === null ? '—' : formatNumber(row.gradeScore, locale)}</Td>
                    <Td className="text-right">{formatNumber(row.violations, locale)}</Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
          <ListPagination
            page={list.page}
            pages={list.pages}
            total={list.total}
            hrefFor={(page) => hrefWith('/rankings', { ...filters, page: page === 1 ? undefined : page })}
          />
        </>
      )}
    </div>
  );
}
