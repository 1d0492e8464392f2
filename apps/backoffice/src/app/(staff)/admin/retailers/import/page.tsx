import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { ErrorState } from '@tobacco/ui/states';
import { getMe } from '@/trpc/server';
import { ImportUploadPanel } from '../../../imports/_components/upload-panel';
import { AdminPage, adminMetadata } from '../../_components/admin-page';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.import.title');

/** New retailers from a file, through the data imports: the upload here, the check and the report on the import's page. */
export default async function RetailerImportPage() {
  const [{ t }, me] = await Promise.all([getI18n(), getMe()]);
  return (
    <AdminPage
      permission="retailers.manage"
      title="admin.import.title"
      description="admin.import.description"
      back={{ href: '/admin/retailers', label: 'admin.retailers.title' }}
    >
      {me.permissions.includes('imports.use') ? (
        <ImportUploadPanel kind="RETAILERS" note={t('admin.import.rules')} />
      ) : (
        <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />
      )}
    </AdminPage>
  );
}
