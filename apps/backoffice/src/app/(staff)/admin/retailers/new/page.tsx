import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../../_components/admin-page';
import { RetailerForm } from '../retailer-form';
import { withNote } from '@tobacco/i18n/translator';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.retailers.new');

export default async function NewRetailerPage() {
  return (
    <AdminPage
      permission="retailers.manage"
      title="admin.retailers.new"
      description="admin.retailers.newDescription"
      back={{ href: '/admin/retailers', label: 'admin.retailers.title' }}
    >
      <NewRetailer />
    </AdminPage>
  );
}

async function NewRetailer() {
  const [{ locale, t }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const options = await api.admin.users.options();
  return (
    <RetailerForm
      initial={{
        licenceNo: '',
        shopName: '',
        ownerName: '',
        contactName: '',
        phone: '',
        address: '',
        districtId: undefined as unknown as number,
        market: 'C',
        businessForm: 'Z',
        sizeClass: 3,
        shopAreaM2: null,
        orderWeekday: 1,
        integrityLevel: 'A',
        accountManagerId: null,
      }}
      districts={options.districts.filter((d) => d.active).map((d) => ({ value: d.id, label: locale === 'en' ? d.nameEn : d.name }))}
      managers={options.accountManagers.map((m) => ({ value: m.id, label: withNote(t, m.name, m.username) }))}
    />
  );
}
