import type { Metadata } from 'next';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getServerApi } from '@/trpc/server';
import { SurveyBuilder } from '../_lib/builder';
import { deniedWithout } from '../_lib/guard';
import { SurveyMessages } from '../_lib/survey-messages';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('surveys.builder.newTitle') };
}

export default async function NewSurveyPage() {
  const denied = await deniedWithout('surveys.draft');
  if (denied) return denied;
  const [{ t }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let options;
  try {
    options = await api.surveys.targetOptions();
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('surveys.builder.newTitle')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  // A new survey starts from the industry's first dimension with one rating question.
  const initial = {
    title: '',
    description: '',
    opensAt: null,
    closesAt: null,
    target: { kind: 'SAMPLE' as const, rate: options.defaultSampleRate },
    definition: {
      sections: [
        {
          key: 's1',
          dimension: 'SUPPLY' as const,
          weight: 1,
          title: t('surveys.dimension.SUPPLY'),
          questions: [{ key: 'q1', type: 'RATING' as const, label: '', required: true, scaleMin: 1, scaleMax: 5 }],
        },
      ],
    },
  };
  return (
    <>
      <PageTitle>{t('surveys.builder.newTitle')}</PageTitle>
      <SurveyMessages>
        <SurveyBuilder initial={initial} districts={options.districts} defaultSampleRate={options.defaultSampleRate} />
      </SurveyMessages>
    </>
  );
}
