import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { SurveyBuilder } from '../../_lib/builder';
import { deniedWithout } from '../../_lib/guard';
import { loadForPage } from '../../_lib/load';
import { SurveyMessages } from '../../_lib/survey-messages';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('surveys.builder.editTitle') };
}

export default async function EditSurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const denied = await deniedWithout('surveys.draft');
  if (denied) return denied;
  const [{ t }, { id }] = await Promise.all([getI18n(), params]);
  const result = await loadForPage(id, (api, surveyId) => Promise.all([api.surveys.get({ id: surveyId }), api.surveys.targetOptions()]));
  if (!result.ok) {
    return (
      <>
        <PageTitle>{t('surveys.builder.editTitle')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(result.message.key, result.message.params)} />
      </>
    );
  }
  const [survey, options] = result.data;
  const back = (
    <Link href={`/surveys/${survey.id}`} className="self-start text-brand-800">
      ← {survey.title}
    </Link>
  );
  if (!survey.can.edit) {
    return (
      <>
        <PageTitle>{t('surveys.builder.editTitle')}</PageTitle>
        <ErrorState title={t('errors.INVALID_STATE')} message={t('surveys.detail.frozen')} action={back} />
      </>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {back}
      <PageTitle>{t('surveys.builder.editTitle')}</PageTitle>
      <SurveyMessages>
        <SurveyBuilder
          surveyId={survey.id}
          initial={{
            title: survey.title,
            description: survey.description,
            opensAt: survey.opensAt,
            closesAt: survey.closesAt,
            target: survey.target,
            definition: survey.definition,
          }}
          districts={options.districts}
          defaultSampleRate={options.defaultSampleRate}
        />
      </SurveyMessages>
    </div>
  );
}
