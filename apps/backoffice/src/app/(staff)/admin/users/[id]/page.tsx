import { notFound } from 'next/navigation';
import { formatDateTime } from '@tobacco/i18n/format';
import { Card, DetailItem } from '@tobacco/ui/card';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { getMe, getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../../_components/admin-page';
import { UserActions } from '../user-actions';
import { UserForm } from '../user-form';
import { withNote } from '@tobacco/i18n/translator';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.users.edit');

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <AdminPage permission="admin.users" title="admin.users.edit" back={{ href: '/admin/users', label: 'admin.users.title' }}>
      <UserDetail id={Number(id)} />
    </AdminPage>
  );
}

async function UserDetail({ id }: { id: number }) {
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [{ t, locale }, { api }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  const [user, options] = await Promise.all([api.admin.users.get({ id }).catch(() => null), api.admin.users.options()]);
  if (!user) notFound();
  return (
    <div className="flex flex-col gap-5">
      <Card aria-labelledby="user-summary">
        <h2 id="user-summary" className="mb-3 text-xl font-bold">
          {withNote(t, user.name, user.username)}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-4">
          <DetailItem term={t('admin.users.col.status')}>
            <span data-testid="user-status">
              {!user.active
                ? t('admin.users.state.inactive')
                : user.locked
                  ? t('admin.users.state.locked')
                  : user.mustChangePassword
                    ? t('admin.users.state.temporary')
                    : t('admin.users.state.active')}
            </span>
          </DetailItem>
          <DetailItem term={t('admin.users.col.lastLogin')}>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : '—'}</DetailItem>
          <DetailItem term={t('admin.users.createdAt')}>{formatDateTime(user.createdAt, locale)}</DetailItem>
          <DetailItem term={t('admin.users.managedRetailers')}>{user.managedRetailers}</DetailItem>
        </dl>
        <div className="mt-4">
          <UserActions id={user.id} username={user.username} active={user.active} locked={user.locked} self={user.id === me.id} />
        </div>
      </Card>
      <section aria-labelledby="user-edit">
        <h2 id="user-edit" className="mb-3 text-xl font-bold">
          {t('admin.users.details')}
        </h2>
        <UserForm
          userId={user.id}
          initial={{
            username: user.username,
            name: user.name,
            phone: user.phone ?? '',
            roles: user.roles,
            districtId: user.district?.id ?? null,
            departmentId: user.department?.id ?? null,
          }}
          districts={options.districts}
          departments={options.departments}
        />
      </section>
    </div>
  );
}
