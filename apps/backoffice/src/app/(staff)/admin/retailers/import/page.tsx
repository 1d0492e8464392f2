import { AdminPage, adminMetadata } from '../../_components/admin-page';
import { RetailerImport } from './retailer-import';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.import.title');

export default function RetailerImportPage() {
  return (
    <AdminPage
      permission="retailers.manage"
      title="admin.import.title"
      description="admin.import.description"
      back={{ href: '/admin/retailers', label: 'admin.retailers.title' }}
    >
      <RetailerImport />
    </AdminPage>
  );
}
