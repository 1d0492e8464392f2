import type { CapabilityMetric } from '@tobacco/api/analytics/business-analysis.rules';
import type { TRetailerAnalysis } from '@tobacco/api/analytics/business-analysis.schema';
import { formatDateTime, formatFen, formatNumber, formatPercent } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import type { Translate } from '@tobacco/i18n/translator';
import { Card } from '@tobacco/ui/card';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { CommentForm } from './comment-form';
import { TrendChart } from './lazy-trend-chart';

type Props = { analysis: TRetailerAnalysis; retailerId: number; t: Translate; locale: Locale };

/** The account manager's commentary on the month: who wrote it and when, and the form while it is open. */
export function CommentarySection({ analysis, retailerId, t, locale }: Props) {
  const { comment, commentWindow } = analysis;
  return (
    <Card aria-labelledby="comment-title" data-testid="report-comment">
      <h2 id="comment-title" className="mb-2 text-lg font-bold">
        {t('report.comment.title')}
      </h2>
      {comment ? (
        <>
          <p className="whitespace-pre-line" data-testid="report-comment-body">
            {comment.body}
          </p>
          <p className="mt-1 text-sm text-ink-muted">
            {t(comment.edited ? 'report.comment.editedBy' : 'report.comment.by', {
              name: comment.authorName,
              at: formatDateTime(comment.updatedAt, locale),
            })}
          </p>
        </>
      ) : (
        <p>{t('report.comment.none')}</p>
      )}
      {analysis.canComment && analysis.month ? (
        <div className="mt-4">
          {commentWindow ? (
            <p className="mb-2 text-sm text-ink-muted">{t('report.comment.openUntil', { until: commentWindow.until })}</p>
          ) : null}
          <CommentForm retailerId={retailerId} month={analysis.month} body={comment?.body ?? ''} version={comment?.version ?? 0} />
        </div>
      ) : commentWindow && !commentWindow.open ? (
        <p className="mt-2 text-sm text-ink-muted">
          {t(commentWindow.reason === 'closed' ? 'report.comment.closed' : 'report.comment.notClosed', { until: commentWindow.until })}
        </p>
      ) : (
        <p className="mt-2 text-sm text-ink-muted">{t('report.comment.readOnly')}</p>
      )}
    </Card>
  );
}

/** Twelve months of the shop's orders: a chart for the eye and the same figures as a table. */
export function TrendSection({ analysis, t, locale }: Props) {
  const { trend } = analysis;
  const anyOrders = trend.some((p) => p.orderCount > 0);
  return (
    <section aria-labelledby="trend-title" className="flex flex-col gap-3" data-testid="analysis-trend">
      <h2 id="trend-title" className="text-lg font-bold">
        {t('analysis.trend.title')}
      </h2>
      {trend.length === 0 ? (
        <p>{t('analysis.trend.none')}</p>
      ) : (
        <>
          {!anyOrders ? (
            <p>{t('analysis.trend.noOrders')}</p>
          ) : trend.length < 2 ? (
            <p>{t('analysis.trend.tooShort')}</p>
          ) : (
            <>
              <p className="text-sm text-ink-muted">{t('analysis.trend.chartHidden')}</p>
              <div aria-hidden="true" data-testid="analysis-trend-chart">
                <TrendChart data={trend} quantityLabel={t('analysis.trend.quantity')} />
              </div>
            </>
          )}
          <DataTable caption={t('analysis.trend.title')} captionHidden scrollLabel={t('analysis.trend.title')}>
            <thead>
              <tr>
                <Th>{t('analysis.trend.month')}</Th>
                <Th className="text-right">{t('analysis.trend.quantity')}</Th>
                <Th className="text-right">{t('analysis.trend.amount')}</Th>
                <Th className="text-right">{t('analysis.trend.orders')}</Th>
              </tr>
            </thead>
            <tbody>
              {trend.map((p) => (
                <tr key={p.month}>
                  <Td>{p.month}</Td>
                  <Td className="text-right">{formatNumber(p.quantityTiao, locale)}</Td>
                  <Td className="text-right whitespace-nowrap">{formatFen(p.amountFen, locale)}</Td>
                  <Td className="text-right">{formatNumber(p.orderCount, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </section>
  );
}

const METRICS: CapabilityMetric[] = ['volume', 'amount', 'variety', 'premium', 'regularity'];

/** Volume, amount, variety, premium share and regularity, each with its band among the shop's peers. */
export function CapabilitySection({ analysis, t, locale }: Props) {
  const { capability, peers, window } = analysis;
  const value = (metric: CapabilityMetric): string => {
    if (!capability) return t('analysis.capability.noFigure');
    const show = {
      volume: t('analysis.capability.volumeValue', { n: capability.volumePerMonth }),
      amount: formatFen(capability.amountFenPerMonth, locale),
      variety: capability.variety === null ? null : t('analysis.capability.varietyValue', { n: capability.variety }),
      premium: capability.premiumShare === null ? null : formatPercent(capability.premiumShare / 100, locale),
      regularity: capability.regularity === null ? null : formatPercent(capability.regularity / 100, locale),
    }[metric];
    return show ?? t('analysis.capability.noFigure');
  };
  const band = (metric: CapabilityMetric) => peers.bands.find((b) => b.metric === metric)?.band ?? null;
  return (
    <section aria-labelledby="capability-title" className="flex flex-col gap-3" data-testid="analysis-capability">
      <h2 id="capability-title" className="text-lg font-bold">
        {t('analysis.capability.title')}
      </h2>
      {!capability || !window ? (
        <p>
          {t(analysis.computedAt === null && analysis.trend.length > 0 ? 'analysis.capability.notComputed' : 'analysis.capability.none')}
        </p>
      ) : (
        <>
          <p className="text-sm text-ink-muted">
            {t('analysis.capability.span', {
              months: capability.activeMonths,
              from: analysis.trend[0]?.month ?? window.from,
              to: window.to,
            })}
          </p>
          {analysis.computedAt ? (
            <p className="text-sm text-ink-muted">
              {t('analysis.capability.computedAt', { at: formatDateTime(analysis.computedAt, locale) })}
            </p>
          ) : null}
          <p className="text-sm text-ink-muted" data-testid="analysis-peers">
            {peers.groupTooSmall
              ? t('analysis.peers.tooSmall')
              : t('analysis.peers.group', { district: peers.districtName, band: String(peers.gradeBand), n: peers.groupSize })}
          </p>
          <DataTable caption={t('analysis.capability.title')} captionHidden scrollLabel={t('analysis.capability.title')}>
            <thead>
              <tr>
                <Th>{t('report.col.item')}</Th>
                <Th className="text-right">{t('analysis.capability.value')}</Th>
                <Th>{t('analysis.capability.band')}</Th>
                <Th>{t('analysis.capability.how')}</Th>
              </tr>
            </thead>
            <tbody>
              {METRICS.map((metric) => {
                const b = band(metric);
                return (
                  <tr key={metric}>
                    <Td>{t('analysis.capability.metric', { metric })}</Td>
                    <Td className="text-right whitespace-nowrap">{value(metric)}</Td>
                    <Td>{b ? t('report.standing.band', { band: b }) : t('analysis.peers.noBand')}</Td>
                    <Td className="text-sm text-ink-muted">{t('analysis.capability.howText', { metric })}</Td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
          <p>
            {capability.intervals
              ? t('analysis.capability.intervals', { mean: capability.intervals.meanDays, sd: capability.intervals.sdDays })
              : t('analysis.capability.intervalsNone')}
          </p>
        </>
      )}
    </section>
  );
}
