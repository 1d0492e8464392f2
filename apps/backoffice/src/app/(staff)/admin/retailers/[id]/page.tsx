import { notFound } from 'next/navigation';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Card, DetailItem } from '@tobacco/ui/card';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../../_components/admin-page';
import { AssignOne, LoginsPanel, StatusPanel } from '../retailer-panels';
import { RetailerForm } from '../retailer-form';
import { withNote } from '@tobacco/i18n/translator';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.retailers.edit');

export default async function RetailerAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <AdminPage
      permission="retailers.manage"
      title="admin.retailers.edit"
      back={{ href: '/admin/retailers', label: 'admin.retailers.title' }}
    >
      <RetailerAccount id={Number(id)} />
    </AdminPage>
  );
}

async function RetailerAccount({ id }: { id: number }) {
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [{ t, locale }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const [retailer, options] = await Promise.all([api.admin.retailers.get({ id }).catch(() => null), api.admin.users.options()]);
  if (!retailer) notFound();
  const managers = options.accountManagers.map((m) => ({ value: m.id, label: withNote(t, m.name, m.username) }));
  return (
    <div className="flex flex-col gap-5">
      <Card aria-labelledby="shop-summary">
        <h2 id="shop-summary" className="mb-3 text-xl font-bold">
          {retailer.shopName}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-4">
          <DetailItem term={t('admin.retailers.field.licenceNo')}>
            <span className="font-mono">{retailer.licenceNo}</span>
          </DetailItem>
          <DetailItem term={t('admin.retailers.field.classification')}>{retailer.classificationCode}</DetailItem>
          <DetailItem term={t('common.grade')}>
            {retailer.grade ? t('common.gradeValue', { grade: retailer.grade }) : t('common.notGraded')}
          </DetailItem>
          <DetailItem term={t('admin.retailers.field.status')}>
            <span data-testid="retailer-status">{t(`enum.status.${retailer.status}` as MessageKey)}</span>
          </DetailItem>
        </dl>
      </Card>

      <div className="grid gap-5 xl:grid-cols-2">
        <Card aria-labelledby="assign-title">
          <h2 id="assign-title" className="mb-3 text-xl font-bold">
            {t('admin.assign.oneTitle')}
          </h2>
          <AssignOne retailerId={retailer.id} current={retailer.accountManager?.id ?? null} managers={managers} />
        </Card>
        <Card aria-labelledby="status-title">
          <h2 id="status-title" className="mb-3 text-xl font-bold">
            {t('admin.retailers.statusTitle')}
          </h2>
          <StatusPanel retailerId={retailer.id} status={retailer.status} />
        </Card>
      </div>

      <Card aria-labelledby="logins-title">
        <h2 id="logins-title" className="mb-3 text-xl font-bold">
          {t('admin.logins.title')}
        </h2>
        <LoginsPanel retailerId={retailer.id} logins={retailer.logins} />
      </Card>

      <section aria-labelledby="record-title">
        <h2 id="record-title" className="mb-3 text-xl font-bold">
          {t('admin.retailers.recordTitle')}
        </h2>
        <RetailerForm
          retailerId={retailer.id}
          initial={{
            licenceNo: retailer.licenceNo,
            shopName: retailer.shopName,
            ownerName: retailer.ownerName,
            contactName: retailer.contactName ?? '',
            phone: retailer.phone,
            address: retailer.address,
            districtId: retailer.districtId,
            market: retailer.market,
            businessForm: retailer.businessForm,
            sizeClass: retailer.sizeClass,
            shopAreaM2: retailer.shopAreaM2,
            orderWeekday: retailer.orderWeekday,
            integrityLevel: retailer.integrityLevel,
            accountManagerId: retailer.accountManagerId,
          }}
          districts={options.districts
            .filter((d) => d.active || d.id === retailer.districtId)
            .map((d) => ({ value: d.id, label: locale === 'en' ? d.nameEn : d.name }))}
          managers={managers}
        />
      </section>
    </div>
  );
}
