import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { LoadingState } from '@tobacco/ui/states';
import { areaMetadata, deniedArea } from '@/components/area-page';
import { RetailerList } from './retailer-list';

export const dynamic = 'force-dynamic';

export function generateMetadata(): Promise<Metadata> {
  return areaMetadata('retailers');
}

export default async function RetailersPage() {
  const denied = await deniedArea('retailers');
  if (denied) return denied;
  const { t } = await getI18n();
  return (
    <>
      <PageTitle>{t('backoffice.nav.retailers')}</PageTitle>
      <Suspense fallback={<LoadingState label={t('common.loading')} />}>
        <RetailerList />
      </Suspense>
    </>
  );
}
