import type { Locale } from '@tobacco/i18n/locale';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { RetailerDeps } from '../deps';
import { streamSheet } from '../admin/retailer-export';
import { getMyReport } from './business-report.service';
import type { TMyReportInput } from './business-report.schema';

type Cell = string | number | null;

/** The shop's report as an Excel sheet in the reader's language: the same figures the page shows. */
export async function exportMyReport(
  deps: RetailerDeps,
  input: TMyReportInput & { locale: Locale },
): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const report = await getMyReport(deps, { month: input.month });
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(input.locale, key, params);
  const { current, previous, lastYear } = report.totals;
  const rows: Cell[][] = [
    ...report.summary.map((line) => [t('report.summary.title'), t(line.key as MessageKey, line.params), null, null, null]),
    [t('report.totals.title'), t('report.row.quantity'), current.quantityTiao, previous.quantityTiao, lastYear.quantityTiao],
    [t('report.totals.title'), t('report.row.amount'), current.amountFen / 100, previous.amountFen / 100, lastYear.amountFen / 100],
    [t('report.totals.title'), t('report.row.orders'), current.orderCount, previous.orderCount, lastYear.orderCount],
    ...report.byClass.map((c) => [
      t('report.class.title'),
      t('report.class.name', { class: String(c.productClass) }),
      c.quantityTiao,
      c.previousTiao,
      c.lastYearTiao,
    ]),
    ...report.byBrand.map((b) => [t('report.brand.title'), b.brand, b.quantityTiao, b.previousTiao, null]),
    ...report.peerProducts.map((p) => [t('report.peers.title'), `${p.brand}（${p.name}）`, p.peerShare, null, null]),
  ];
  async function* batches() {
    yield rows;
  }
  const body = streamSheet(
    ['', t('report.col.item'), t('report.col.current'), t('report.col.previous'), t('report.col.lastYear')],
    batches(),
    (row) => row,
    'xlsx',
    t('report.sheet'),
  );
  return { filename: `report-${report.month ?? 'none'}.xlsx`, body };
}
