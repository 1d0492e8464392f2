import { withNote } from '@tobacco/i18n/translator';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../../_components/admin-page';
import { MoveManager } from './move-manager';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.move.title');

export default async function MovePage() {
  return (
    <AdminPage
      permission="retailers.manage"
      title="admin.move.title"
      description="admin.move.description"
      back={{ href: '/admin/retailers', label: 'admin.retailers.title' }}
    >
      <Move />
    </AdminPage>
  );
}

async function Move() {
  const [{ t }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const options = await api.admin.users.options();
  return <MoveManager managers={options.accountManagers.map((m) => ({ value: m.id, label: withNote(t, m.name, m.username) }))} />;
}
