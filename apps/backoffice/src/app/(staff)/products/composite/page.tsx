import type { Metadata } from 'next';
import { COMPOSITE_SORTS, ZCompositeInput } from '@tobacco/api/products/products.schema';
import { formatFen, formatPercent } from '@tobacco/i18n/format';
import { SelectField } from '@tobacco/ui/field';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { FilterBar, ListPagination } from '@/components/list-kit';
import { getServerApi } from '@/trpc/server';
import { hrefWith, parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { GroupFields, ProductTabs, SourceNote } from '../_components/product-page';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('products.composite.title') };
}

export default async function CompositePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const input = parseSearch(ZCompositeInput, params, { numbers: ['districtId', 'gradeBand', 'page'] });
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let list, options;
  try {
    [list, options] = await Promise.all([api.products.composite(input), api.products.filterOptions()]);
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('products.composite.title')}</PageTitle>
        <ErrorState title={m.key === 'errors.FORBIDDEN' ? t('errors.FORBIDDEN') : t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const filters = {
    period: list.source?.period,
    districtId: input.districtId,
    gradeBand: input.gradeBand,
    sort: list.sort,
    dir: list.dir,
  };

  return (
    <div className="flex flex-col gap-4">
      <PageTitle description={t('products.composite.description')}>{t('products.composite.title')}</PageTitle>
      <ProductTabs current="/products/composite" />
      {!list.source ? (
        <EmptyState title={t('products.noMonths')} />
      ) : (
        <>
          <FilterBar label={t('products.filters')} resetHref="/products/composite" columns="wide-5">
            <GroupFields
              t={t}
              locale={locale}
              options={options}
              period={list.source.period}
              districtId={input.districtId}
              gradeBand={input.gradeBand}
            />
            <SelectField
              id="product-sort"
              name="sort"
              label={t('products.sort')}
              defaultValue={list.sort}
              options={COMPOSITE_SORTS.map((s) => ({ value: s, label: t(`products.sort.${s}`) }))}
            />
            <SelectField
              id="product-dir"
              name="dir"
              label={t('products.dir')}
              defaultValue={list.dir}
              options={(['desc', 'asc'] as const).map((d) => ({ value: d, label: t(`products.dir.${d}`) }))}
            />
          </FilterBar>
          <SourceNote t={t} locale={locale} source={list.source} />
          <div className="flex flex-col gap-1 text-sm text-ink-muted">
            <p>
              {list.previous?.hasData
                ? t('products.previous', { period: list.previous.period })
                : t('products.previousMissing', { period: list.previous?.period ?? '' })}
            </p>
            <p>{t('products.reachNote')}</p>
            <p>{t('products.limitNote')}</p>
          </div>
          {!list.hasSales ? (
            <EmptyState title={t('products.compositeNoData', { period: list.source.period })} />
          ) : (
            <>
              <DataTable
                caption={`${t('products.composite.title')} · ${list.source.period} · ${t('products.total', { total: list.total })}`}
                scrollLabel={t('products.scroll', { name: t('products.composite.title') })}
              >
                <thead>
                  <tr>
                    <Th>{t('products.col.product')}</Th>
                    <Th className="text-right">{t('products.col.sales')}</Th>
                    <Th className="text-right">{t('products.col.growth')}</Th>
                    <Th>{t('products.col.reach')}</Th>
                    <Th className="text-right">{t('products.col.fulfilment')}</Th>
                    <Th>{t('products.col.priceBand')}</Th>
                    <Th>{t('products.col.scarce')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((row) => (
                    <tr key={row.productId} data-testid="composite-row">
                      <Td>
                        {row.brand}（{row.name}）<span className="block font-mono text-sm text-ink-muted">{row.code}</span>
                      </Td>
                      <Td className="text-right whitespace-nowrap">
                        {row.quantityTiao === 0 ? (
                          t('products.noSales')
                        ) : (
                          <>
                            {formatFen(row.amountFen, locale)}
                            <span className="block text-sm text-ink-muted">{t('products.volumeTiao', { n: row.quantityTiao })}</span>
                          </>
                        )}
                      </Td>
                      <Td className="text-right whitespace-nowrap">
                        {row.growth === null ? t('products.noBase') : formatPercent(row.growth, locale)}
                      </Td>
                      <Td className="whitespace-nowrap">
                        {row.reach.map((r) => (
                          <span key={r.month} className="block">
                            {t('products.reachMonth', { month: r.month, n: r.shops })}
                          </span>
                        ))}
                      </Td>
                      <Td className="text-right">
                        {row.fulfilment === null ? t('products.unlimited') : formatPercent(row.fulfilment, locale)}
                      </Td>
                      <Td className="whitespace-nowrap">{t(`products.price.${row.priceBand}`)}</Td>
                      <Td>{row.scarce ? t('products.scarce') : t('products.notScarce')}</Td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <ListPagination
                page={list.page}
                pages={list.pages}
                total={list.total}
                hrefFor={(page) => hrefWith('/products/composite', { ...filters, page: page === 1 ? undefined : page })}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
