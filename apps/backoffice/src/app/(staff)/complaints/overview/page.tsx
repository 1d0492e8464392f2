import type { Metadata } from 'next';
import Link from 'next/link';
import { ZOverviewInput } from '@tobacco/api/complaints/complaints.schema';
import { formatNumber, formatPercent } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getServerApi } from '@/trpc/server';
import { parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { kindLabel, stateLabel } from '../_lib/labels';
import { CountBars } from './lazy-charts';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('complaints.overview.title') };
}

const card = 'flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 shadow-sm';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('complaints');
  if (denied) return denied;
  const input = parseSearch(ZOverviewInput, await searchParams);
  const [{ t, locale }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const o = await api.complaints.overview(input);
  const name = (x: { name: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.name);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, locale));
  const hours = (v: number | null) => (v === null ? '—' : t('complaints.overview.hours', { h: v.toFixed(1) }));
  const n = (v: number) => formatNumber(v, locale);

  const figures = [
    { label: t('complaints.overview.total'), value: n(o.total) },
    {
      label: t('complaints.overview.acceptedInTime'),
      value: pct(o.sla.acceptedInTimeRate),
      note: t('complaints.overview.ofN', { a: n(o.sla.acceptedInTime), b: n(o.sla.accepted) }),
    },
    {
      label: t('complaints.overview.resolvedInTime'),
      value: pct(o.sla.resolvedInTimeRate),
      note: t('complaints.overview.ofN', { a: n(o.sla.resolvedInTime), b: n(o.sla.resolved) }),
    },
    { label: t('complaints.overview.meanAccept'), value: hours(o.sla.meanAcceptHours) },
    { label: t('complaints.overview.meanResolve'), value: hours(o.sla.meanResolveHours) },
    { label: t('complaints.overview.breached'), value: n(o.sla.breached) },
    {
      label: t('complaints.overview.meanRating'),
      value: o.satisfaction.meanRating === null ? '—' : o.satisfaction.meanRating.toFixed(2),
      note: t('complaints.overview.ratedOf', { a: n(o.satisfaction.rated), b: n(o.satisfaction.closed) }),
    },
    { label: t('complaints.overview.followUps'), value: n(o.satisfaction.followUps) },
  ];

  const groups: { id: string; title: string; rows: { key: string; name: string; n: number }[]; horizontal?: boolean }[] = [
    {
      id: 'by-state',
      title: t('complaints.overview.byState'),
      rows: o.byState.map((s) => ({ key: s.state, name: t(stateLabel(s.state)), n: s.n })),
    },
    {
      id: 'by-kind',
      title: t('complaints.overview.byKind'),
      rows: o.byKind.map((k) => ({ key: k.kind, name: t(kindLabel(k.kind)), n: k.n })),
    },
    {
      id: 'by-category',
      title: t('complaints.overview.byCategory'),
      rows: o.byCategory.map((c) => ({ key: String(c.id), name: name(c), n: c.n })),
      horizontal: true,
    },
    {
      id: 'by-department',
      title: t('complaints.overview.byDepartment'),
      rows: o.byDepartment.map((d) => ({ key: String(d.id), name: name(d), n: d.n })),
      horizontal: true,
    },
    {
      id: 'ratings',
      title: t('complaints.overview.ratings'),
      rows: o.ratings.map((r) => ({ key: String(r.rating), name: t('complaints.event.rating', { rating: r.rating }), n: r.n })),
    },
  ];

  return (
    <div className="flex flex-col gap-5">
      <PageTitle
        description={t('complaints.overview.description', { from: o.from, to: o.to })}
        actions={
          <Link href="/complaints" className="font-semibold">
            {t('complaints.case.backToQueue')}
          </Link>
        }
      >
        {t('complaints.overview.title')}
      </PageTitle>
      <form
        method="get"
        aria-label={t('complaints.overview.range')}
        className="flex flex-wrap items-end gap-4 rounded-xl border border-line bg-surface p-4"
      >
        <TextField id="overview-from" type="date" name="from" label={t('complaints.overview.from')} defaultValue={o.from} />
        <TextField id="overview-to" type="date" name="to" label={t('complaints.overview.to')} defaultValue={o.to} />
        <button type="submit" className={buttonClass('primary')}>
          {t('complaints.overview.apply')}
        </button>
      </form>

      <ul className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-label={t('complaints.overview.figures')} data-testid="overview-figures">
        {figures.map((f) => (
          <li key={f.label} className="flex flex-col gap-1 rounded-xl border border-line bg-surface p-4">
            <span className="text-sm text-ink-muted">{f.label}</span>
            <span className="text-2xl font-bold text-ink">{f.value}</span>
            {f.note ? <span className="text-sm text-ink-muted">{f.note}</span> : null}
          </li>
        ))}
      </ul>
      <p className="text-sm text-ink-muted">{t('complaints.overview.hoursNote')}</p>

      {o.total === 0 ? (
        <EmptyState title={t('complaints.overview.empty')} />
      ) : (
        <div className="grid gap-5 lg:grid-cols-2">
          {groups.map((g) => (
            <section key={g.id} aria-labelledby={g.id} className={card}>
              <h2 id={g.id} className="text-lg font-bold">
                {g.title}
              </h2>
              <div aria-hidden="true">
                <CountBars data={g.rows.map((r) => ({ name: r.name, n: r.n }))} horizontal={g.horizontal} />
              </div>
              <DataTable caption={g.title} captionHidden scrollLabel={t('common.tableScroll', { name: g.title })}>
                <thead>
                  <tr>
                    <Th>{t('complaints.overview.group')}</Th>
                    <Th className="text-right">{t('complaints.overview.count')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {g.rows.map((r) => (
                    <tr key={r.key}>
                      <Td>{r.name}</Td>
                      <Td className="text-right tabular-nums">{n(r.n)}</Td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
