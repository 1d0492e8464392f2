import type { Metadata } from 'next';
import { Suspense } from 'react';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState, LoadingState } from '@tobacco/ui/states';
import { deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { SurveyMessages } from '../../surveys/_lib/survey-messages';
import { SurveyDashboard } from './dashboard';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('surveys.analytics.title') };
}

export default async function SurveyAnalyticsPage({ searchParams }: { searchParams: Promise<{ surveyId?: string }> }) {
  const denied = await deniedArea('analytics');
  if (denied) return denied;
  const [{ t }, me, { api, requestId }, params] = await Promise.all([getI18n(), getMe(), getServerApi(), searchParams]);
  const requested = Number(params.surveyId);
  let options;
  try {
    options = await api.surveys.analytics.options(Number.isInteger(requested) && requested > 0 ? { surveyId: requested } : {});
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('surveys.analytics.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('surveys.analytics.title')}</PageTitle>
      {options.surveys.length === 0 ? (
        <EmptyState title={t('surveys.analytics.noSurveys')} />
      ) : (
        <SurveyMessages>
          <Suspense fallback={<LoadingState label={t('common.loading')} />}>
            <SurveyDashboard options={options} named={me.permissions.includes('analytics.readNamed')} />
          </Suspense>
        </SurveyMessages>
      )}
    </>
  );
}
