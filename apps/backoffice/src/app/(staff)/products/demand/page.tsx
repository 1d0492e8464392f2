import type { Metadata } from 'next';
import { FORECAST_HORIZON, LEVEL_CYCLES, MIN_LEVEL_CYCLES } from '@tobacco/api/products/forecast.rules';
import { ZDemandInput } from '@tobacco/api/products/forecast.schema';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { joinList, type Translate } from '@tobacco/i18n/translator';
import { SelectField } from '@tobacco/ui/field';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { ExportLinks, FilterBar, ListPagination } from '@/components/list-kit';
import { getServerApi } from '@/trpc/server';
import { hrefWith, parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { ProductTabs } from '../_components/product-page';
import { DemandChart } from '../_components/lazy-charts';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('products.demand.title') };
}

type Tag = { holiday: 'SPRING_FESTIVAL' | 'NATIONAL_DAY' | 'OTHER_HOLIDAY'; offset: number } | null;

/** Where a cycle stands against 春节 / 国庆 / another holiday, in words; nothing for an ordinary cycle. */
function tagText(t: Translate, tag: Tag): string | null {
  if (!tag) return null;
  const where = tag.offset < 0 ? 'before' : tag.offset > 0 ? 'after' : 'at';
  return t(`products.demand.tag.${tag.holiday}.${where}` as MessageKey, { n: Math.abs(tag.offset) });
}

const tiao = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

