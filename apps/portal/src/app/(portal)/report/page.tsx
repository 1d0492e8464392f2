import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { percentChange } from '@tobacco/api/analytics/business-report.rules';
import { ZMyReportInput } from '@tobacco/api/analytics/business-report.schema';
import { formatDateTime, formatFen, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';
import { buttonClass } from '@tobacco/ui/button';
import { SelectField } from '@tobacco/ui/field';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { getServerApi } from '@/trpc/server';
import { PrintButton } from './print-button';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('report.title') };
}

const card = 'flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6 print:break-inside-avoid print:shadow-none';

function change(t: Translate, now: number, before: number): string {
  const pct = percentChange(now, before);
  return pct === null ? t('report.change.none') : `${pct > 0 ? '+' : ''}${pct}%`;
}

export default async function ReportPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const { month } = await searchParams;
  const parsed = ZMyReportInput.safeParse({ month: month || undefined });
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let report;
  try {
    report = await api.report.mine(parsed.success ? parsed.data : {});
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('report.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  if (!report.month) {
    return (
      <>
        <PageTitle description={t('report.description')}>{t('report.title')}</PageTitle>
        <EmptyState title={t('report.none')} />
      </>
    );
  }
  const { totals } = report;
  const rows: { label: MessageKey; pick: (s: typeof totals.current) => number; show: (n: number) => string }[] = [
    { label: 'report.row.quantity', pick: (s) => s.quantityTiao, show: (n) => formatNumber(n, locale) },
    { label: 'report.row.amount', pick: (s) => s.amountFen, show: (n) => formatFen(n, locale) },
    { label: 'report.row.orders', pick: (s) => s.orderCount, show: (n) => formatNumber(n, locale) },
  ];

  return (
    <div className="flex flex-col gap-6 print:gap-4">
      <PageTitle description={t('report.description')}>
        {t('report.title')} · {report.month}
      </PageTitle>
      <div className="flex flex-wrap items-end gap-3 print:hidden">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <SelectField
            id="report-month"
            name="month"
            label={t('report.month')}
            defaultValue={report.month}
            options={report.months.map((m) => ({ value: m, label: m }))}
          />
          <button type="submit" className={buttonClass('primary')}>
            {t('report.show')}
          </button>
        </form>
        <PrintButton label={t('report.print')} />
        <a href={`/report/export?month=${report.month}`} className={buttonClass('secondary')} download>
          {t('report.excel')}
        </a>
      </div>

      <section aria-labelledby="summary-title" className={card} data-testid="report-summary">
        <h2 id="summary-title" className="text-xl font-bold">
          {t('report.summary.title')}
        </h2>
        {report.summary.map((line) => (
          <p key={line.key} className="text-lg">
            {t(line.key as MessageKey, line.params)}
          </p>
        ))}
      </section>

      {report.comment ? (
        <section aria-labelledby="comment-title" className={card} data-testid="report-comment">
          <h2 id="comment-title" className="text-xl font-bold">
            {t('report.comment.title')}
          </h2>
          <p className="text-lg whitespace-pre-line break-words">{report.comment.body}</p>
          <p className="text-sm text-ink-muted">
            {t(report.comment.edited ? 'report.comment.editedBy' : 'report.comment.by', {
              name: report.comment.authorName,
              at: formatDateTime(report.comment.updatedAt, locale),
            })}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="totals-title" className={card}>
        <h2 id="totals-title" className="text-xl font-bold">
          {t('report.totals.title')}
        </h2>
        <DataTable caption={t('report.totals.title')} captionHidden scrollLabel={t('report.totals.title')}>
          <thead>
            <tr>
              <Th>{t('report.col.item')}</Th>
              <Th className="text-right">{t('report.col.current')}</Th>
              <Th className="text-right">{t('report.col.previous')}</Th>
              <Th className="text-right">{t('report.col.lastYear')}</Th>
              <Th className="text-right">{t('report.col.change')}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <Td>{t(row.label)}</Td>
                <Td className="text-right whitespace-nowrap">{row.show(row.pick(totals.current))}</Td>
                <Td className="text-right whitespace-nowrap">{row.show(row.pick(totals.previous))}</Td>
                <Td className="text-right whitespace-nowrap">{row.show(row.pick(totals.lastYear))}</Td>
                <Td className="text-right whitespace-nowrap">{change(t, row.pick(totals.current), row.pick(totals.previous))}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      {report.byClass.length ? (
        <section aria-labelledby="class-title" className={card}>
          <h2 id="class-title" className="text-xl font-bold">
            {t('report.class.title')}
          </h2>
          <DataTable caption={t('report.class.title')} captionHidden scrollLabel={t('report.class.title')}>
            <thead>
              <tr>
                <Th>{t('report.col.item')}</Th>
                <Th className="text-right">{t('report.col.current')}</Th>
                <Th className="text-right">{t('report.col.previous')}</Th>
                <Th className="text-right">{t('report.col.lastYear')}</Th>
              </tr>
            </thead>
            <tbody>
              {report.byClass.map((c) => (
                <tr key={c.productClass}>
                  <Td>{t('report.class.name', { class: String(c.productClass) })}</Td>
                  <Td className="text-right">{formatNumber(c.quantityTiao, locale)}</Td>
                  <Td className="text-right">{formatNumber(c.previousTiao, locale)}</Td>
                  <Td className="text-right">{formatNumber(c.lastYearTiao, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      {report.byBrand.length ? (
        <section aria-labelledby="brand-title" className={card}>
          <h2 id="brand-title" className="text-xl font-bold">
            {t('report.brand.title')}
          </h2>
          <DataTable caption={t('report.brand.title')} captionHidden scrollLabel={t('report.brand.title')}>
            <thead>
              <tr>
                <Th>{t('report.col.brand')}</Th>
                <Th className="text-right">{t('report.col.current')}</Th>
                <Th className="text-right">{t('report.col.previous')}</Th>
              </tr>
            </thead>
            <tbody>
              {report.byBrand.map((b) => (
                <tr key={b.brand}>
                  <Td>{b.brand}</Td>
                  <Td className="text-right">{formatNumber(b.quantityTiao, locale)}</Td>
                  <Td className="text-right">{formatNumber(b.previousTiao, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      <section aria-labelledby="scarce-title" className={card}>
        <h2 id="scarce-title" className="text-xl font-bold">
          {t('report.scarce.title')}
        </h2>
        <p>
          {report.scarce.quantityTiao > 0
            ? t('report.scarce.text', { quantity: report.scarce.quantityTiao, share: report.scarce.share ?? 0 })
            : t('report.scarce.none')}
        </p>
      </section>

      <section aria-labelledby="standing-title" className={card} data-testid="report-standing">
        <h2 id="standing-title" className="text-xl font-bold">
          {t('report.standing.title')}
        </h2>
        {report.standing.groupTooSmall ? (
          <p>{t('report.standing.tooSmall')}</p>
        ) : report.standing.sales === null ? (
          <p>{t('report.standing.unknown')}</p>
        ) : (
          <dl className="grid grid-cols-2 gap-3">
            <div>
              <dt className="text-ink-muted">{t('report.standing.sales')}</dt>
              <dd className="text-2xl font-bold text-brand-800">{t('report.standing.band', { band: report.standing.sales })}</dd>
            </div>
            <div>
              <dt className="text-ink-muted">{t('report.standing.frequency')}</dt>
              <dd className="text-2xl font-bold text-brand-800">
                {t('report.standing.band', { band: report.standing.frequency ?? 'none' })}
              </dd>
            </div>
          </dl>
        )}
        {report.computedAt ? (
          <p className="text-sm text-ink-muted">{t('report.computedAt', { at: formatDateTime(report.computedAt, locale) })}</p>
        ) : null}
      </section>

      <section aria-labelledby="peers-title" className={card}>
        <h2 id="peers-title" className="text-xl font-bold">
          {t('report.peers.title')}
        </h2>
        {report.peerProducts.length === 0 ? (
          <p>{t('report.peers.none')}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {report.peerProducts.map((p) => (
              <li key={p.productId}>
                <span className="font-semibold">
                  {p.brand}（{p.name}）
                </span>
                <span className="block text-ink-muted">{t('report.peers.share', { share: p.peerShare })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
