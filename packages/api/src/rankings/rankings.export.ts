import type { Locale } from '@tobacco/i18n/locale';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { StaffDeps } from '../deps';
import { streamSheet, type ExportFormat } from '../admin/retailer-export';
import { rankingBatches, type listRankings } from './rankings.service';
import type { TListRankingsInput } from './rankings.schema';

type Row = Awaited<ReturnType<typeof listRankings>>['items'][number];

// A month's ranking as CSV or Excel in the reader's language, through the screen's own scoped query.
export function exportRankings(
  deps: StaffDeps,
  input: TListRankingsInput & { format: ExportFormat; locale: Locale },
): { filename: string; body: ReadableStream<Uint8Array> } {
  const { format, locale, ...filter } = input;
  const t = (key: MessageKey) => translate(locale, key);
  const columns: [MessageKey, (r: Row) => string | number | null][] = [
    ['rankings.col.shop', (r) => `${r.shopName} ${r.licenceNo}`],
    ['rankings.district', (r) => (locale === 'en' ? r.district.nameEn : r.district.name)],
    ['rankings.gradeBand', (r) => t(`rankings.band.${r.gradeBand}` as MessageKey)],
    ['rankings.col.rank', (r) => r.rank],
    ['rankings.col.movement', (r) => r.movement],
    ['rankings.col.amount', (r) => r.amountFen / 100],
    ['rankings.col.quantity', (r) => r.quantityTiao],
    ['rankings.col.orders', (r) => r.orderCount],
    ['rankings.col.score', (r) => r.gradeScore],
    ['rankings.col.violations', (r) => r.violations],
  ];
  const body = streamSheet(
    columns.map(([key]) => t(key)),
    rankingBatches(deps, filter),
    (r) => columns.map(([, cell]) => cell(r)),
    format,
    t('rankings.sheet'),
  );
  return { filename: `rankings-${filter.month ?? 'latest'}-${filter.metric ?? 'sales'}.${format}`, body };
}
