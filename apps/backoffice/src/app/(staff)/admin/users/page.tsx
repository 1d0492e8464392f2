import Link from 'next/link';
import { STAFF_ROLES } from '@tobacco/auth/permissions';
import { ZListUsersInput } from '@tobacco/api/admin/users.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { FilterBar, ListPagination } from '@/components/list-kit';
import { getMe, getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import { hrefWith, parseSearch, type SearchParams } from '../_components/search-params';
import { joinList, withNote } from '@tobacco/i18n/translator';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.users.title');

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <AdminPage permission="admin.users" title="admin.users.title" description="admin.users.description" actions={<UsersActions />}>
      <UserList searchParams={await searchParams} />
    </AdminPage>
  );
}

async function UsersActions() {
  const { t } = await getI18n();
  return (
    <Link href="/admin/users/new" className={buttonClass('primary')}>
      {t('admin.users.new')}
    </Link>
  );
}

async function UserList({ searchParams }: { searchParams: SearchParams }) {
  const input = parseSearch(ZListUsersInput, searchParams, { numbers: ['districtId', 'departmentId', 'page'] });
  const [{ t, locale }, { api }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  const [list, options] = await Promise.all([api.admin.users.list(input), api.admin.users.options()]);
  const name = (o: { name: string; nameEn: string }) => (locale === 'en' ? o.nameEn : o.name);
  return (
    <div className="flex flex-col gap-4">
      <FilterBar resetHref="/admin/users" columns="wide-5">
        <TextField
          id="users-q"
          type="search"
          name="q"
          label={t('admin.users.search')}
          placeholder={t('admin.users.searchPlaceholder')}
          defaultValue={input.q ?? ''}
        />
        <SelectField
          id="users-role"
          name="role"
          label={t('admin.users.role')}
          placeholder={t('common.all')}
          defaultValue={input.role ?? ''}
          options={STAFF_ROLES.map((role) => ({ value: role, label: t(`enum.role.${role}` as MessageKey) }))}
        />
        <SelectField
          id="users-district"
          name="districtId"
          label={t('admin.users.district')}
          placeholder={t('common.all')}
          defaultValue={input.districtId ?? ''}
          options={options.districts.map((d) => ({ value: d.id, label: name(d) }))}
        />
        <SelectField
          id="users-department"
          name="departmentId"
          label={t('admin.users.department')}
          placeholder={t('common.all')}
          defaultValue={input.departmentId ?? ''}
          options={options.departments.map((d) => ({ value: d.id, label: name(d) }))}
        />
        <SelectField
          id="users-status"
          name="status"
          label={t('admin.users.status')}
          placeholder={t('common.all')}
          defaultValue={input.status ?? ''}
          options={(['active', 'inactive', 'locked'] as const).map((s) => ({ value: s, label: t(`admin.users.statusFilter.${s}`) }))}
        />
      </FilterBar>

      {list.items.length === 0 ? (
        <EmptyState title={t('admin.users.empty')} />
      ) : (
        <>
          <DataTable
            caption={t('admin.users.caption')}
            captionHidden
            scrollLabel={t('common.tableScroll', { name: t('admin.users.caption') })}
          >
            <thead>
              <tr>
                <Th>{t('admin.users.col.username')}</Th>
                <Th>{t('admin.users.col.name')}</Th>
                <Th>{t('admin.users.col.roles')}</Th>
                <Th>{t('admin.users.col.district')}</Th>
                <Th>{t('admin.users.col.department')}</Th>
                <Th>{t('admin.users.col.status')}</Th>
                <Th>{t('admin.users.col.lastLogin')}</Th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((user) => (
                <tr key={user.id} data-testid="user-row" className="hover:bg-brand-50">
                  <Td className="font-mono">
                    <Link href={`/admin/users/${user.id}`} className="font-semibold text-brand-700">
                      {user.username}
                    </Link>
                    {user.id === me.id ? (
                      <span className="ml-1 text-sm text-ink-muted">{withNote(t, '', t('admin.users.you'))}</span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap">{user.name}</Td>
                  <Td>
                    {joinList(
                      t,
                      user.roles.map((role) => t(`enum.role.${role}` as MessageKey)),
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">{user.district ? name(user.district) : '—'}</Td>
                  <Td className="whitespace-nowrap">{user.department ? name(user.department) : '—'}</Td>
                  <Td className="whitespace-nowrap">
                    {!user.active
                      ? t('admin.users.state.inactive')
                      : user.locked
                        ? t('admin.users.state.locked')
                        : user.mustChangePassword
                          ? t('admin.users.state.temporary')
                          : t('admin.users.state.active')}
                  </Td>
                  <Td className="whitespace-nowrap">{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : '—'}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <ListPagination
            page={list.page}
            pages={list.pages}
            total={list.total}
            hrefFor={(page) => hrefWith('/admin/users', { ...input, page: page === 1 ? undefined : page })}
          />
        </>
      )}
    </div>
  );
}
