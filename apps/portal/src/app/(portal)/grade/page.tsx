import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { formatDate, formatDateTime, formatFen, formatNumber, formatPercent } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { FormDisclosure } from '@/components/form-disclosure';
import { getServerApi } from '@/trpc/server';
import { LazyAppealForm } from './lazy-appeal-form';
import { LazyGradeChart } from './grade-chart-lazy';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('grading.title') };
}

const card = 'flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6';

export default async function GradePage() {
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let mine;
  try {
    mine = await api.grading.mine();
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('grading.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const score = mine.score;
  const value = (c: NonNullable<typeof score>['components'][number]) =>
    c.unit === 'tiao'
      ? t('grading.score.valueTiao', { value: formatNumber(c.value, locale) })
      : c.unit === 'fen'
        ? formatFen(c.value, locale)
        : c.unit === 'products'
          ? t('grading.score.valueProducts', { value: c.value })
          : formatPercent(c.value, locale);

  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{t('grading.title')}</PageTitle>

      <section aria-labelledby="current-title" className={card}>
        <h2 id="current-title" className="text-ink-muted">
          {t('grading.current')}
        </h2>
        <p className="text-5xl font-extrabold text-brand-800" data-testid="grade-current">
          {mine.grade ? t('common.gradeValue', { grade: mine.grade }) : t('common.notGraded')}
        </p>
        {mine.period ? (
          <p>
            {t('grading.period', {
              code: mine.period.code,
              from: formatDate(mine.period.ordersFrom, locale),
              to: formatDate(mine.period.ordersTo, locale),
              effectiveFrom: formatDate(mine.period.effectiveFrom, locale),
              effectiveTo: formatDate(mine.period.effectiveTo, locale),
            })}
          </p>
        ) : (
          <p>{t('grading.noPeriod')}</p>
        )}
        {mine.nextRegradeOn ? (
          <p>
            <span className="font-semibold">{t('grading.nextRegrade')}</span>{' '}
            {t('grading.nextRegradeValue', { date: formatDate(mine.nextRegradeOn, locale) })}
          </p>
        ) : null}
        {mine.cap ? (
          <p
            role="note"
            className="rounded-lg border border-warning-800/30 bg-warning-50 px-3 py-2 text-warning-800"
            data-testid="grade-cap"
          >
            {t('grading.cap.notice', { level: mine.cap.level, cap: mine.cap.capGrade, grade: mine.cap.publishedGrade })}{' '}
            {mine.cap.liftsOn ? t('grading.cap.lifts', { date: formatDate(mine.cap.liftsOn, locale) }) : null}
          </p>
        ) : null}
      </section>

      {score ? (
        <>
          <section aria-labelledby="score-title" className={card}>
            <h2 id="score-title" className="text-xl font-bold">
              {t('grading.score.title')}
            </h2>
            <p className="text-lg">{t('grading.score.total', { score: score.total.toFixed(2), rank: formatNumber(score.rank, locale) })}</p>
            {/* A list rather than a table: four rows read better stacked on a 360 px phone. */}
            <ul aria-label={t('grading.score.caption')} className="flex flex-col divide-y divide-line rounded-lg border border-line">
              {score.components.map((c) => (
                <li key={c.key} className="flex flex-col gap-1 p-3">
                  <span className="font-semibold">{t(`grading.score.${c.key}` as MessageKey)}</span>
                  <span className="flex flex-wrap justify-between gap-x-3">
                    <span>
                      {t('grading.score.value')} {value(c)}
                    </span>
                    <span>
                      {t('grading.score.points')} <strong className="text-lg text-brand-800">{c.points.toFixed(2)}</strong> / {c.weight}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="why-title" className={card}>
            <h2 id="why-title" className="text-xl font-bold">
              {t('grading.why.title')}
            </h2>
            {score.band ? (
              <p>
                {t('grading.why.band', {
                  grade: score.grade,
                  min: score.band.min.toFixed(2),
                  max: score.band.max.toFixed(2),
                  count: formatNumber(score.band.retailers, locale),
                  score: score.total.toFixed(2),
                })}
              </p>
            ) : null}
            {score.nextBand ? (
              <p>
                {t('grading.why.next', {
                  grade: score.nextBand.grade,
                  min: score.nextBand.min.toFixed(2),
                  gap: score.nextBand.gap.toFixed(2),
                })}
              </p>
            ) : score.grade >= 30 ? (
              <p>{t('grading.why.top')}</p>
            ) : null}
            {score.capped ? <p className="font-medium text-warning-800">{t('grading.why.capped')}</p> : null}
            {score.initial ? <p>{t('grading.why.initial')}</p> : null}
            {score.appealed ? <p>{t('grading.why.appealed')}</p> : null}
          </section>
        </>
      ) : null}

      <section aria-labelledby="history-title" className={card}>
        <h2 id="history-title" className="text-xl font-bold">
          {t('grading.history.title')}
        </h2>
        {mine.history.length === 0 ? (
          <EmptyState title={t('grading.history.empty')} />
        ) : (
          <>
            {mine.history.length > 1 ? (
              <LazyGradeChart data={mine.history} gradeLabel={t('grading.history.grade')} label={t('grading.history.chartLabel')} />
            ) : null}
            <DataTable caption={t('grading.history.caption')} scrollLabel={t('common.tableScroll', { name: t('grading.history.caption') })}>
              <thead>
                <tr>
                  <Th>{t('grading.history.period')}</Th>
                  <Th className="text-right">{t('grading.history.grade')}</Th>
                  <Th className="text-right">{t('grading.history.score')}</Th>
                </tr>
              </thead>
              <tbody>
                {mine.history.map((h) => (
                  <tr key={h.period}>
                    <Td>{h.period}</Td>
                    <Td className="text-right font-semibold">{h.grade}</Td>
                    <Td className="text-right">{h.score.toFixed(2)}</Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </>
        )}
      </section>

      <section aria-labelledby="appeal-title" className={card}>
        <h2 id="appeal-title" className="text-xl font-bold">
          {t('grading.appeal.title')}
        </h2>
        {mine.openAppeal ? (
          <p className="rounded-lg bg-warning-50 px-4 py-3 font-medium text-warning-800" data-testid="appeal-open">
            {t('grading.appeal.openNotice')}
          </p>
        ) : mine.period && mine.grade ? (
          <>
            <p>{t('grading.appeal.intro', { days: mine.appealWorkingDays })}</p>
            <ClientMessages prefixes={['grading.appeal.', 'grading.errors.']}>
              <FormDisclosure label={t('grading.appeal.open')}>
                <LazyAppealForm />
              </FormDisclosure>
            </ClientMessages>
          </>
        ) : (
          <p>{t('grading.errors.noGrade')}</p>
        )}
        <h3 className="mt-2 text-lg font-bold">{t('grading.appeal.list')}</h3>
        {mine.appeals.length === 0 ? (
          <p className="text-ink-muted">{t('grading.appeal.empty')}</p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="appeal-list">
            {mine.appeals.map((appeal) => (
              <li key={appeal.id} className="rounded-lg border border-line p-3">
                <p className="flex flex-wrap items-center justify-between gap-2">
                  <span className="text-sm text-ink-muted">
                    {t('grading.appeal.filedOn', {
                      date: formatDateTime(appeal.createdAt, locale),
                      period: appeal.period.code,
                      grade: appeal.currentGrade,
                    })}
                  </span>
                  <span className="rounded-full bg-brand-50 px-3 py-0.5 font-semibold text-brand-800">
                    {t(`grading.appeal.state.${appeal.state}` as MessageKey)}
                  </span>
                </p>
                <p className="mt-1 whitespace-pre-wrap">{appeal.reason}</p>
                {appeal.state === 'SUBMITTED' ? (
                  <p className="text-sm text-ink-muted">{t('grading.appeal.dueAt', { date: formatDateTime(appeal.dueAt, locale) })}</p>
                ) : null}
                {appeal.decidedGrade ? (
                  <p className="font-semibold">{t('grading.appeal.decidedGrade', { grade: appeal.decidedGrade })}</p>
                ) : null}
                {appeal.decisionNote ? <p>{t('grading.appeal.answer', { note: appeal.decisionNote })}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
