import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ALERT_RULES } from '@tobacco/api/alerts/alerts.rules';
import { formatDate, formatNumber } from '@tobacco/i18n/format';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { getServerApi } from '@/trpc/server';
import { hrefWith } from '../../admin/_components/search-params';

export const dynamic = 'force-dynamic';

const CYCLES = 12;

type Row = {
  cycleId: number;
  cycleCode: string;
  weekStart: Date;
  rule: string;
  districtId: number;
  district: string;
  districtEn: string;
  count: number;
};

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('alerts.trends.title') };
}

/** Alerts per rule by cycle, and per district and rule, over the last cycles that raised any; each count links to its list. */
export default async function AlertTrendsPage() {
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  const rows = await api.alerts.counts({ cycles: CYCLES }).catch((error: unknown) => errorMessageOf(error, requestId));
  if (!Array.isArray(rows)) return <ErrorState title={t('common.loadFailed')} message={t(rows.key, rows.params)} />;
  const cycles = [...new Map(rows.map((r) => [r.cycleId, { id: r.cycleId, code: r.cycleCode, weekStart: r.weekStart }])).values()];
  const districts = [
    ...new Map(rows.map((r) => [r.districtId, { id: r.districtId, name: locale === 'en' ? r.districtEn : r.district }])).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const sum = (match: (r: Row) => boolean) => rows.filter(match).reduce((s, r) => s + r.count, 0);
  const cell = (count: number, href: string) => (count > 0 ? <Link href={href}>{formatNumber(count, locale)}</Link> : '0');
  // One table per breakdown: a row per cycle (or district), a column per rule, each count linking to its list.
  const countTable = ({
    caption,
    head,
    rows: lines,
  }: {
    caption: string;
    head: string;
    rows: { key: number; label: ReactNode; match: (r: Row) => boolean; filter: Record<string, number> }[];
  }) => (
    <DataTable key={head} caption={caption} scrollLabel={caption}>
      <thead>
        <tr>
          <Th>{head}</Th>
          {ALERT_RULES.map((rule) => (
            <Th key={rule} className="text-right">
              {t(`alerts.rule.${rule}`)}
            </Th>
          ))}
          <Th className="text-right">{t('alerts.trends.total')}</Th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key}>
            <Th scope="row">{line.label}</Th>
            {ALERT_RULES.map((rule) => (
              <Td key={rule} className="text-right tabular-nums">
                {cell(
                  sum((r) => line.match(r) && r.rule === rule),
                  hrefWith('/alerts', { ...line.filter, rule }),
                )}
              </Td>
            ))}
            <Td className="text-right font-semibold tabular-nums">{cell(sum(line.match), hrefWith('/alerts', line.filter))}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );

  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/alerts">← {t('alerts.queue.title')}</Link>
      </p>
      <PageTitle description={t('alerts.trends.description', { cycles: CYCLES })}>{t('alerts.trends.title')}</PageTitle>
      {rows.length === 0 ? (
        <EmptyState title={t('alerts.queue.empty')} />
      ) : (
        <>
          {countTable({
            caption: t('alerts.trends.byCycle'),
            head: t('alerts.queue.cycle'),
            rows: cycles.map((cycle) => ({
              key: cycle.id,
              label: (
                <>
                  {cycle.code} <span className="font-normal text-ink-muted">{formatDate(cycle.weekStart, locale)}</span>
                </>
              ),
              match: (r: Row) => r.cycleId === cycle.id,
              filter: { cycleId: cycle.id },
            })),
          })}
          {countTable({
            caption: t('alerts.trends.byDistrict', { cycles: cycles.length }),
            head: t('alerts.queue.district'),
            rows: districts.map((district) => ({
              key: district.id,
              label: district.name,
              match: (r: Row) => r.districtId === district.id,
              filter: { districtId: district.id },
            })),
          })}
        </>
      )}
    </div>
  );
}
