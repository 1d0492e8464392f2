import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ALERT_RULES } from '@tobacco/api/alerts/alerts.rules';
import { ZExecutiveDashboardInput } from '@tobacco/api/analytics/executive.schema';
import { formatDate, formatDateTime, formatFen, formatNumber, formatPercent } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { joinList } from '@tobacco/i18n/translator';
import { Card } from '@tobacco/ui/card';
import { SelectField } from '@tobacco/ui/field';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { areaMetadata, deniedArea } from '@/components/area-page';
import { FilterBar } from '@/components/list-kit';
import { areaDefinition, canSeeArea, type StaffArea } from '@/navigation';
import { getMe, getServerApi } from '@/trpc/server';
import { hrefWith, parseSearch, type SearchParams } from '../admin/_components/search-params';
import { TrendChart } from './lazy-charts';

export const dynamic = 'force-dynamic';
export const generateMetadata = (): Promise<Metadata> => areaMetadata('dashboard');

const COLORS = ['#0a4478', '#c2410c', '#15803d', '#7c3aed', '#b91c1c', '#6b7280'];

type CardProps = {
  id: string;
  title: string;
  /** Where the figures come from and how they were computed. */
  source: ReactNode;
  /** What the card says instead of a chart when there is nothing to show. */
  empty: string | null;
  notes?: ReactNode;
  chart?: ReactNode;
  table?: ReactNode;
  drill: { href: string; label: string; area: StaffArea; name: string };
  permissions: readonly string[];
  noAccess: (name: string) => string;
};

/** One trend: its chart and table, or a plain sentence when there is no data; its source; its drill-down. */
function DashboardCard({ id, title, source, empty, notes, chart, table, drill, permissions, noAccess }: CardProps) {
  const allowed = canSeeArea(permissions, areaDefinition(drill.area));
  return (
    <Card aria-labelledby={`${id}-title`} data-testid={`dashboard-${id}`} className="flex flex-col gap-3">
      <h2 id={`${id}-title`} className="text-lg font-bold text-brand-800">
        {title}
      </h2>
      {empty ? <p className="rounded-lg bg-canvas p-4 text-ink">{empty}</p> : null}
      {notes}
      {empty ? null : chart}
      {empty ? null : table}
      <p className="text-sm text-ink-muted">{source}</p>
      {allowed ? (
        <p>
          <Link href={drill.href} className="font-semibold">
            {drill.label}
          </Link>
        </p>
      ) : (
        <p className="text-sm text-ink-muted">{noAccess(drill.name)}</p>
      )}
    </Card>
  );
}

