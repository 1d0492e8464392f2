import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { percentChange } from '@tobacco/api/analytics/business-report.rules';
import { formatFen, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { Card } from '@tobacco/ui/card';
import { SelectField } from '@tobacco/ui/field';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { getServerApi } from '@/trpc/server';
import { CapabilitySection, CommentarySection, TrendSection } from './analysis';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('report.staff.title') };
}

/** The shop's monthly business report as the shop reads it, for its account manager (another's shop: not found). */
export default async function RetailerReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ month?: string }>;
}) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2147483647) notFound();
  const { month } = await searchParams;
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  const input = { retailerId: id, month: /^\d{4}-(0[1-9]|1[0-2])$/.test(month ?? '') ? month : undefined };
  let report;
  let analysis;
  try {
    // The analysis needs reports.read (account managers, managers, executives); the report itself is
    // open to every staff member who may see the shop: without the permission the page is the report alone.
    [report, analysis] = await Promise.all([
      api.report.forRetailer(input),
      api.report.analysis(input).catch((error: unknown) => {
        if (errorMessageOf(error).key === 'errors.FORBIDDEN') return null;
        throw error;
      }),
    ]);
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  const back = (
    <p>
      <Link href={`/retailers/${id}`}>← {t('retailer360.title')}</Link>
    </p>
  );
  if (!report.month) {
    return (
      <div className="flex flex-col gap-5">
        {back}
        <PageTitle>{t('report.staff.title')}</PageTitle>
        <EmptyState title={t('report.staff.none')} />
      </div>
    );
  }
  const { totals } = report;
  const rows: { label: MessageKey; pick: (s: typeof totals.current) => number; show: (n: number) => string }[] = [
    { label: 'report.row.quantity', pick: (s) => s.quantityTiao, show: (n) => formatNumber(n, locale) },
    { label: 'report.row.amount', pick: (s) => s.amountFen, show: (n) => formatFen(n, locale) },
    { label: 'report.row.orders', pick: (s) => s.orderCount, show: (n) => formatNumber(n, locale) },
  ];
  return (
    <div className="flex flex-col gap-5">
      {back}
      <PageTitle description={t('report.staff.description')}>
        {t('report.staff.title')} · {report.month}
      </PageTitle>
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
      <Card aria-labelledby="summary-title">
        <h2 id="summary-title" className="mb-2 text-lg font-bold">
          {t('report.summary.title')}
        </h2>
        <div data-testid="report-summary">
          {report.summary.map((line) => (
            <p key={line.key}>{t(line.key as MessageKey, line.params)}</p>
          ))}
        </div>
      </Card>
      {analysis ? <CommentarySection analysis={analysis} retailerId={id} t={t} locale={locale} /> : null}
      <DataTable caption={t('report.totals.title')} scrollLabel={t('report.totals.title')}>
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
          {rows.map((row) => {
            const pct = percentChange(row.pick(totals.current), row.pick(totals.previous));
            return (
              <tr key={row.label}>
                <Td>{t(row.label)}</Td>
                <Td className="text-right">{row.show(row.pick(totals.current))}</Td>
                <Td className="text-right">{row.show(row.pick(totals.previous))}</Td>
                <Td className="text-right">{row.show(row.pick(totals.lastYear))}</Td>
                <Td className="text-right">{pct === null ? t('report.change.none') : `${pct > 0 ? '+' : ''}${pct}%`}</Td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <Card aria-labelledby="standing-title">
        <h2 id="standing-title" className="mb-2 text-lg font-bold">
          {t('report.standing.title')}
        </h2>
        <p>
          {report.standing.groupTooSmall
            ? t('report.standing.tooSmall')
            : report.standing.sales === null
              ? t('report.standing.unknown')
              : `${t('common.labelValue', { label: t('report.standing.sales'), value: t('report.standing.band', { band: report.standing.sales }) })} · ${t('common.labelValue', { label: t('report.standing.frequency'), value: t('report.standing.band', { band: report.standing.frequency ?? 'none' }) })}`}
        </p>
        <h3 className="mt-3 font-semibold">{t('report.peers.title')}</h3>
        {report.peerProducts.length === 0 ? (
          <p>{t('report.peers.none')}</p>
        ) : (
          <ul className="list-disc pl-5">
            {report.peerProducts.map((p) => (
              <li key={p.productId}>
                {p.brand}（{p.name}）· {t('report.peers.share', { share: p.peerShare })}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {analysis ? (
        <>
          <p className="text-sm text-ink-muted">{t('analysis.description')}</p>
          <TrendSection analysis={analysis} retailerId={id} t={t} locale={locale} />
          <CapabilitySection analysis={analysis} retailerId={id} t={t} locale={locale} />
        </>
      ) : null}
    </div>
  );
}