export default async function DemandPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const input = parseSearch(ZDemandInput, params, { numbers: ['districtId', 'productId', 'page'] });
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let result, options;
  try {
    [result, options] = await Promise.all([api.products.demand(input), api.products.filterOptions()]);
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('products.demand.title')}</PageTitle>
        <ErrorState title={m.key === 'errors.FORBIDDEN' ? t('errors.FORBIDDEN') : t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const filters = { districtId: input.districtId, productId: input.productId };
  const charted = result.chart ? result.items.find((r) => r.productId === result.chart!.productId) : undefined;
  const productName = (r: { brand: string; name: string }) => `${r.brand}（${r.name}）`;

  return (
    <div className="flex flex-col gap-4">
      <PageTitle description={t('products.demand.description')}>{t('products.demand.title')}</PageTitle>
      <ProductTabs current="/products/demand" />
      {!result.source || !result.backtest ? (
        <EmptyState title={t('products.demand.noCycles')} />
      ) : (
        <>
          <FilterBar
            label={t('products.demand.filters')}
            resetHref="/products/demand"
            actions={<ExportLinks hrefFor={(format) => hrefWith('/products/demand/export', { ...filters, format })} />}
          >
            <SelectField
              id="demand-district"
              name="districtId"
              label={t('products.district')}
              placeholder={t('common.all')}
              defaultValue={input.districtId ?? ''}
              options={options.districts.map((d) => ({ value: d.id, label: locale === 'en' ? d.nameEn : d.name }))}
            />
            <SelectField
              id="demand-product"
              name="productId"
              label={t('products.demand.product')}
              placeholder={t('common.all')}
              defaultValue={input.productId ?? ''}
              options={result.choices.map((p) => ({ value: p.id, label: `${productName(p)} ${p.code}` }))}
            />
          </FilterBar>

          <div
            className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-3 text-sm text-ink-muted"
            data-testid="demand-source"
          >
            <p>
              {t('products.demand.source', {
                first: result.source.firstCycle,
                last: result.source.lastCycle,
                cycles: result.source.cycles,
                computedAt: formatDateTime(result.source.computedAt, locale),
              })}
            </p>
            {result.source.lagging ? (
              <p>{t('products.demand.lagging', { cycle: result.source.lagging, last: result.source.lastCycle })}</p>
            ) : null}
            {result.missingYears.length > 0 ? (
              <p>{t('products.demand.missingYears', { years: joinList(t, result.missingYears) })}</p>
            ) : null}
          </div>
          {input.districtId !== undefined && result.scope && result.scope.shops <= 1 ? (
            <p role="note" className="rounded-lg border border-line bg-warning-50 p-3 text-warning-800" data-testid="demand-one-shop">
              {t('products.demand.oneShop', { n: result.scope.shops })}
            </p>
          ) : null}

          <div className="grid gap-4 lg:grid-cols-2">
            <section
              aria-labelledby="demand-mape-title"
              className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4"
              data-testid="demand-mape"
            >
              <h2 id="demand-mape-title" className="text-lg font-bold">
                {t('products.demand.mape.title')}
              </h2>
              {result.backtest.mape === null ? (
                <p className="font-semibold">{t('products.demand.mape.none')}</p>
              ) : (
                <p className="text-2xl font-bold text-brand-800">
                  {t('products.demand.mape.value', { mape: formatPercent(result.backtest.mape, locale) })}
                </p>
              )}
              <p className="text-sm">
                {t('products.demand.mape.period', {
                  first: result.backtest.firstCycle,
                  last: result.backtest.lastCycle,
                  cycles: result.backtest.cycles,
                  series: result.backtest.series,
                })}
              </p>
              {result.backtest.skippedZero > 0 ? (
                <p className="text-sm">{t('products.demand.mape.skippedZero', { n: result.backtest.skippedZero })}</p>
              ) : null}
              {result.backtest.skippedNoForecast > 0 ? (
                <p className="text-sm">{t('products.demand.mape.skippedNoForecast', { n: result.backtest.skippedNoForecast })}</p>
              ) : null}
              <p className="text-sm text-ink-muted">{t('products.demand.mape.read')}</p>
            </section>
            <section
              aria-labelledby="demand-method-title"
              className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4 text-sm"
              data-testid="demand-method"
            >
              <h2 id="demand-method-title" className="text-lg font-bold">
                {t('products.demand.method.title')}
              </h2>
              <p className="font-semibold">{t('products.demand.method.formula')}</p>
              <p>{t('products.demand.method.level', { cycles: LEVEL_CYCLES })}</p>
              <p>{t('products.demand.method.holiday')}</p>
              <p>{t('products.demand.method.season')}</p>
              <p>{t('products.demand.method.shrink')}</p>
              <p>{t('products.demand.method.fallback', { min: MIN_LEVEL_CYCLES })}</p>
            </section>
          </div>

          {charted ? (
            <section aria-labelledby="demand-chart-title" className="flex flex-col gap-2">
              <h2 id="demand-chart-title" className="text-lg font-bold">
                {t('products.demand.chart.title', { product: productName(charted) })}
              </h2>
              {charted.method === 'noHistory' ? (
                <p data-testid="demand-chart-empty">{t('products.demand.chart.noHistory', { product: productName(charted) })}</p>
              ) : (
                <>
                  <p className="text-sm text-ink-muted">{t('products.demand.chart.hint')}</p>
                  <div aria-hidden="true" data-testid="demand-chart">
                    <DemandChart
                      data={result.chart!.points.map((p) => ({
                        label: p.code,
                        actual: p.actual,
                        backtest: p.backtest === null ? null : tiao(p.backtest),
                        forecast: p.forecast === null ? null : tiao(p.forecast),
                        limit: p.limit,
                      }))}
                      labels={{
                        actual: t('products.demand.chart.actual'),
                        backtest: t('products.demand.chart.backtest'),
                        forecast: t('products.demand.chart.forecast'),
                        limit: t('products.demand.chart.limit'),
                      }}
                    />
                  </div>
                  <details className="text-sm">
                    <summary className="cursor-pointer font-semibold">{t('products.demand.chart.data')}</summary>
                    <DataTable
                      caption={t('products.demand.chart.title', { product: productName(charted) })}
                      scrollLabel={t('products.scroll', { name: t('products.demand.chart.data') })}
                    >
                      <thead>
                        <tr>
                          <Th>{t('products.demand.col.cycle')}</Th>
                          <Th className="text-right">{t('products.demand.chart.actual')}</Th>
                          <Th className="text-right">{t('products.demand.chart.backtest')}</Th>
                          <Th className="text-right">{t('products.demand.chart.forecast')}</Th>
                          <Th className="text-right">{t('products.demand.chart.limit')}</Th>
                        </tr>
                      </thead>
                      <tbody>
                        {result.chart!.points.map((p) => (
                          <tr key={p.week}>
                            <Td>{p.code}</Td>
                            {[p.actual, p.backtest, p.forecast, p.limit].map((v, i) => (
                              <Td key={i} className="text-right">
                                {v === null ? '—' : formatNumber(tiao(v), locale)}
                              </Td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </DataTable>
                  </details>
                </>
              )}
            </section>
          ) : null}

          <p className="text-sm text-ink-muted">{t('products.demand.limitNote')}</p>
          {result.items.length === 0 ? (
            <EmptyState title={t('products.demand.noHistory')} />
          ) : (
            <>
              <DataTable
                caption={`${t('products.demand.list')} · ${t('products.total', { total: result.total })}`}
                scrollLabel={t('products.scroll', { name: t('products.demand.list') })}
              >
                <thead>
                  <tr>
                    <Th>{t('products.col.product')}</Th>
                    {result.targets.slice(0, FORECAST_HORIZON).map((target) => (
                      <Th key={target.week} className="text-right">
                        {target.code ?? formatDate(target.week, locale)}
                        <span className="block text-sm font-normal">{formatDate(target.week, locale)}</span>
                        {tagText(t, target.tag) ? <span className="block text-sm font-normal">{tagText(t, target.tag)}</span> : null}
                        <span className="block text-sm font-normal">
                          {target.policy
                            ? t(`products.demand.policy.${target.policy.state}`, { version: target.policy.version })
                            : t('products.demand.noPolicy')}
                        </span>
                      </Th>
                    ))}
                    <Th className="text-right">{t('products.demand.col.mape')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((row) => (
                    <tr key={row.productId} data-testid="demand-row">
                      <Td>
                        {productName(row)}
                        <span className="block font-mono text-sm text-ink-muted">{row.code}</span>
                        {!row.active ? <span className="block text-sm text-ink-muted">{t('products.demand.inactive')}</span> : null}
                        {row.method === 'noHistory' ? (
                          <strong className="block text-sm text-warning-800" data-testid="demand-no-history">
                            {t('products.demand.noHistory')}
                          </strong>
                        ) : row.method === 'plainLevel' ? (
                          <span className="block text-sm text-warning-800">
                            {t('products.demand.plainLevel', { n: row.historyCycles })}
                          </span>
                        ) : null}
                      </Td>
                      {row.cells.map((cell, i) => (
                        <Td key={cell.week} className="text-right whitespace-nowrap">
                          {cell.forecast !== null ? (
                            <span className="block font-semibold">{t('products.demand.forecast', { n: tiao(cell.forecast) })}</span>
                          ) : null}
                          <span className="block text-sm">
                            {cell.limit === null
                              ? t('products.demand.noPolicyShort')
                              : cell.limit === 'unlimited'
                                ? t('products.unlimited')
                                : t('products.demand.limit', { n: cell.limit })}
                          </span>
                          {cell.difference !== null ? (
                            <span className={`block text-sm ${cell.difference < 0 ? 'font-semibold text-danger-700' : 'text-ink-muted'}`}>
                              {cell.difference < 0
                                ? t('products.demand.short', { n: tiao(-cell.difference) })
                                : t('products.demand.room', { n: tiao(cell.difference) })}
                            </span>
                          ) : null}
                          {/* The factor when there is one, or when a holiday week had no history to go by; an ordinary week at ×1 says nothing. */}
                          {cell.factorSource &&
                          cell.factor !== null &&
                          row.method === 'seasonal' &&
                          (cell.factorSource !== 'none' || result.targets[i]?.tag) ? (
                            <span className="block text-sm text-ink-muted">
                              {cell.factorSource === 'none'
                                ? t('products.demand.factor.none')
                                : t(`products.demand.factor.${cell.factorSource}`, {
                                    factor: formatNumber(Math.round(cell.factor * 100) / 100, locale),
                                  })}
                            </span>
                          ) : null}
                        </Td>
                      ))}
                      <Td className="text-right whitespace-nowrap">
                        {row.backtest.mape === null ? t('products.demand.mapeNone') : formatPercent(row.backtest.mape, locale)}
                        {row.backtest.skippedZero > 0 ? (
                          <span className="block text-sm text-ink-muted">
                            {t('products.demand.mapeSkipped', { n: row.backtest.skippedZero })}
                          </span>
                        ) : null}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <ListPagination
                page={result.page}
                pages={result.pages}
                total={result.total}
                hrefFor={(page) => hrefWith('/products/demand', { ...filters, page: page === 1 ? undefined : page })}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
