import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { getMe, getServerApi } from '@/trpc/server';
import { PromotionEditor } from '../_components/promotion-editor';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('promotions.staff.newTitle') };
}

/** Today + 1 day to + 31 days, China time, as datetime-local values. */
function defaultWindow(): { startsAt: string; endsAt: string } {
  const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  return { startsAt: `${day(1)}T00:00`, endsAt: `${day(31)}T00:00` };
}

export default async function NewPromotionPage() {
  const [{ t }, me, { api }] = await Promise.all([getI18n(), getMe(), getServerApi()]);
  if (!me.permissions.includes('promotions.draft')) {
    return (
      <>
        <PageTitle>{t('promotions.staff.newTitle')}</PageTitle>
        <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />
      </>
    );
  }
  const options = await api.promotions.editorOptions();
  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/promotions">← {t('promotions.staff.title')}</Link>
      </p>
      <PageTitle>{t('promotions.staff.newTitle')}</PageTitle>
      <PromotionEditor
        initial={{
          title: '',
          body: '',
          terms: '',
          productIds: [],
          ...defaultWindow(),
          target: {
            targetGradeMin: null,
            targetGradeMax: null,
            targetClassifications: [],
            targetDistrictIds: [],
            targetIntegrityLevels: [],
            targetNamedList: false,
          },
        }}
        initialProducts={[]}
        districts={options.districts}
      />
    </div>
  );
}
