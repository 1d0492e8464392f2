import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { deniedWithout } from '../../_lib/guard';
import { loadForPage } from '../../_lib/load';
import { SurveyMessages } from '../../_lib/survey-messages';
import { SurveyPreview } from './preview';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('surveys.detail.preview') };
}

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const denied = await deniedWithout('surveys.read');
  if (denied) return denied;
  const [{ t }, { id }] = await Promise.all([getI18n(), params]);
  const result = await loadForPage(id, (api, surveyId) => api.surveys.get({ id: surveyId }));
  if (!result.ok) {
    return (
      <>
        <PageTitle>{t('surveys.detail.preview')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(result.message.key, result.message.params)} />
      </>
    );
  }
  const survey = result.data;
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/surveys/${survey.id}`} className="self-start text-brand-800">
        ← {survey.title}
      </Link>
      <PageTitle>{t('surveys.detail.preview')}</PageTitle>
      <SurveyMessages>
        <SurveyPreview title={survey.title} description={survey.description} definition={survey.definition} />
      </SurveyMessages>
    </div>
  );
}
