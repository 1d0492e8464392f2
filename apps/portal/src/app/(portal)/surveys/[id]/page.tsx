import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { notFound, redirect } from 'next/navigation';
import { formatDateTime } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { getServerApi } from '@/trpc/server';
import { AnswerForm } from './answer-form';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const isNotFound = (error: unknown) => (error as { code?: string }).code === 'NOT_FOUND';

async function load(id: string) {
  const surveyId = Number(id);
  if (!Number.isInteger(surveyId) || surveyId <= 0) notFound();
  const { api, requestId } = await getServerApi();
  try {
    return { ok: true as const, survey: await api.surveys.get({ surveyId }) };
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    if (isNotFound(error)) notFound();
    return { ok: false as const, message: errorMessageOf(error, requestId) };
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const result = await load((await params).id);
  return { title: result.ok ? result.survey.title : t('surveys.portal.title') };
}

export default async function SurveyPage({ params }: Props) {
  const [{ t, locale }, result] = await Promise.all([getI18n(), load((await params).id)]);
  const back = (
    <Link href="/surveys" className="inline-flex min-h-11 items-center self-start text-brand-800">
      ← {t('surveys.portal.back')}
    </Link>
  );
  if (!result.ok) {
    return (
      <>
        <PageTitle>{t('surveys.portal.title')}</PageTitle>
        <ErrorState title={t('surveys.portal.loadFailed')} message={t(result.message.key, result.message.params)} action={back} />
      </>
    );
  }
  const { survey } = result;
  const submitted = survey.response?.state === 'SUBMITTED';
  return (
    <div className="flex flex-col gap-4">
      {back}
      <PageTitle description={survey.description || undefined}>{survey.title}</PageTitle>
      {survey.closesAt && !submitted ? (
        <p className="text-ink-muted">
          {t('surveys.portal.window', {
            from: survey.opensAt ? formatDateTime(survey.opensAt, locale) : '—',
            to: formatDateTime(survey.closesAt, locale),
          })}
        </p>
      ) : null}
      {submitted ? (
        <div role="status" className="flex flex-col gap-3 rounded-xl border border-success-700 bg-success-50 p-6">
          <p className="text-2xl font-bold text-success-700">{t('surveys.portal.thanksTitle')}</p>
          <p className="text-lg text-ink">
            {t('surveys.portal.thanksBody', { date: formatDateTime(survey.response!.submittedAt!, locale) })}
          </p>
          <Link href="/surveys" className={buttonClass('secondary', 'lg', 'self-start')}>
            {t('surveys.portal.back')}
          </Link>
        </div>
      ) : !survey.open ? (
        <ErrorState title={t('surveys.portal.closed')} message={t('surveys.portal.notOpen')} action={back} />
      ) : (
        <ClientMessages prefixes={['surveys.form.', 'surveys.portal.', 'surveys.error.']}>
          <AnswerForm
            surveyId={survey.id}
            definition={survey.definition}
            initialAnswers={survey.response?.answers ?? {}}
            savedAt={survey.response?.updatedAt ?? null}
          />
        </ClientMessages>
      )}
    </div>
  );
}
