import type { Locale } from '@tobacco/i18n/locale';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { StaffDeps } from '../deps';
import { streamSheet, type ExportFormat } from '../admin/retailer-export';
import { paretoBatches, type getPareto } from './products.service';
import type { TParetoInput } from './products.schema';

type Row = Awaited<ReturnType<typeof getPareto>>['rows'][number];

const percent = (x: number) => Math.round(x * 10_000) / 100;

// The 80/20 list as CSV or Excel in the reader's language, through the screen's own query.
export function exportPareto(
  deps: StaffDeps,
  input: TParetoInput & { format: ExportFormat; locale: Locale },
): { filename: string; body: ReadableStream<Uint8Array> } {
  const { format, locale, ...filter } = input;
  const t = (key: MessageKey) => translate(locale, key);
  const measure = filter.measure ?? 'volume';
  const columns: [MessageKey, (r: Row) => string | number | null][] = [
    ['products.col.rank', (r) => r.rank],
    ['products.col.code', (r) => r.product.code],
    ['products.col.product', (r) => `${r.product.brand}（${r.product.name}）`],
    [measure === 'volume' ? 'products.col.volume' : 'products.col.amount', (r) => (measure === 'volume' ? r.value : r.value / 100)],
    ['products.col.sharePercent', (r) => percent(r.share)],
    ['products.col.cumulativePercent', (r) => percent(r.cumulative)],
    ['products.col.core', (r) => (r.core ? t('products.core') : '')],
  ];
  const body = streamSheet(
    columns.map(([key]) => t(key)),
    paretoBatches(deps, filter),
    (r) => columns.map(([, cell]) => cell(r)),
    format,
    t('products.pareto.sheet'),
  );
  return { filename: `pareto-${filter.period ?? 'latest'}-${measure}.${format}`, body };
}
