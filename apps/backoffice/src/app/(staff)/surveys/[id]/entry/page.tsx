import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { deniedWithout } from '../../_lib/guard';
import { loadForPage } from '../../_lib/load';
import { SurveyMessages } from '../../_lib/survey-messages';
import { EntryForm } from './entry-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('surveys.list.entryTitle') };
}

export default async function EntryPage({ params }: { params: Promise<{ id: string }> }) {
  const denied = await deniedWithout('surveys.enterAnswers');
  if (denied) return denied;
  const [{ t }, { id }] = await Promise.all([getI18n(), params]);
  const result = await loadForPage(id, (api, surveyId) => api.surveys.entry.survey({ id: surveyId }));
  const back = (
    <Link href="/surveys" className="self-start text-brand-800">
      ← {t('backoffice.nav.surveys')}
    </Link>
  );
  if (!result.ok) {
    return (
      <>
        <PageTitle>{t('surveys.list.entryTitle')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(result.message.key, result.message.params)} action={back} />
      </>
    );
  }
  const survey = result.data;
  return (
    <div className="flex flex-col gap-4">
      {back}
      <PageTitle description={t('surveys.list.entryBody')}>{t('surveys.entry.title', { title: survey.title })}</PageTitle>
      {survey.open ? (
        <SurveyMessages>
          <EntryForm surveyId={survey.id} definition={survey.definition} />
        </SurveyMessages>
      ) : (
        <ErrorState title={t('surveys.portal.closed')} message={t('surveys.entry.notOpen')} action={back} />
      )}
    </div>
  );
}
