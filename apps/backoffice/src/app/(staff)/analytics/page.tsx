import Link from 'next/link';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { areaMetadata, deniedArea } from '@/components/area-page';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => areaMetadata('analytics');

// The analytics area's index: one card per analysis that exists.
export default async function AnalyticsPage() {
  const denied = await deniedArea('analytics');
  if (denied) return denied;
  const { t } = await getI18n();
  return (
    <>
      <PageTitle>{t('backoffice.nav.analytics')}</PageTitle>
      <ul className="grid gap-4 md:grid-cols-2">
        <li>
          <Link
            href="/analytics/surveys"
            className="flex h-full flex-col gap-2 rounded-xl border border-line bg-surface p-4 no-underline shadow-sm hover:bg-brand-50"
          >
            <span className="text-lg font-bold text-brand-800">{t('surveys.analytics.hubSurveys')}</span>
            <span className="text-ink-muted">{t('surveys.analytics.hubSurveysBody')}</span>
          </Link>
        </li>
      </ul>
    </>
  );
}
