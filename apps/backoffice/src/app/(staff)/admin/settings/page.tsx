import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import { SettingsEditor } from './settings-editor';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.settings.title');

export default async function SettingsPage() {
  return (
    <AdminPage permission="admin.settings" title="admin.settings.title" description="admin.settings.description">
      <Settings />
    </AdminPage>
  );
}

async function Settings() {
  const { api } = await getServerApi();
  const groups = await api.admin.settings.list();
  return <SettingsEditor groups={groups} />;
}
