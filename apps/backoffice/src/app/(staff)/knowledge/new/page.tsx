import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { getMe, getServerApi } from '@/trpc/server';
import { ArticleEditor } from '../_components/article-editor';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('knowledge.staff.new') };
}

export default async function NewArticlePage() {
  const [{ t }, me, { api }] = await Promise.all([getI18n(), getMe(), getServerApi()]);
  if (!me.permissions.includes('knowledge.write')) {
    return (
      <>
        <PageTitle>{t('knowledge.staff.new')}</PageTitle>
        <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />
      </>
    );
  }
  const { departments, defaultDepartmentId } = await api.knowledge.editorOptions();
  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/knowledge">← {t('knowledge.staff.title')}</Link>
      </p>
      <PageTitle>{t('knowledge.staff.new')}</PageTitle>
      <ArticleEditor
        departments={departments}
        initial={{
          category: 'OTHER',
          audience: 'RETAILERS',
          departmentId: defaultDepartmentId ?? 0,
          tags: [],
          titleZh: '',
          titleEn: '',
          bodyZh: '',
          bodyEn: '',
        }}
      />
    </div>
  );
}
