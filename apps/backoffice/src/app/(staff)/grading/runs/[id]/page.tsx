import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { formatDate, formatDateTime, formatFen, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Card } from '@tobacco/ui/card';
import { SelectField, TextField } from '@tobacco/ui/field';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../../../admin/_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../../../admin/_components/search-params';
import { GradingNav } from '../../_components/grading-nav';
import { RUN_TONE } from '../../_components/labels';
import { ShareChart } from '../../_components/lazy-charts';
import { ComputingWatcher, RunDecision } from '../../_components/run-actions';
import { ExportLinks, FilterBar, ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('grading.staff.nav.runs') };
}

const ZSearch = z.object({
  sort: z.enum(['rank', 'up', 'down']).default('rank'),
  q: z.string().max(40).optional(),
  districtId: z.number().int().positive().max(2147483647).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  explain: z.number().int().positive().max(2147483647).optional(),
});

export default async function RunReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const denied = await deniedArea('grading');
  if (denied) return denied;
  const runId = Number((await params).id);
  if (!Number.isInteger(runId) || runId <= 0 || runId > 2147483647) notFound();
  const search = parseSearch(ZSearch, await searchParams, { numbers: ['districtId', 'page', 'explain'] });
  const [{ t, locale }, { api, requestId }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  let review;
  try {
    review = await api.grading.review({ runId });
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  const { run, totals, distribution, districts } = review;
  const [rows, explained] = await Promise.all([
    api.grading.rows({ runId, sort: search.sort, q: search.q, districtId: search.districtId, page: search.page }),
    search.explain ? api.grading.explain({ runId, retailerId: search.explain }).catch(() => null) : Promise.resolve(null),
  ]);
  const here = (extra: Record<string, string | number | undefined>) =>
    hrefWith(`/grading/runs/${runId}`, { sort: search.sort, q: search.q, districtId: search.districtId, page: search.page, ...extra });
  const w = run.scoreWeights;
  const scoped = !me.permissions.includes('retailers.readAll');
  const pointsText = (n: number) => formatNumber(Math.round(n * 1000) / 1000, locale);
  return (
    <div className="flex flex-col gap-5">
      <PageTitle
        description={t('grading.staff.review.how', {
          from: formatDate(run.period.ordersFrom, locale),
          to: formatDate(run.period.ordersTo, locale),
          volume: w.volume,
          amount: w.amount,
          variety: w.variety,
          classShare: w.classShare,
          cap: run.settings.integrityCapGrade,
        })}
      >
        {t('grading.staff.review.title', { code: run.period.code, id: run.id })}
      </PageTitle>
      <GradingNav current="/grading" />
      <Card className="flex flex-col gap-2">
        <p>
          <Badge tone={RUN_TONE[run.state]}>{t(`grading.staff.runState.${run.state}` as MessageKey)}</Badge>{' '}
          {t('grading.staff.runs.startedBy')} {run.startedBy.name} · {formatDateTime(run.startedAt, locale)}
          {run.decidedBy && run.decidedAt
            ? ` · ${t('grading.staff.runs.decidedBy')} ${run.decidedBy.name} · ${formatDateTime(run.decidedAt, locale)}`
            : ''}
        </p>
        {run.reason ? <p>{t('grading.staff.review.reason', { reason: run.reason })}</p> : null}
        {run.error ? <p className="text-danger-700">{t('grading.staff.review.failed', { error: run.error })}</p> : null}
        <p>{t('grading.staff.review.totals', totals)}</p>
        {scoped ? <p className="text-sm text-ink-muted">{t('grading.staff.review.scopeNote')}</p> : null}
        {run.state === 'COMPUTING' ? <ComputingWatcher runId={run.id} /> : null}
        {run.state === 'DRAFT' && me.permissions.includes('grading.publish') && !run.canPublish ? (
          <p className="text-sm text-warning-800">{t('grading.staff.review.selfNote')}</p>
        ) : null}
        <RunDecision
          runId={run.id}
          canPublish={run.canPublish}
          canDiscard={(run.state === 'DRAFT' || run.state === 'FAILED') && me.permissions.includes('grading.run')}
          question={t('grading.staff.review.publishQuestion', {
            code: run.period.code,
            date: formatDate(run.period.effectiveFrom, locale),
          })}
        />
        <p className="flex flex-wrap gap-2">
          <ExportLinks variant="secondary" hrefFor={(format) => hrefWith(`/grading/runs/${run.id}/export`, { format })} />
        </p>
      </Card>

      <section aria-labelledby="share-heading" className="flex flex-col gap-3">
        <h2 id="share-heading" className="text-lg font-bold">
          {t('grading.staff.review.chart')}
        </h2>
        <ShareChart
          data={distribution.map((g) => ({ grade: g.grade, target: g.targetShare, achieved: g.finalShare, previous: g.previousShare }))}
          labels={{
            target: t('grading.staff.review.target'),
            achieved: t('grading.staff.review.final'),
            previous: review.previousPeriod ? t('grading.staff.review.previous', { code: review.previousPeriod }) : undefined,
            grade: t('grading.staff.review.gradeAxis'),
            share: t('grading.staff.review.shareAxis'),
          }}
        />
        <DataTable caption={t('grading.staff.review.chart')} captionHidden scrollLabel={t('grading.staff.review.scroll')}>
          <thead>
            <tr>
              <Th>{t('grading.staff.review.gradeAxis')}</Th>
              <Th className="text-right">{t('grading.staff.review.target')}</Th>
              <Th className="text-right">{t('grading.staff.review.cut')}</Th>
              <Th className="text-right">{t('grading.staff.review.final')}</Th>
              {review.previousPeriod ? (
                <Th className="text-right">{t('grading.staff.review.previous', { code: review.previousPeriod })}</Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {[...distribution].reverse().map((g) => (
              <tr key={g.grade}>
                <Th scope="row" className="bg-surface">
                  {g.grade}
                </Th>
                <Td className="text-right">{g.targetShare}%</Td>
                <Td className="text-right">
                  {formatNumber(g.cut, locale)} · {g.cutShare}%
                </Td>
                <Td className="text-right">
                  {formatNumber(g.final, locale)} · {g.finalShare}%
                </Td>
                {review.previousPeriod ? (
                  <Td className="text-right">
                    {formatNumber(g.previous, locale)} · {g.previousShare}%
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <section aria-labelledby="movers-heading" className="flex flex-col gap-3">
        <h2 id="movers-heading" className="text-lg font-bold">
          {t('grading.staff.review.movers')}
        </h2>
        <DataTable caption={t('grading.staff.review.movers')} captionHidden scrollLabel={t('grading.staff.review.scroll')}>
          <thead>
            <tr>
              <Th>{t('grading.staff.col.district')}</Th>
              <Th className="text-right">{t('grading.staff.review.up')}</Th>
              <Th className="text-right">{t('grading.staff.review.upGrades')}</Th>
              <Th className="text-right">{t('grading.staff.review.down')}</Th>
              <Th className="text-right">{t('grading.staff.review.downGrades')}</Th>
              <Th className="text-right">{t('grading.staff.review.same')}</Th>
              <Th className="text-right">{t('grading.staff.review.fresh')}</Th>
            </tr>
          </thead>
          <tbody>
            {districts.map((d) => (
              <tr key={d.districtId}>
                <Th scope="row" className="bg-surface">
                  <Link href={here({ districtId: d.districtId, page: 1, sort: 'up' })}>{d.district}</Link>
                </Th>
                <Td className="text-right">{formatNumber(d.up, locale)}</Td>
                <Td className="text-right">{formatNumber(d.upGrades, locale)}</Td>
                <Td className="text-right">{formatNumber(d.down, locale)}</Td>
                <Td className="text-right">{formatNumber(d.downGrades, locale)}</Td>
                <Td className="text-right">{formatNumber(d.same, locale)}</Td>
                <Td className="text-right">{formatNumber(d.fresh, locale)}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      {explained ? (
        <Card aria-labelledby="explain-heading" className="flex flex-col gap-1" id="explain">
          <h2 id="explain-heading" className="text-lg font-bold">
            {t('grading.staff.explain.title', { shop: explained.row.shopName, licence: explained.row.licenceNo })}
          </h2>
          {explained.row.initial ? (
            <p>{t('grading.staff.explain.initial', { grade: explained.row.computedGrade })}</p>
          ) : (
            <ul className="list-disc pl-5">
              <li>
                {t('grading.staff.explain.volume', {
                  value: formatNumber(explained.row.volumeTiao, locale),
                  max: formatNumber(explained.peers?.maxVolume ?? 0, locale),
                  weight: explained.weights.volume,
                  points: pointsText(explained.row.volumeScore),
                })}
              </li>
              <li>
                {t('grading.staff.explain.amount', {
                  value: formatFen(explained.row.amountFen, locale),
                  max: formatFen(explained.peers?.maxAmount ?? 0, locale),
                  weight: explained.weights.amount,
                  points: pointsText(explained.row.amountScore),
                })}
              </li>
              <li>
                {t('grading.staff.explain.variety', {
                  value: explained.row.distinctProducts,
                  mean: formatNumber(Math.round((explained.peers?.meanProducts ?? 0) * 100) / 100, locale),
                  weight: explained.weights.variety,
                  points: pointsText(explained.row.varietyScore),
                })}
              </li>
              <li>
                {t('grading.staff.explain.classShare', {
                  premium: formatNumber(explained.row.premiumTiao, locale),
                  value: formatNumber(explained.row.volumeTiao, locale),
                  weight: explained.weights.classShare,
                  points: pointsText(explained.row.classShareScore),
                })}
              </li>
              <li>
                {t('grading.staff.explain.total', {
                  score: pointsText(explained.row.score),
                  rank: explained.row.rank ?? '—',
                  tied: explained.peers?.tied ?? 1,
                })}
              </li>
              {explained.band ? (
                <li>
                  {t('grading.staff.explain.band', {
                    grade: explained.band.grade,
                    min: pointsText(explained.band.minScore),
                    max: pointsText(explained.band.maxScore),
                    count: explained.band.count,
                  })}
                </li>
              ) : null}
              {explained.nextBand ? (
                <li>
                  {t('grading.staff.explain.nextBand', { grade: explained.nextBand.grade, min: pointsText(explained.nextBand.minScore) })}
                </li>
              ) : null}
            </ul>
          )}
          {explained.row.capped ? (
            <p>
              {t('grading.staff.explain.capped', {
                level: explained.row.integrityLevel,
                computed: explained.row.computedGrade,
                grade: explained.row.grade,
              })}
            </p>
          ) : null}
          {explained.row.previousGrade !== null ? (
            <p>{t('grading.staff.explain.previous', { grade: explained.row.previousGrade })}</p>
          ) : null}
        </Card>
      ) : null}

      <section aria-labelledby="rows-heading" className="flex flex-col gap-3">
        <h2 id="rows-heading" className="text-lg font-bold">
          {t('grading.staff.review.rows')}
        </h2>
        <FilterBar submitLabel={t('grading.staff.review.filter')} columns="inline">
          <TextField id="run-q" name="q" label={t('grading.staff.review.search')} defaultValue={search.q ?? ''} maxLength={40} />
          <SelectField
            id="run-sort"
            name="sort"
            label={t('grading.staff.review.filter')}
            defaultValue={search.sort}
            options={(['rank', 'up', 'down'] as const).map((s) => ({ value: s, label: t(`grading.staff.review.sort.${s}`) }))}
          />
          <SelectField
            id="run-district"
            name="districtId"
            label={t('grading.staff.col.district')}
            defaultValue={search.districtId ?? ''}
            placeholder={t('common.all')}
            options={districts.map((d) => ({ value: d.districtId, label: d.district }))}
          />
        </FilterBar>
        {rows.items.length === 0 ? (
          <EmptyState title={t('grading.staff.review.noRows')} />
        ) : (
          <DataTable caption={t('grading.staff.review.rows')} captionHidden scrollLabel={t('grading.staff.review.scroll')}>
            <thead>
              <tr>
                <Th>{t('grading.staff.col.shopName')}</Th>
                <Th>{t('grading.staff.col.district')}</Th>
                <Th className="text-right">{t('grading.staff.col.rank')}</Th>
                <Th className="text-right">{t('grading.staff.col.score')}</Th>
                <Th className="text-right">{t('grading.staff.col.volumeScore')}</Th>
                <Th className="text-right">{t('grading.staff.col.amountScore')}</Th>
                <Th className="text-right">{t('grading.staff.col.varietyScore')}</Th>
                <Th className="text-right">{t('grading.staff.col.classShareScore')}</Th>
                <Th className="text-right">{t('grading.staff.col.previousGrade')}</Th>
                <Th className="text-right">{t('grading.staff.col.grade')}</Th>
                <Th className="text-right">{t('grading.staff.col.move')}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.items.map((r) => (
                <tr key={r.retailerId}>
                  <Th scope="row" className="bg-surface font-normal">
                    <Link href={`${here({ explain: r.retailerId })}#explain`}>{r.shopName}</Link>{' '}
                    <span className="text-sm text-ink-muted">{r.licenceNo}</span>
                    {r.initial ? <Badge tone="muted">{t('grading.staff.initial')}</Badge> : null}
                    {r.capped ? <Badge tone="bad">{t('grading.staff.capped')}</Badge> : null}
                  </Th>
                  <Td>{r.district}</Td>
                  <Td className="text-right">{r.rank ?? '—'}</Td>
                  <Td className="text-right">{pointsText(r.score)}</Td>
                  <Td className="text-right">{pointsText(r.volumeScore)}</Td>
                  <Td className="text-right">{pointsText(r.amountScore)}</Td>
                  <Td className="text-right">{pointsText(r.varietyScore)}</Td>
                  <Td className="text-right">{pointsText(r.classShareScore)}</Td>
                  <Td className="text-right">{r.previousGrade ?? '—'}</Td>
                  <Td className="text-right font-semibold">{r.grade}</Td>
                  <Td className="text-right">{r.delta === null ? '—' : r.delta > 0 ? `+${r.delta}` : r.delta}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        {rows.pages > 1 ? (
          <ListPagination page={rows.page} pages={rows.pages} total={rows.total} hrefFor={(page) => here({ page })} />
        ) : null}
      </section>
    </div>
  );
}
