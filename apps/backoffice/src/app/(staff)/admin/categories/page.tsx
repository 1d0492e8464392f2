import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import { CategoriesEditor } from './categories-editor';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.categories.title');

export default async function CategoriesPage() {
  return (
    <AdminPage permission="admin.organisation" title="admin.categories.title" description="admin.categories.description">
      <Categories />
    </AdminPage>
  );
}

async function Categories() {
  const { api } = await getServerApi();
  const [categories, organisation] = await Promise.all([api.admin.categories.list(), api.admin.organisation.list()]);
  return (
    <CategoriesEditor
      categories={categories.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        nameEn: c.nameEn,
        dimension: c.dimension,
        parentId: c.parentId,
        departmentId: c.departmentId,
        department: c.department,
        acceptSlaDays: c.acceptSlaDays,
        resolveSlaDays: c.resolveSlaDays,
        active: c.active,
        depth: c.depth,
        complaints: c.complaints,
      }))}
      departments={organisation.departments.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn, active: d.active }))}
    />
  );
}
