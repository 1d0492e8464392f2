import Link from 'next/link';
import { RETAILER_STATUSES, ZListRetailerAccountsInput } from '@tobacco/api/admin/retailer-accounts.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { FilterBar, ListPagination, ExportLinks } from '@/components/list-kit';
import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import { Badge } from '../_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../_components/search-params';
import { BulkAssign } from './bulk-assign';
import { withNote } from '@tobacco/i18n/translator';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.retailers.title');

const STATUS_TONE = { ACTIVE: 'ok', SUSPENDED: 'warn', CANCELLED: 'bad' } as const;

export default async function RetailerAccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { t } = await getI18n();
  return (
    <AdminPage
      permission="retailers.manage"
      title="admin.retailers.title"
      description="admin.retailers.description"
      actions={
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/retailers/new" className={buttonClass('primary')}>
            {t('admin.retailers.new')}
          </Link>
          <Link href="/admin/retailers/import" className={buttonClass('secondary')}>
            {t('admin.import.title')}
          </Link>
          <Link href="/admin/retailers/move" className={buttonClass('secondary')}>
            {t('admin.move.title')}
          </Link>
        </div>
      }
    >
      <RetailerAccounts searchParams={await searchParams} />
    </AdminPage>
  );
}

async function RetailerAccounts({ searchParams }: { searchParams: SearchParams }) {
  const input = parseSearch(ZListRetailerAccountsInput, searchParams, {
    numbers: ['districtId', 'accountManagerId', 'grade', 'page'],
    booleans: ['unassigned'],
  });
  const { page: _page, ...filter } = input;
  const [{ t, locale }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const [list, options] = await Promise.all([api.admin.retailers.list(input), api.admin.users.options()]);
  const name = (o: { name: string; nameEn: string }) => (locale === 'en' ? o.nameEn : o.name);
  const managers = options.accountManagers.map((m) => ({ value: m.id, label: withNote(t, m.name, m.username) }));
  return (
    <div className="flex flex-col gap-4">
      <FilterBar
        resetHref="/admin/retailers"
        columns="wide-5"
        actions={<ExportLinks hrefFor={(format) => hrefWith('/admin/retailers/export', { ...filter, format })} />}
      >
        <TextField
          id="r-q"
          type="search"
          name="q"
          label={t('admin.retailers.search')}
          placeholder={t('backoffice.retailers.searchPlaceholder')}
          defaultValue={input.q ?? ''}
        />
        <SelectField
          id="r-district"
          name="districtId"
          label={t('admin.retailers.field.district')}
          placeholder={t('common.all')}
          defaultValue={input.districtId ?? ''}
          options={options.districts.map((d) => ({ value: d.id, label: name(d) }))}
        />
        <SelectField
          id="r-status"
          name="status"
          label={t('admin.retailers.field.status')}
          placeholder={t('common.all')}
          defaultValue={input.status ?? ''}
          options={RETAILER_STATUSES.map((s) => ({ value: s, label: t(`enum.status.${s}` as MessageKey) }))}
        />
        <SelectField
          id="r-manager"
          name="accountManagerId"
          label={t('admin.retailers.field.accountManager')}
          placeholder={t('common.all')}
          defaultValue={input.accountManagerId ?? ''}
          options={managers}
        />
        <label className="flex min-h-12 items-center gap-2 self-end font-semibold">
          <input type="checkbox" name="unassigned" value="1" defaultChecked={input.unassigned ?? false} className="size-5" />
          {t('admin.retailers.unassignedOnly')}
        </label>
      </FilterBar>

      {list.items.length === 0 ? (
        <EmptyState title={t('backoffice.retailers.empty')} body={t('backoffice.retailers.emptyHint')} />
      ) : (
        <>
          <BulkAssign filter={filter} total={list.total} managers={managers} />
          <DataTable
            caption={t('admin.retailers.caption')}
            captionHidden
            scrollLabel={t('common.tableScroll', { name: t('admin.retailers.caption') })}
          >
            <thead>
              <tr>
                <Th>{t('backoffice.retailers.col.licenceNo')}</Th>
                <Th>{t('backoffice.retailers.col.shopName')}</Th>
                <Th>{t('backoffice.retailers.col.owner')}</Th>
                <Th>{t('backoffice.retailers.col.district')}</Th>
                <Th>{t('admin.retailers.field.orderWeekday')}</Th>
                <Th>{t('backoffice.retailers.col.accountManager')}</Th>
                <Th>{t('backoffice.retailers.col.status')}</Th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.id} data-testid="account-row" className="hover:bg-brand-50">
                  <Td className="font-mono whitespace-nowrap">
                    <Link href={`/admin/retailers/${r.id}`} className="font-semibold text-brand-700">
                      {r.licenceNo}
                    </Link>
                  </Td>
                  <Td>{r.shopName}</Td>
                  <Td className="whitespace-nowrap">{r.ownerName}</Td>
                  <Td className="whitespace-nowrap">{name(r.district)}</Td>
                  <Td className="whitespace-nowrap">{t(`enum.weekday.${r.orderWeekday}` as MessageKey)}</Td>
                  <Td className="whitespace-nowrap">{r.accountManager ? r.accountManager.name : t('common.notAssigned')}</Td>
                  <Td>
                    <Badge tone={STATUS_TONE[r.status]}>{t(`enum.status.${r.status}` as MessageKey)}</Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <ListPagination
            page={list.page}
            pages={list.pages}
            total={list.total}
            hrefFor={(page) => hrefWith('/admin/retailers', { ...filter, page: page === 1 ? undefined : page })}
          />
        </>
      )}
    </div>
  );
}
