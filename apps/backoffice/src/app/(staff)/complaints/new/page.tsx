import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { getMe, getServerApi } from '@/trpc/server';
import { PhoneFiling } from './phone-filing';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('complaints.phone.title') };
}

export default async function FileByPhonePage() {
  const [{ t, locale }, me] = await Promise.all([getI18n(), getMe()]);
  if (!me.permissions.includes('complaints.file')) {
    return (
      <>
        <PageTitle>{t('complaints.phone.title')}</PageTitle>
        <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />
      </>
    );
  }
  const { api } = await getServerApi();
  const categories = (await api.complaints.categories()).map((c) => ({ value: c.id, label: locale === 'en' ? c.nameEn : c.name }));
  return (
    <div className="flex flex-col gap-5">
      <PageTitle
        description={t('complaints.phone.intro')}
        actions={
          <Link href="/complaints" className="font-semibold">
            {t('complaints.case.backToQueue')}
          </Link>
        }
      >
        {t('complaints.phone.title')}
      </PageTitle>
      <PhoneFiling categories={categories} />
    </div>
  );
}
