import type { Metadata } from 'next';
import { shareTableOfShape } from '@tobacco/api/grading/grading.rules';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { GradingNav } from '../_components/grading-nav';
import { ShareEditor } from '../_components/share-editor';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('grading.staff.nav.shares') };
}

export default async function SharesPage() {
  const denied = await deniedArea('grading');
  if (denied) return denied;
  const [{ t }, me] = await Promise.all([getI18n(), getMe()]);
  if (!me.permissions.includes('grading.shareTable')) return <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />;
  const { api } = await getServerApi();
  const current = await api.grading.shareTable();
  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('grading.staff.shares.description')}>{t('grading.staff.title')}</PageTitle>
      <GradingNav current="/grading/shares" />
      <ShareEditor
        current={current}
        shapes={{ pyramid: shareTableOfShape('pyramid'), spindle: shareTableOfShape('spindle') }}
        maySave={me.permissions.includes('admin.settings')}
      />
    </div>
  );
}