/** The table behind a chart, folded away: screen readers and keyboards reach it as a disclosure. */
function TableDisclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="rounded-lg border border-line">
      <summary className="cursor-pointer px-3 py-2 text-sm font-semibold text-brand-800">{summary}</summary>
      {children}
    </details>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('dashboard');
  if (denied) return denied;
  const input = parseSearch(ZExecutiveDashboardInput, await searchParams, { numbers: ['districtId'] });
  const [{ t, locale }, { api, requestId }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  let d;
  try {
    d = await api.dashboard.get(input);
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('dashboard.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const first = d.months[0]!;
  const last = d.months.at(-1)!;
  const districtId = d.district?.id;
  const scopeName = d.district ? (locale === 'en' ? d.district.nameEn : d.district.name) : t('dashboard.company');
  const when = (at: Date | null) => (at ? formatDateTime(at, locale) : null);
  const sourceOf = (key: MessageKey, at: Date | null, params: Record<string, string | number> = {}) =>
    at ? t(key, { computedAt: when(at)!, ...params }) : t('dashboard.notComputed');
  const percent = (r: number | null, none: string) => (r === null ? none : formatPercent(r, locale));
  const common = { permissions: me.permissions, noAccess: (name: string) => t('dashboard.drillNoAccess', { name }) };
  const monthHead = <Th>{t('dashboard.monthLabel')}</Th>;
  const monthName = (month: string) => (month === d.currentMonth ? t('dashboard.monthToDate', { month }) : month);

  // ---------------------------------------------------------------- sales
  const sales = d.sales;
  const notComputed = sales.points.filter((p) => !p.computed).map((p) => p.month);
  const salesCard = (
    <DashboardCard
      id="sales"
      title={t('dashboard.sales.title')}
      empty={sales.hasData ? null : t('dashboard.sales.empty')}
      source={sourceOf('dashboard.sales.source', sales.computedAt)}
      notes={
        sales.hasData && notComputed.length ? (
          <p className="text-sm text-ink">{t('dashboard.sales.notComputedMonths', { months: joinList(t, notComputed) })}</p>
        ) : null
      }
      chart={
        <TrendChart
          kind="bar"
          data={sales.points.map((p) => ({ label: p.month, amount: p.amountFen === null ? null : Math.round(p.amountFen / 100) }))}
          series={[{ key: 'amount', name: t('dashboard.sales.amountYuan'), color: COLORS[0]! }]}
        />
      }
      table={
        <TableDisclosure summary={t('dashboard.showTable', { name: t('dashboard.sales.title') })}>
          <DataTable caption={t('dashboard.sales.title')} captionHidden scrollLabel={t('dashboard.sales.title')}>
            <thead>
              <tr>
                {monthHead}
                <Th className="text-right">{t('dashboard.sales.quantity')}</Th>
                <Th className="text-right">{t('dashboard.sales.amount')}</Th>
                <Th className="text-right">{t('dashboard.sales.lastYear')}</Th>
                <Th className="text-right">{t('dashboard.sales.growth')}</Th>
              </tr>
            </thead>
            <tbody>
              {sales.points.map((p) => (
                <tr key={p.month}>
                  <Th scope="row">{monthName(p.month)}</Th>
                  {p.computed ? (
                    <>
                      <Td className="text-right tabular-nums">{formatNumber(p.quantityTiao ?? 0, locale)}</Td>
                      <Td className="text-right tabular-nums">{formatFen(p.amountFen ?? 0, locale)}</Td>
                      <Td className="text-right tabular-nums">
                        {p.lastYearAmountFen === null ? t('dashboard.sales.noBase') : formatFen(p.lastYearAmountFen, locale)}
                      </Td>
                      <Td className="text-right tabular-nums">{percent(p.growth, t('dashboard.sales.noBase'))}</Td>
                    </>
                  ) : (
                    <Td colSpan={4}>{t('dashboard.sales.notComputedCell')}</Td>
                  )}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </TableDisclosure>
      }
      drill={{
        href: hrefWith('/products/composite', { period: last, districtId }),
        label: t('dashboard.sales.drill'),
        area: 'products',
        name: t('dashboard.sales.drillName'),
      }}
      {...common}
    />
  );

  // ---------------------------------------------------------------- satisfaction
  const sat = d.satisfaction;
  const shown = sat.points.filter((p) => p.index !== null);
  const latestSurvey = sat.points.at(-1);
  const satCard = (
    <DashboardCard
      id="satisfaction"
      title={t('dashboard.satisfaction.title')}
      empty={
        sat.points.length === 0
          ? t('dashboard.satisfaction.empty')
          : !sat.hasData
            ? t('dashboard.satisfaction.noAnswers')
            : shown.length === 0
              ? t('dashboard.satisfaction.hidden', { n: sat.hiddenCount, threshold: sat.threshold })
              : null
      }
      source={t('dashboard.satisfaction.source', { threshold: sat.threshold })}
      notes={
        shown.length > 0 && sat.hiddenCount > 0 ? (
          <p className="text-sm text-ink">{t('dashboard.satisfaction.hidden', { n: sat.hiddenCount, threshold: sat.threshold })}</p>
        ) : null
      }
      chart={
        <TrendChart
          kind="line"
          yMax={100}
          data={sat.points.map((p) => ({
            label: formatDate(p.opensAt ?? first, locale),
            index: p.index === null ? null : Math.round(p.index * 10) / 10,
          }))}
          series={[{ key: 'index', name: t('dashboard.satisfaction.index'), color: COLORS[2]! }]}
        />
      }
      table={
        <TableDisclosure summary={t('dashboard.showTable', { name: t('dashboard.satisfaction.title') })}>
          <DataTable caption={t('dashboard.satisfaction.title')} captionHidden scrollLabel={t('dashboard.satisfaction.title')}>
            <thead>
              <tr>
                <Th>{t('dashboard.satisfaction.survey')}</Th>
                <Th>{t('dashboard.satisfaction.opensAt')}</Th>
                <Th className="text-right">{t('dashboard.satisfaction.respondents')}</Th>
                <Th className="text-right">{t('dashboard.satisfaction.index')}</Th>
              </tr>
            </thead>
            <tbody>
              {sat.points.map((p) => (
                <tr key={p.surveyId}>
                  <Th scope="row">{p.title}</Th>
                  <Td>{p.opensAt ? formatDate(p.opensAt, locale) : ''}</Td>
                  <Td className="text-right tabular-nums">{formatNumber(p.respondents, locale)}</Td>
                  <Td className="text-right tabular-nums">
                    {p.hidden
                      ? t('dashboard.satisfaction.hiddenCell')
                      : p.index === null
                        ? t('dashboard.satisfaction.noAnswersCell')
                        : formatNumber(Math.round(p.index * 10) / 10, locale)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </TableDisclosure>
      }
      drill={{
        href: hrefWith('/analytics/surveys', { surveyId: latestSurvey?.surveyId }),
        label: t('dashboard.satisfaction.drill'),
        area: 'analytics',
        name: t('dashboard.satisfaction.drillName'),
      }}
      {...common}
    />
  );

  // ---------------------------------------------------------------- SLA
  const sla = d.sla;
  const slaCard = (
    <DashboardCard
      id="sla"
      title={t('dashboard.sla.title')}
      empty={sla.hasData ? null : t('dashboard.sla.empty')}
      source={sourceOf('dashboard.sla.source', sla.computedAt)}
      notes={
        sla.hasData ? (
          <p className="text-ink">
            {t('dashboard.sla.overall', { closed: sla.closed, inTime: sla.inTime, rate: percent(sla.rate, t('dashboard.sla.noClosed')) })}
          </p>
        ) : null
      }
      chart={
        <TrendChart
          kind="line"
          yMax={100}
          data={sla.points.map((p) => ({ label: p.month, rate: p.rate === null ? null : Math.round(p.rate * 1000) / 10 }))}
          series={[{ key: 'rate', name: t('dashboard.sla.ratePercent'), color: COLORS[1]! }]}
        />
      }
      table={
        <TableDisclosure summary={t('dashboard.showTable', { name: t('dashboard.sla.title') })}>
          <DataTable caption={t('dashboard.sla.title')} captionHidden scrollLabel={t('dashboard.sla.title')}>
            <thead>
              <tr>
                {monthHead}
                <Th className="text-right">{t('dashboard.sla.closed')}</Th>
                <Th className="text-right">{t('dashboard.sla.inTime')}</Th>
                <Th className="text-right">{t('dashboard.sla.rate')}</Th>
              </tr>
            </thead>
            <tbody>
              {sla.points.map((p) => (
                <tr key={p.month}>
                  <Th scope="row">{monthName(p.month)}</Th>
                  <Td className="text-right tabular-nums">{formatNumber(p.closed, locale)}</Td>
                  <Td className="text-right tabular-nums">{formatNumber(p.inTime, locale)}</Td>
                  <Td className="text-right tabular-nums">{percent(p.rate, t('dashboard.sla.noClosed'))}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </TableDisclosure>
      }
      drill={{
        href: hrefWith('/complaints/overview', { from: `${first}-01` }),
        label: t('dashboard.sla.drill'),
        area: 'complaints',
        name: t('dashboard.sla.drillName'),
      }}
      {...common}
    />
  );

  // ---------------------------------------------------------------- grades
  const g = d.grades;
  const gradesCard = (
    <DashboardCard
      id="grades"
      title={t('dashboard.grades.title')}
      empty={g.hasData ? null : t('dashboard.grades.empty')}
      source={
        g.current
          ? t('dashboard.grades.source', {
              current: g.current.code,
              effectiveFrom: formatDate(g.current.effectiveFrom, locale),
              previous: g.previous?.code ?? t('dashboard.grades.noPrevious'),
              appeals: g.current.appealChanges,
            })
          : t('dashboard.grades.empty')
      }
      notes={
        g.hasData ? (
          <p className="text-ink">
            {g.totalPrevious === null
              ? t('dashboard.grades.totals', { now: g.totalNow })
              : t('dashboard.grades.totalsWithPrevious', { now: g.totalNow, previous: g.totalPrevious })}
          </p>
        ) : null
      }
      chart={
        <TrendChart
          kind="bar"
          data={g.rows.map((r) => ({ label: String(r.grade), now: r.now, previous: r.previous }))}
          series={[
            { key: 'now', name: t('dashboard.grades.now'), color: COLORS[0]! },
            ...(g.totalPrevious === null ? [] : [{ key: 'previous', name: t('dashboard.grades.previous'), color: COLORS[5]! }]),
          ]}
        />
      }
      table={
        <TableDisclosure summary={t('dashboard.showTable', { name: t('dashboard.grades.title') })}>
          <DataTable caption={t('dashboard.grades.title')} captionHidden scrollLabel={t('dashboard.grades.title')}>
            <thead>
              <tr>
                <Th>{t('dashboard.grades.grade')}</Th>
                <Th className="text-right">{t('dashboard.grades.now')}</Th>
                {g.totalPrevious === null ? null : <Th className="text-right">{t('dashboard.grades.previous')}</Th>}
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => (
                <tr key={r.grade}>
                  <Th scope="row">{t('dashboard.grades.gradeLabel', { grade: r.grade })}</Th>
                  <Td className="text-right tabular-nums">{formatNumber(r.now, locale)}</Td>
                  {g.totalPrevious === null ? null : <Td className="text-right tabular-nums">{formatNumber(r.previous ?? 0, locale)}</Td>}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </TableDisclosure>
      }
      drill={{
        href: g.current?.runId ? `/grading/runs/${g.current.runId}` : '/grading',
        label: t('dashboard.grades.drill'),
        area: 'grading',
        name: t('dashboard.grades.drillName'),
      }}
      {...common}
    />
  );

  // ---------------------------------------------------------------- promotions
  const pr = d.promotions;
  const promotionsCard = (
    <DashboardCard
      id="promotions"
      title={t('dashboard.promotions.title')}
      empty={pr.points.length === 0 ? t('dashboard.promotions.empty') : pr.hasData ? null : t('dashboard.promotions.notReached')}
      source={sourceOf('dashboard.promotions.source', pr.computedAt)}
      chart={
        <TrendChart
          kind="bar"
          data={pr.points.map((p) => ({ label: formatDate(p.startsAt, locale), delivered: p.delivered, opened: p.opened }))}
          series={[
            { key: 'delivered', name: t('dashboard.promotions.delivered'), color: COLORS[0]! },
            { key: 'opened', name: t('dashboard.promotions.opened'), color: COLORS[2]! },
          ]}
        />
      }
      table={
        <TableDisclosure summary={t('dashboard.showTable', { name: t('dashboard.promotions.title') })}>
          <DataTable caption={t('dashboard.promotions.title')} captionHidden scrollLabel={t('dashboard.promotions.title')}>
            <thead>
              <tr>
                <Th>{t('dashboard.promotions.promotion')}</Th>
                <Th>{t('dashboard.promotions.startsAt')}</Th>
                <Th className="text-right">{t('dashboard.promotions.delivered')}</Th>
                <Th className="text-right">{t('dashboard.promotions.opened')}</Th>
                <Th className="text-right">{t('dashboard.promotions.rate')}</Th>
              </tr>
            </thead>
            <tbody>
              {pr.points.map((p) => (
                <tr key={p.promotionId}>
                  <Th scope="row">
                    {canSeeArea(me.permissions, areaDefinition('promotions')) ? (
                      <Link href={`/promotions/${p.promotionId}`}>{p.title}</Link>
                    ) : (
                      p.title
                    )}
                  </Th>
                  <Td>{formatDate(p.startsAt, locale)}</Td>
                  <Td className="text-right tabular-nums">{formatNumber(p.delivered, locale)}</Td>
                  <Td className="text-right tabular-nums">{formatNumber(p.opened, locale)}</Td>
                  <Td className="text-right tabular-nums">{percent(p.rate, t('dashboard.promotions.notDelivered'))}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </TableDisclosure>
      }
      drill={{
        href: '/promotions',
        label: t('dashboard.promotions.drill'),
        area: 'promotions',
        name: t('dashboard.promotions.drillName'),
      }}
      {...common}
    />
  );

  // ---------------------------------------------------------------- anomalies
  const an = d.anomalies;
  const anomaliesCard = (
    <DashboardCard
      id="anomalies"
      title={t('dashboard.anomalies.title')}
      empty={an.hasData ? null : t('dashboard.anomalies.empty')}
      source={sourceOf('dashboard.anomalies.source', an.computedAt)}
      chart={
        <TrendChart
          kind="bar"
          stacked
          data={an.points.map((p) => ({ label: p.month, ...p.byRule }))}
          series={ALERT_RULES.map((rule, i) => ({ key: rule, name: t(`alerts.rule.${rule}`), color: COLORS[i]! }))}
        />
      }
      table={
        <TableDisclosure summary={t('dashboard.showTable', { name: t('dashboard.anomalies.title') })}>
          <DataTable caption={t('dashboard.anomalies.title')} captionHidden scrollLabel={t('dashboard.anomalies.title')}>
            <thead>
              <tr>
                {monthHead}
                {ALERT_RULES.map((rule) => (
                  <Th key={rule} className="text-right">
                    {t(`alerts.rule.${rule}`)}
                  </Th>
                ))}
                <Th className="text-right">{t('dashboard.anomalies.total')}</Th>
              </tr>
            </thead>
            <tbody>
              {an.points.map((p) => (
                <tr key={p.month}>
                  <Th scope="row">{monthName(p.month)}</Th>
                  {ALERT_RULES.map((rule) => (
                    <Td key={rule} className="text-right tabular-nums">
                      {formatNumber(p.byRule[rule], locale)}
                    </Td>
                  ))}
                  <Td className="text-right font-semibold tabular-nums">{formatNumber(p.total, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </TableDisclosure>
      }
      drill={{
        href: '/alerts/trends',
        label: t('dashboard.anomalies.drill'),
        area: 'alerts',
        name: t('dashboard.anomalies.drillName'),
      }}
      {...common}
    />
  );

  return (
    <div className="flex flex-col gap-4">
      <PageTitle description={t('dashboard.description', { from: first, to: last })}>{t('dashboard.title')}</PageTitle>
      <FilterBar label={t('dashboard.filters')} resetHref="/dashboard">
        <SelectField
          id="dashboard-district"
          name="districtId"
          label={t('dashboard.district')}
          placeholder={t('dashboard.company')}
          defaultValue={districtId ?? ''}
          options={d.districts.map((x) => ({ value: x.id, label: locale === 'en' ? x.nameEn : x.name }))}
        />
      </FilterBar>
      <p className="font-semibold text-ink">{t('dashboard.scope', { name: scopeName })}</p>
      {d.district && d.district.shops === 0 ? (
        <p className="rounded-lg border border-line bg-warning-50 p-3 text-warning-800" role="note">
          {t('dashboard.noShops', { name: scopeName })}
        </p>
      ) : d.district?.fewShops ? (
        <p className="rounded-lg border border-line bg-warning-50 p-3 text-warning-800" role="note">
          {t('dashboard.fewShops', { name: scopeName, shops: d.district.shops })}
        </p>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-2">
        {salesCard}
        {satCard}
        {slaCard}
        {gradesCard}
        {promotionsCard}
        {anomaliesCard}
      </div>
    </div>
  );
}
