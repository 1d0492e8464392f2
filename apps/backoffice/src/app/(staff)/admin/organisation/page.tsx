import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import { DepartmentsEditor, DistrictsEditor } from './organisation-editor';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.organisation.title');

export default async function OrganisationPage() {
  return (
    <AdminPage permission="admin.organisation" title="admin.organisation.title" description="admin.organisation.description">
      <Organisation />
    </AdminPage>
  );
}

async function Organisation() {
  const { api } = await getServerApi();
  const { districts, departments } = await api.admin.organisation.list();
  return (
    <div className="flex flex-col gap-8">
      <DistrictsEditor districts={districts} />
      <DepartmentsEditor departments={departments} />
    </div>
  );
}
