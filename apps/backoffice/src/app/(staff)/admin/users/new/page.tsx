import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../../_components/admin-page';
import { UserForm } from '../user-form';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.users.new');

export default async function NewUserPage() {
  return (
    <AdminPage
      permission="admin.users"
      title="admin.users.new"
      description="admin.users.newDescription"
      back={{ href: '/admin/users', label: 'admin.users.title' }}
    >
      <NewUser />
    </AdminPage>
  );
}

async function NewUser() {
  const { api } = await getServerApi();
  const options = await api.admin.users.options();
  return (
    <UserForm
      initial={{ username: '', name: '', phone: '', roles: [], districtId: null, departmentId: null }}
      districts={options.districts}
      departments={options.departments}
    />
  );
}
