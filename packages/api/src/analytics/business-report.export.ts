import { formatDateTime } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { RetailerDeps } from '../deps';
import { streamSheet } from '../admin/retailer-export';
import { getMyReport } from './business-report.service';
import type { TMyReportInput } from './business-report.schema';

type Cell = string | number | null;

/**
 * The shop's report as an Excel sheet in the reader's language: the same figures, standing and commentary the
 * page shows.
 */
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
    [
      t('report.scarce.title'),
      report.scarce.share === null
        ? t('report.scarce.none')
        : t('report.scarce.text', { quantity: report.scarce.quantityTiao, share: report.scarce.share }),
      null,
      null,
      null,
    ],
    ...(['sales', 'frequency'] as const).map((metric) => {
      const band = report.standing[metric];
      const shown = report.standing.groupTooSmall
        ? t('report.standing.tooSmall')
        : band
          ? t('report.standing.band', { band })
          : t('report.standing.unknown');
      return [t('report.standing.title'), t(`report.standing.${metric}`), shown, null, null];
    }),
    ...report.peerProducts.map((p) => [t('report.peers.title'), `${p.brand}（${p.name}）`, p.peerShare, null, null]),
    ...(report.comment
      ? [
          [
            t('report.comment.title'),
            report.comment.body,
            t(report.comment.edited ? 'report.comment.editedBy' : 'report.comment.by', {
              name: report.comment.authorName,
              at: formatDateTime(report.comment.updatedAt, input.locale),
            }),
            null,
            null,
          ],
        ]
      : []),
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
