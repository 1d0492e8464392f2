import type { Metadata } from 'next';
import { PARETO_MEASURES } from '@tobacco/api/products/products.rules';
import { ZParetoInput } from '@tobacco/api/products/products.schema';
import { formatFen, formatNumber, formatPercent } from '@tobacco/i18n/format';
import { SelectField } from '@tobacco/ui/field';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { ExportLinks, FilterBar } from '@/components/list-kit';
import { getServerApi } from '@/trpc/server';
import { hrefWith, parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { GroupFields, ProductTabs, SourceNote } from '../_components/product-page';
import { ConcentrationCurve } from '../_components/lazy-charts';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('products.pareto.title') };
}

export default async function ParetoPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const input = parseSearch(ZParetoInput, params, { numbers: ['districtId', 'gradeBand'] });
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let result, options;
  try {
    [result, options] = await Promise.all([api.products.pareto(input), api.products.filterOptions()]);
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('products.pareto.title')}</PageTitle>
        <ErrorState title={m.key === 'errors.FORBIDDEN' ? t('errors.FORBIDDEN') : t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const measureLabel = t(`products.measure.${result.measure}`);
  const filters = {
    period: result.source?.period,
    districtId: input.districtId,
    gradeBand: input.gradeBand,
    measure: result.measure,
  };
  const value = (v: number) => (result.measure === 'amount' ? formatFen(v, locale) : t('products.volumeTiao', { n: v }));
  const narrowed = input.districtId !== undefined || input.gradeBand !== undefined;

  return (
    <div className="flex flex-col gap-4">
      <PageTitle description={t('products.pareto.description')}>{t('products.pareto.title')}</PageTitle>
      <ProductTabs current="/products/pareto" />
      {!result.source ? (
        <EmptyState title={t('products.noMonths')} />
      ) : (
        <>
          <FilterBar
            label={t('products.filters')}
            resetHref="/products/pareto"
            columns="wide-5"
            actions={<ExportLinks hrefFor={(format) => hrefWith('/products/pareto/export', { ...filters, format })} />}
          >
            <GroupFields
              t={t}
              locale={locale}
              options={options}
              period={result.source.period}
              districtId={input.districtId}
              gradeBand={input.gradeBand}
            />
            <SelectField
              id="product-measure"
              name="measure"
              label={t('products.measure')}
              defaultValue={result.measure}
              options={PARETO_MEASURES.map((m) => ({ value: m, label: t(`products.measure.${m}`) }))}
            />
          </FilterBar>
          <SourceNote t={t} locale={locale} source={result.source} />
          {narrowed && result.scopeShops <= 1 ? (
            <p role="note" className="rounded-lg border border-line bg-warning-50 p-3 text-warning-800" data-testid="product-one-shop">
              {t('products.oneShop', { n: result.scopeShops })}
            </p>
          ) : null}
          {result.rows.length === 0 ? (
            <EmptyState title={t('products.noData', { period: result.source.period })} />
          ) : (
            <>
              <p data-testid="pareto-summary">
                {result.rows.length === 1
                  ? t('products.pareto.onlyProduct', { measure: measureLabel })
                  : t('products.pareto.summary', {
                      products: result.rows.length,
                      core: result.coreCount,
                      coreShare: result.coreCount / result.rows.length,
                      measure: measureLabel,
                    })}
              </p>
              <section aria-labelledby="pareto-curve" className="flex flex-col gap-2">
                <h2 id="pareto-curve" className="text-lg font-bold">
                  {t('products.pareto.curve')}
                </h2>
                <p className="text-sm text-ink-muted">{t('products.pareto.curveHint', { measure: measureLabel })}</p>
                <div aria-hidden="true" data-testid="pareto-curve">
                  <ConcentrationCurve
                    data={[{ rank: 0, cumulative: 0 }, ...result.rows.map((r, i) => ({ rank: i + 1, cumulative: r.cumulative * 100 }))]}
                    coreCount={result.coreCount}
                    lineLabel={t('products.pareto.line')}
                    cumulativeLabel={t('products.pareto.cumulative')}
                  />
                </div>
              </section>
              <DataTable
                caption={`${t('products.pareto.list')} · ${measureLabel} · ${result.source.period}`}
                scrollLabel={t('products.scroll', { name: t('products.pareto.list') })}
              >
                <thead>
                  <tr>
                    <Th>{t('products.col.rank')}</Th>
                    <Th>{t('products.col.product')}</Th>
                    <Th className="text-right">{measureLabel}</Th>
                    <Th className="text-right">{t('products.col.share')}</Th>
                    <Th className="text-right">{t('products.col.cumulative')}</Th>
                    <Th>{t('products.col.core')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.productId} data-testid={row.core ? 'pareto-core-row' : 'pareto-row'}>
                      <Td>{formatNumber(row.rank, locale)}</Td>
                      <Td>
                        {row.product.brand}（{row.product.name}）
                        <span className="block font-mono text-sm text-ink-muted">{row.product.code}</span>
                      </Td>
                      <Td className="text-right whitespace-nowrap">{value(row.value)}</Td>
                      <Td className="text-right">{formatPercent(row.share, locale)}</Td>
                      <Td className="text-right">{formatPercent(row.cumulative, locale)}</Td>
                      <Td>{row.core ? <strong className="text-brand-800">{t('products.core')}</strong> : null}</Td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </>
          )}
        </>
      )}
    </div>
  );
}
