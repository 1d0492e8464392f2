import type { Locale } from '@tobacco/i18n/locale';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { StaffDeps } from '../deps';
import { streamSheet, type ExportFormat } from '../admin/retailer-export';
import { demandRowsForExport, type DemandRow } from './forecast.service';

// Whole 条, halves away from zero (a shortfall of 1.5 is 2 short, as the screen says).
const round = (x: number | null) => (x === null ? null : Math.sign(x) * Math.round(Math.abs(x)));
const percent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

// The demand list (every product of the scope) as CSV or Excel in the reader's language, through the screen's
// own computation: per cycle ahead, the expected demand, the planned limit and their difference; then the MAPE.
export async function exportDemand(
  deps: StaffDeps,
  input: { districtId?: number; productId?: number; format: ExportFormat; locale: Locale },
): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const { format, locale, ...filter } = input;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const { targets, rows } = await demandRowsForExport(deps, filter);
  const headers = [
    t('products.col.code'),
    t('products.col.product'),
    ...targets.flatMap((target) => {
      const cycle = target.code ?? target.week;
      return [
        t('products.demand.col.forecastOf', { cycle }),
        t('products.demand.col.limitOf', { cycle }),
        t('products.demand.col.differenceOf', { cycle }),
      ];
    }),
    t('products.demand.col.mapePercent'),
  ];
  const cells = (r: DemandRow) => [
    r.code,
    `${r.brand}（${r.name}）`,
    ...r.cells.flatMap((c) => [
      round(c.forecast),
      c.limit === null ? t('products.demand.noPolicyShort') : c.limit === 'unlimited' ? t('products.unlimited') : c.limit,
      round(c.difference),
    ]),
    percent(r.backtest.mape),
  ];
  async function* batches() {
    if (rows.length) yield rows;
  }
  const body = streamSheet(headers, batches(), cells, format, t('products.demand.sheet'));
  return { filename: `demand-${filter.districtId ?? 'all'}.${format}`, body };
}
