import type { Metadata } from 'next';
import Link from 'next/link';
import { formatPercent } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { DetailItem } from '@tobacco/ui/card';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { areaMetadata, deniedArea } from '@/components/area-page';
import { getMe } from '@/trpc/server';
import { STATE_STYLE, stratumText, windowText } from '../_lib/format';
import { loadForPage } from '../_lib/load';
import { SurveyActions } from '../_lib/survey-actions';
import { SurveyMessages } from '../_lib/survey-messages';
import { withNote } from '@tobacco/i18n/translator';

export const dynamic = 'force-dynamic';

export function generateMetadata(): Promise<Metadata> {
  return areaMetadata('surveys');
}

type Props = { params: Promise<{ id: string }> };

export default async function SurveyPage({ params }: Props) {
  const denied = await deniedArea('surveys');
  if (denied) return denied;
  const [{ t, locale }, me, { id }] = await Promise.all([getI18n(), getMe(), params]);
  if (!me.permissions.includes('surveys.read')) {
    return (
      <>
        <PageTitle>{t('backoffice.nav.surveys')}</PageTitle>
        <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />
      </>
    );
  }
  const result = await loadForPage(id, (api, surveyId) =>
    Promise.all([api.surveys.get({ id: surveyId }), api.surveys.samplePlan({ id: surveyId })]),
  );
  if (!result.ok) {
    return (
      <>
        <PageTitle>{t('backoffice.nav.surveys')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(result.message.key, result.message.params)} />
      </>
    );
  }
  const [survey, plan] = result.data;
  const target = survey.target;
  const targetText = [
    t(`surveys.target.${target.kind}` as MessageKey),
    target.kind === 'SAMPLE' ? t('surveys.detail.rate', { rate: formatPercent(plan.rate, locale, 1) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const questionCount = survey.definition.sections.reduce((a, s) => a + s.questions.length, 0);
  const rate = (r: number | null) => (r === null ? '—' : formatPercent(r, locale, 1));

  return (
    <div className="flex flex-col gap-6">
      <Link href="/surveys" className="self-start text-brand-800">
        ← {t('backoffice.nav.surveys')}
      </Link>
      <PageTitle
        description={survey.description || undefined}
        actions={
          <span className={`inline-block rounded-full px-3 py-1 font-medium ${STATE_STYLE[survey.state] ?? ''}`} data-testid="survey-state">
            {t(`surveys.state.${survey.state}` as MessageKey)}
          </span>
        }
      >
        {survey.title}
      </PageTitle>

      <section aria-labelledby="overview" className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4">
        <h2 id="overview" className="text-xl font-bold">
          {t('surveys.detail.overview')}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <DetailItem term={t('surveys.detail.author')}>{survey.createdBy.name}</DetailItem>
          <DetailItem term={t('surveys.detail.approver')}>{survey.approvedBy?.name ?? '—'}</DetailItem>
          <DetailItem term={t('surveys.detail.window')}>{windowText(survey.opensAt, survey.closesAt, t, locale)}</DetailItem>
          <DetailItem term={t('surveys.detail.target')}>{targetText}</DetailItem>
          <DetailItem term={t('surveys.list.col.responded')}>{t('surveys.detail.counts', survey.counts)}</DetailItem>
        </dl>
        <div className="flex flex-wrap gap-3">
          {survey.can.edit ? (
            <Link href={`/surveys/${survey.id}/edit`} className={buttonClass('primary')}>
              {t('surveys.detail.edit')}
            </Link>
          ) : null}
          <Link href={`/surveys/${survey.id}/preview`} className={buttonClass('secondary')}>
            {t('surveys.detail.preview')}
          </Link>
          {survey.state === 'OPEN' || survey.state === 'CLOSED' ? (
            <Link href={`/analytics/surveys?surveyId=${survey.id}`} className={buttonClass('secondary')}>
              {t('surveys.detail.analytics')}
            </Link>
          ) : null}
        </div>
        {!survey.can.edit && survey.state !== 'DRAFT' ? <p className="text-ink-muted">{t('surveys.detail.frozen')}</p> : null}
      </section>

      <section aria-labelledby="actions" className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
        <h2 id="actions" className="text-xl font-bold">
          {t('surveys.detail.actions')}
        </h2>
        <SurveyMessages>
          <SurveyActions
            id={survey.id}
            can={survey.can}
            definition={survey.definition}
            ownHint={
              survey.createdById === me.id &&
              me.permissions.includes('surveys.approve') &&
              (survey.state === 'PENDING_APPROVAL' || survey.state === 'DRAFT')
            }
          />
        </SurveyMessages>
      </section>

      <section aria-labelledby="plan" className="flex flex-col gap-3">
        <h2 id="plan" className="text-xl font-bold">
          {t('surveys.plan.title')}
        </h2>
        <p className="text-ink-muted">
          {plan.sent ? t('surveys.plan.afterOpen') : t('surveys.plan.beforeOpen', { cap: plan.invitationsPerMonth })}
        </p>
        {plan.rows.length === 0 ? (
          <p>{t('surveys.plan.empty')}</p>
        ) : (
          <DataTable
            caption={t('surveys.plan.title')}
            captionHidden
            scrollLabel={t('common.tableScroll', { name: t('surveys.plan.title') })}
            data-testid="sample-plan"
          >
            <thead>
              <tr>
                <Th>{t('surveys.plan.col.stratum')}</Th>
                <Th className="text-right">{t('surveys.plan.col.population')}</Th>
                <Th className="text-right">{t('surveys.plan.col.planned')}</Th>
                <Th className="text-right">{plan.sent ? t('surveys.plan.col.achieved') : t('surveys.plan.col.achievable')}</Th>
                {plan.sent ? <Th className="text-right">{t('surveys.plan.col.responded')}</Th> : null}
                {plan.sent ? <Th className="text-right">{t('surveys.plan.col.rate')}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className="border-b border-line px-3 py-2 text-left font-normal">
                    {stratumText(r, t)} <span className="font-mono text-sm text-ink-muted">{r.key}</span>
                  </th>
                  <Td className="text-right">{r.population}</Td>
                  <Td className="text-right">{r.planned}</Td>
                  <Td className={`text-right ${r.achieved < r.planned ? 'font-semibold text-warning-800' : ''}`}>
                    {r.achieved}
                    {r.achieved < r.planned ? <span className="ml-1 text-sm">({t('surveys.plan.short')})</span> : null}
                  </Td>
                  {plan.sent ? <Td className="text-right">{r.responded}</Td> : null}
                  {plan.sent ? <Td className="text-right">{rate(r.responseRate)}</Td> : null}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" className="px-3 py-2 text-left">
                  {t('surveys.plan.total')}
                </th>
                <Td className="text-right">{plan.totals.population}</Td>
                <Td className="text-right">{plan.totals.planned}</Td>
                <Td className="text-right">{plan.totals.achieved}</Td>
                {plan.sent ? <Td className="text-right">{plan.totals.responded}</Td> : null}
                {plan.sent ? (
                  <Td className="text-right">{rate(plan.totals.achieved ? plan.totals.responded / plan.totals.achieved : null)}</Td>
                ) : null}
              </tr>
            </tfoot>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="structure" className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
        <h2 id="structure" className="text-xl font-bold">
          {t('surveys.detail.structure')}{' '}
          <span className="text-base font-normal text-ink-muted">{t('surveys.detail.questions', { count: questionCount })}</span>
        </h2>
        <ol className="flex flex-col gap-3">
          {survey.definition.sections.map((s) => (
            <li key={s.key}>
              <p className="font-semibold">
                {s.title} · {t(`surveys.dimension.${s.dimension}` as MessageKey)} · {t('surveys.detail.weight', { weight: s.weight })}
              </p>
              <ul className="list-disc pl-6 text-ink-muted">
                {s.questions.map((q) => (
                  <li key={q.key}>
                    {withNote(
                      t,
                      q.label,
                      [t(`surveys.type.${q.type}` as MessageKey), q.required ? t('surveys.form.required') : '']
                        .filter(Boolean)
                        .join(t('common.clauseSeparator')),
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
