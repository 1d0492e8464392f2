import type { Metadata } from 'next';
import Link from 'next/link';
import type { Permission } from '@tobacco/auth/permissions';
import type { MessageKey } from '@tobacco/i18n/messages';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { getMe, getServerApi } from '@/trpc/server';
import { joinList } from '@tobacco/i18n/translator';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('admin.nav.admin') };
}

const SECTIONS: { href: string; title: MessageKey; body: MessageKey; permission: Permission }[] = [
  { href: '/admin/users', title: 'admin.users.title', body: 'admin.index.users', permission: 'admin.users' },
  { href: '/admin/retailers', title: 'admin.retailers.title', body: 'admin.index.retailers', permission: 'retailers.manage' },
  { href: '/admin/organisation', title: 'admin.organisation.title', body: 'admin.index.organisation', permission: 'admin.organisation' },
  { href: '/admin/categories', title: 'admin.categories.title', body: 'admin.index.categories', permission: 'admin.organisation' },
  { href: '/admin/calendar', title: 'admin.calendar.title', body: 'admin.index.calendar', permission: 'admin.calendar' },
  { href: '/admin/settings', title: 'admin.settings.title', body: 'admin.index.settings', permission: 'admin.settings' },
  {
    href: '/admin/change-requests',
    title: 'admin.changeRequests.title',
    body: 'admin.index.changeRequests',
    permission: 'changeRequests.approve',
  },
  { href: '/admin/audit', title: 'admin.audit.title', body: 'admin.audit.index', permission: 'audit.read' },
  { href: '/admin/jobs', title: 'admin.jobs.title', body: 'admin.jobs.index', permission: 'admin.jobs' },
  { href: '/admin/deliveries', title: 'channels.log.title', body: 'channels.log.index', permission: 'admin.jobs' },
  { href: '/admin/integrations', title: 'ingest.title', body: 'ingest.description', permission: 'admin.integrations' },
];

export default async function AdminIndexPage() {
  const [{ t }, me] = await Promise.all([getI18n(), getMe()]);
  const sections = SECTIONS.filter((s) => me.permissions.includes(s.permission));
  if (sections.length === 0) {
    return (
      <>
        <PageTitle>{t('admin.nav.admin')}</PageTitle>
        <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />
      </>
    );
  }
  let unconfirmed: number[] = [];
  if (me.permissions.includes('admin.calendar')) {
    const { api } = await getServerApi();
    unconfirmed = (await api.admin.calendar.year({})).unconfirmedYears;
  }
  return (
    <div className="flex flex-col gap-5">
      <PageTitle>{t('admin.nav.admin')}</PageTitle>
      {unconfirmed.length > 0 ? (
        <p
          role="status"
          className="rounded-lg border border-warning-800/30 bg-warning-50 px-4 py-3 text-warning-800"
          data-testid="calendar-warning"
        >
          {t('admin.calendar.unconfirmedWarning', { years: joinList(t, unconfirmed) })}{' '}
          <Link href={`/admin/calendar?year=${unconfirmed[0]}`} className="font-semibold text-warning-800 underline">
            {t('admin.calendar.open')}
          </Link>
        </p>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {sections.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="flex min-h-28 flex-col gap-1 rounded-xl border border-line bg-surface px-4 py-3 text-ink no-underline hover:border-brand-700 hover:bg-brand-50"
            >
              <span className="text-lg font-semibold text-brand-800">{t(section.title)}</span>
              <span className="text-ink-muted">{t(section.body)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
