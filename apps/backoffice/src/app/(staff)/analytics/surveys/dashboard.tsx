'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState, type ReactNode } from 'react';
import { BREAKDOWNS, EXPORT_TABLES, type Breakdown, type TAnalyticsFilter } from '@tobacco/api/surveys/surveys.schema';
import { formatDate, formatDateTime, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { EmptyState, ErrorState, LoadingState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { ClientListPagination } from '@/components/list-kit-client';
import { useTRPC } from '@/trpc/react';
import { ExportPanel } from './export-panel';
import { NpsBar, QuadrantScatter, ScoreBars, TrendLine } from './lazy-charts';

const FILTER_KEYS = ['surveyId', 'districtId', 'market', 'businessForm', 'gradeBand', 'accountManagerId'] as const;
const NUMERIC = new Set(['surveyId', 'districtId', 'gradeBand', 'accountManagerId']);
const FORMS = ['Z', 'B', 'S', 'N', 'Y', 'F', 'Q'] as const;
const one = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? '—' : n.toFixed(digits));

type Options = {
  surveys: { id: number; title: string }[];
  districts: { id: number; name: string; nameEn: string }[];
  accountManagers: { id: number; name: string }[];
};

function Section({ id, title, note, children }: { id: string; title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
      <h2 id={id} className="text-xl font-bold text-ink">
        {title}
      </h2>
      {note ? <p className="text-ink-muted">{note}</p> : null}
      {children}
    </section>
  );
}

function QueryState({
  query,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  children: () => ReactNode;
}) {
  const t = useT();
  if (query.isPending) return <LoadingState label={t('common.loading')} />;
  if (query.isError) {
    const m = errorMessageOf(query.error);
    return (
      <ErrorState
        title={t('common.loadFailed')}
        message={t(m.key, m.params)}
        action={
          <Button variant="secondary" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <>{children()}</>;
}

/** The satisfaction index screen: filters in the address, every chart with its table, exports with the same filters. */
export function SurveyDashboard({ options, named }: { options: Options; named: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [textQuery, setTextQuery] = useState<{ questionKey?: string; q?: string; page: number }>({ page: 1 });

  const filter = useMemo((): TAnalyticsFilter => {
    const out: Record<string, unknown> = {};
    for (const key of FILTER_KEYS) {
      const raw = params.get(key);
      if (raw) out[key] = NUMERIC.has(key) ? Number(raw) : raw;
    }
    out.surveyId ??= options.surveys[0]?.id;
    return out as TAnalyticsFilter;
  }, [params, options.surveys]);
  const by = (BREAKDOWNS as readonly string[]).includes(params.get('by') ?? '') ? (params.get('by') as Breakdown) : 'district';

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'surveyId') next.delete('accountManagerId');
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    setTextQuery({ page: 1 });
  };

  const q = { placeholderData: keepPreviousData };
  const overview = useQuery(trpc.surveys.analytics.overview.queryOptions(filter, q));
  const breakdown = useQuery(trpc.surveys.analytics.breakdown.queryOptions({ ...filter, by }, q));
  const trend = useQuery(trpc.surveys.analytics.trend.queryOptions(filter, q));
  const quadrant = useQuery(trpc.surveys.analytics.quadrant.queryOptions(filter, q));
  const strata = useQuery(trpc.surveys.analytics.strata.queryOptions(filter, q));
  const texts = useQuery(trpc.surveys.analytics.texts.queryOptions({ ...filter, ...textQuery }, { ...q, enabled: named }));

  const districtName = (d: { name: string; nameEn: string }) => (locale === 'en' ? d.nameEn : d.name);
  const groupName = (key: string, label: { name: string; nameEn: string } | null) => {
    if (label) return districtName(label);
    if (by === 'market') return t(`enum.market.${key}` as MessageKey);
    if (by === 'businessForm') return t(`enum.form.${key}` as MessageKey);
    if (by === 'gradeBand') return t(`surveys.band.${key}` as MessageKey);
    if (by === 'accountManager' && key === '0') return t('common.notAssigned');
    return key;
  };
  const scroll = (name: string) => t('common.tableScroll', { name });

  return (
    <div className="flex flex-col gap-6">
      <form
        role="search"
        aria-label={t('surveys.analytics.filters')}
        className="grid gap-4 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 xl:grid-cols-6"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label={t('surveys.analytics.survey')}
          className="sm:col-span-2 xl:col-span-6"
          value={String(filter.surveyId)}
          options={options.surveys.map((s) => ({ value: s.id, label: s.title }))}
          onChange={(e) => setParam('surveyId', e.target.value)}
        />
        <SelectField
          label={t('surveys.breakdown.district')}
          placeholder={t('common.all')}
          value={String(filter.districtId ?? '')}
          options={options.districts.map((d) => ({ value: d.id, label: districtName(d) }))}
          onChange={(e) => setParam('districtId', e.target.value)}
        />
        <SelectField
          label={t('surveys.breakdown.market')}
          placeholder={t('common.all')}
          value={filter.market ?? ''}
          options={(['C', 'X'] as const).map((m) => ({ value: m, label: t(`enum.market.${m}`) }))}
          onChange={(e) => setParam('market', e.target.value)}
        />
        <SelectField
          label={t('surveys.breakdown.businessForm')}
          placeholder={t('common.all')}
          value={filter.businessForm ?? ''}
          options={FORMS.map((f) => ({ value: f, label: t(`enum.form.${f}`) }))}
          onChange={(e) => setParam('businessForm', e.target.value)}
        />
        <SelectField
          label={t('surveys.breakdown.gradeBand')}
          placeholder={t('common.all')}
          value={String(filter.gradeBand ?? '')}
          options={[1, 2, 3, 0].map((b) => ({ value: b, label: t(`surveys.band.${b}` as MessageKey) }))}
          onChange={(e) => setParam('gradeBand', e.target.value)}
        />
        <SelectField
          label={t('surveys.breakdown.accountManager')}
          placeholder={t('common.all')}
          value={String(filter.accountManagerId ?? '')}
          options={options.accountManagers.map((m) => ({ value: m.id, label: m.name }))}
          onChange={(e) => setParam('accountManagerId', e.target.value)}
        />
      </form>

      <p className="rounded-lg bg-brand-50 p-3 text-brand-800">
        {named ? t('surveys.analytics.namedNote') : t('surveys.analytics.anonNote', { threshold: overview.data?.threshold ?? 5 })}
      </p>

      <QueryState query={overview}>
        {() => {
          const o = overview.data!;
          if (o.respondents === 0) return <EmptyState title={t('surveys.analytics.noData')} />;
          if (o.suppressed)
            return (
              <EmptyState
                title={t('surveys.analytics.suppressedTitle')}
                body={t('surveys.analytics.suppressed', { count: o.respondents, threshold: o.threshold })}
              />
            );
          const scores = o.dimensions.map((d) => ({ name: d.title, score: d.score === null ? null : Math.round(d.score * 10) / 10 }));
          return (
            <>
              <dl className="grid gap-4 sm:grid-cols-3">
                {[
                  { term: t('surveys.analytics.index'), value: one(o.index), testid: 'index-value' },
                  { term: t('surveys.analytics.respondents'), value: formatNumber(o.respondents, locale), testid: 'respondents-value' },
                  { term: t('surveys.analytics.nps'), value: one(o.nps.nps), testid: 'nps-value' },
                ].map((f) => (
                  <div key={f.term} className="rounded-xl border border-line bg-surface p-4">
                    <dt className="text-ink-muted">{f.term}</dt>
                    <dd className="text-3xl font-bold text-brand-800" data-testid={f.testid}>
                      {f.value}
                    </dd>
                  </div>
                ))}
              </dl>
              <Section id="dimensions" title={t('surveys.analytics.dimensions')}>
                <figure aria-label={t('surveys.analytics.dimensions')} className="m-0">
                  <ScoreBars data={scores} />
                </figure>
                <DataTable
                  caption={t('surveys.analytics.dimensions')}
                  captionHidden
                  scrollLabel={scroll(t('surveys.analytics.dimensions'))}
                >
                  <thead>
                    <tr>
                      <Th>{t('surveys.col.section')}</Th>
                      <Th>{t('surveys.col.dimension')}</Th>
                      <Th className="text-right">{t('surveys.col.weight')}</Th>
                      <Th className="text-right">{t('surveys.col.score')}</Th>
                      <Th className="text-right">{t('surveys.col.answers')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.dimensions.map((d) => (
                      <tr key={d.dimension}>
                        <th scope="row" className="border-b border-line px-3 py-2 text-left font-normal">
                          {d.title}
                        </th>
                        <Td>{t(`surveys.dimension.${d.dimension}` as MessageKey)}</Td>
                        <Td className="text-right">{d.weight}</Td>
                        <Td className="text-right">{one(d.score)}</Td>
                        <Td className="text-right">{d.answers}</Td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              </Section>
              <Section id="nps" title={t('surveys.analytics.npsTitle')}>
                <figure aria-label={t('surveys.analytics.npsTitle')} className="m-0">
                  <NpsBar
                    data={o.nps}
                    labels={{
                      promoters: t('surveys.col.promoters'),
                      passives: t('surveys.col.passives'),
                      detractors: t('surveys.col.detractors'),
                    }}
                  />
                </figure>
                <DataTable caption={t('surveys.analytics.npsTitle')} captionHidden scrollLabel={scroll(t('surveys.analytics.npsTitle'))}>
                  <thead>
                    <tr>
                      <Th className="text-right">{t('surveys.col.promoters')}</Th>
                      <Th className="text-right">{t('surveys.col.passives')}</Th>
                      <Th className="text-right">{t('surveys.col.detractors')}</Th>
                      <Th className="text-right">{t('surveys.col.answers')}</Th>
                      <Th className="text-right">{t('surveys.col.nps')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <Td className="text-right">{o.nps.promoters}</Td>
                      <Td className="text-right">{o.nps.passives}</Td>
                      <Td className="text-right">{o.nps.detractors}</Td>
                      <Td className="text-right">{o.nps.total}</Td>
                      <Td className="text-right font-semibold">{one(o.nps.nps)}</Td>
                    </tr>
                  </tbody>
                </DataTable>
              </Section>
            </>
          );
        }}
      </QueryState>

      <Section id="breakdown" title={t('surveys.analytics.breakdown')}>
        <div role="tablist" aria-label={t('surveys.analytics.breakdown')} className="flex flex-wrap gap-2">
          {BREAKDOWNS.map((b) => (
            <button
              key={b}
              type="button"
              role="tab"
              aria-selected={b === by}
              onClick={() => setParam('by', b)}
              className="min-h-11 rounded-full border border-line px-4 text-ink aria-selected:border-brand-700 aria-selected:bg-brand-700 aria-selected:text-white"
            >
              {t(`surveys.breakdown.${b}`)}
            </button>
          ))}
        </div>
        <QueryState query={breakdown}>
          {() => {
            const b = breakdown.data!;
            const caption = t('common.labelValue', { label: t('surveys.analytics.breakdown'), value: t(`surveys.breakdown.${by}`) });
            return (
              <>
                {b.rows.length ? (
                  <figure aria-label={caption} className="m-0">
                    <ScoreBars
                      data={b.rows.map((r) => ({
                        name: groupName(r.key, r.label),
                        score: r.index === null ? null : Math.round(r.index * 10) / 10,
                      }))}
                      height={Math.max(160, b.rows.length * 36)}
                    />
                  </figure>
                ) : null}
                <DataTable caption={caption} captionHidden scrollLabel={scroll(caption)} data-testid="breakdown-table">
                  <thead>
                    <tr>
                      <Th>{t(`surveys.breakdown.${by}`)}</Th>
                      <Th className="text-right">{t('surveys.col.respondents')}</Th>
                      <Th className="text-right">{t('surveys.col.index')}</Th>
                      {b.dimensions.map((d) => (
                        <Th key={d.dimension} className="text-right">
                          {d.title}
                        </Th>
                      ))}
                      <Th className="text-right">{t('surveys.col.nps')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((r) => (
                      <tr key={r.key}>
                        <th scope="row" className="border-b border-line px-3 py-2 text-left font-normal whitespace-nowrap">
                          {groupName(r.key, r.label)}
                        </th>
                        <Td className="text-right">{r.respondents}</Td>
                        <Td className="text-right font-semibold">{one(r.index)}</Td>
                        {b.dimensions.map((d) => (
                          <Td key={d.dimension} className="text-right">
                            {one(r.dimensions[d.dimension]?.score)}
                          </Td>
                        ))}
                        <Td className="text-right">{one(r.nps.nps)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
                {b.hidden > 0 ? (
                  <p className="text-ink-muted">{t('surveys.analytics.hiddenGroups', { count: b.hidden, threshold: b.threshold })}</p>
                ) : null}
              </>
            );
          }}
        </QueryState>
      </Section>

      <Section id="trend" title={t('surveys.analytics.trend')}>
        <QueryState query={trend}>
          {() => {
            const rows = trend.data!.rows;
            return (
              <>
                {rows.length > 1 ? (
                  <figure aria-label={t('surveys.analytics.trend')} className="m-0">
                    <TrendLine
                      data={rows.map((r) => ({ name: r.opensAt ? formatDate(r.opensAt, locale) : r.title, index: r.index, nps: r.nps }))}
                      indexLabel={t('surveys.analytics.index')}
                      npsLabel={t('surveys.analytics.nps')}
                    />
                  </figure>
                ) : null}
                <DataTable caption={t('surveys.analytics.trend')} captionHidden scrollLabel={scroll(t('surveys.analytics.trend'))}>
                  <thead>
                    <tr>
                      <Th>{t('surveys.col.survey')}</Th>
                      <Th>{t('surveys.col.opensAt')}</Th>
                      <Th className="text-right">{t('surveys.col.respondents')}</Th>
                      <Th className="text-right">{t('surveys.col.index')}</Th>
                      <Th className="text-right">{t('surveys.col.nps')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.surveyId}>
                        <th scope="row" className="border-b border-line px-3 py-2 text-left font-normal">
                          {r.title}
                        </th>
                        <Td className="whitespace-nowrap">{r.opensAt ? formatDate(r.opensAt, locale) : '—'}</Td>
                        <Td className="text-right">{r.respondents}</Td>
                        <Td className="text-right">{one(r.index)}</Td>
                        <Td className="text-right">{one(r.nps)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              </>
            );
          }}
        </QueryState>
      </Section>

      <Section
        id="quadrant"
        title={t('surveys.analytics.quadrant')}
        note={
          quadrant.data?.source === 'nps'
            ? t('surveys.analytics.quadrantNps')
            : quadrant.data?.source === 'weight'
              ? t('surveys.analytics.quadrantWeight')
              : undefined
        }
      >
        <QueryState query={quadrant}>
          {() => {
            const points = quadrant.data!.points;
            if (points.length === 0) return <p>{t('surveys.analytics.noData')}</p>;
            const mi = points.reduce((a, p) => a + p.importance, 0) / points.length;
            const ms = points.reduce((a, p) => a + p.satisfaction, 0) / points.length;
            return (
              <>
                <figure aria-label={t('surveys.analytics.quadrant')} className="m-0">
                  <QuadrantScatter
                    data={points.map((p) => ({
                      name: p.title,
                      importance: Math.round(p.importance * 1000) / 1000,
                      satisfaction: Math.round(p.satisfaction * 10) / 10,
                      fixFirst: p.quadrant === 'fixFirst',
                    }))}
                    meanImportance={mi}
                    meanSatisfaction={ms}
                    importanceLabel={t('surveys.col.importance')}
                    satisfactionLabel={t('surveys.col.score')}
                  />
                </figure>
                <DataTable caption={t('surveys.analytics.quadrant')} captionHidden scrollLabel={scroll(t('surveys.analytics.quadrant'))}>
                  <thead>
                    <tr>
                      <Th>{t('surveys.col.dimension')}</Th>
                      <Th className="text-right">{t('surveys.col.importance')}</Th>
                      <Th className="text-right">{t('surveys.col.score')}</Th>
                      <Th>{t('surveys.col.quadrant')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {points.map((p) => (
                      <tr key={p.dimension}>
                        <th scope="row" className="border-b border-line px-3 py-2 text-left font-normal">
                          {p.title}
                        </th>
                        <Td className="text-right">{p.importance.toFixed(3)}</Td>
                        <Td className="text-right">{one(p.satisfaction)}</Td>
                        <Td className={p.quadrant === 'fixFirst' ? 'font-semibold text-danger-700' : undefined}>
                          {t(`surveys.quadrant.${p.quadrant}`)}
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              </>
            );
          }}
        </QueryState>
      </Section>

      <Section id="strata" title={t('surveys.analytics.strata')} note={t('surveys.analytics.strataNote')}>
        <QueryState query={strata}>
          {() => (
            <DataTable caption={t('surveys.analytics.strata')} captionHidden scrollLabel={scroll(t('surveys.analytics.strata'))}>
              <thead>
                <tr>
                  <Th>{t('surveys.col.stratum')}</Th>
                  <Th className="text-right">{t('surveys.col.invited')}</Th>
                  <Th className="text-right">{t('surveys.col.responded')}</Th>
                  <Th className="text-right">{t('surveys.col.responseRate')}</Th>
                </tr>
              </thead>
              <tbody>
                {strata.data!.map((s) => (
                  <tr key={s.key}>
                    <th scope="row" className="border-b border-line px-3 py-2 text-left font-normal whitespace-nowrap">
                      {s.market
                        ? `${t(`enum.market.${s.market}` as MessageKey)} · ${t(`common.size.${s.sizeClass}` as MessageKey)} · ${t(`enum.form.${s.businessForm}` as MessageKey)} · ${t(`surveys.band.${s.gradeBand}` as MessageKey)}`
                        : '—'}
                    </th>
                    <Td className="text-right">{s.invited}</Td>
                    <Td className="text-right">{s.responded}</Td>
                    <Td className="text-right">{s.rate === null ? '—' : (s.rate * 100).toFixed(1)}</Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </QueryState>
      </Section>

      {named ? (
        <Section id="texts" title={t('surveys.analytics.texts')}>
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              setTextQuery({
                questionKey: String(data.get('questionKey') || '') || undefined,
                q: String(data.get('q') || '') || undefined,
                page: 1,
              });
            }}
          >
            <SelectField
              name="questionKey"
              label={t('surveys.analytics.textsQuestion')}
              placeholder={t('common.all')}
              options={(texts.data?.questions ?? []).map((x) => ({ value: x.key, label: x.label }))}
              defaultValue={textQuery.questionKey ?? ''}
            />
            <TextField name="q" type="search" label={t('surveys.analytics.textsSearch')} defaultValue={textQuery.q ?? ''} maxLength={50} />
            <Button type="submit">{t('common.search')}</Button>
          </form>
          <QueryState query={texts}>
            {() => {
              const data = texts.data!;
              if (data.items.length === 0) return <EmptyState title={t('surveys.analytics.textsEmpty')} />;
              return (
                <>
                  <DataTable caption={t('surveys.analytics.texts')} captionHidden scrollLabel={scroll(t('surveys.analytics.texts'))}>
                    <thead>
                      <tr>
                        <Th>{t('surveys.col.text')}</Th>
                        <Th>{t('surveys.col.question')}</Th>
                        <Th>{t('surveys.col.shopName')}</Th>
                        <Th>{t('surveys.col.channel')}</Th>
                        <Th>{t('surveys.col.submittedAt')}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((item) => (
                        <tr key={item.id}>
                          <Td>{item.text}</Td>
                          <Td>{item.question}</Td>
                          <Td className="whitespace-nowrap">
                            {item.shopName} <span className="font-mono text-sm text-ink-muted">{item.licenceNo}</span>
                          </Td>
                          <Td>{t(`surveys.channel.${item.channel}` as MessageKey)}</Td>
                          <Td className="whitespace-nowrap">{formatDateTime(item.submittedAt, locale)}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </DataTable>
                  <ClientListPagination
                    page={data.page}
                    pages={data.pages}
                    total={data.total}
                    onPage={(page) => setTextQuery((x) => ({ ...x, page }))}
                  />
                </>
              );
            }}
          </QueryState>
        </Section>
      ) : null}

      <Section id="exports" title={t('surveys.analytics.exports')}>
        <ExportPanel filter={filter} tables={EXPORT_TABLES.filter((table) => named || table !== 'answers')} />
      </Section>
    </div>
  );
}
