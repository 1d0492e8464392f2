import { Link } from '@/components/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@tobacco/ui/language-switch';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Main, SkipLink } from '@tobacco/ui/shell';
import { SignOutButton } from '@tobacco/ui/sign-out-button';
import { NavBar, TabBar } from '@/components/portal-nav';
import { navLabels } from '@/navigation';
import { getServerApi } from '@/trpc/server';
import { signOut } from '../actions';

export const dynamic = 'force-dynamic';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // The session and the inbox's unread badge come from one statement, shared with the page (getServerApi).
  const [{ t, locale }, { signedIn, unread }] = await Promise.all([getI18n(), getServerApi()]);
  if (!signedIn) redirect('/login');
  const labels = navLabels(t);
  const badge = { unread, label: t('notifications.unreadBadge', { n: unread }) };
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink label={t('common.skipToContent')} />
      <header className="border-b border-line bg-surface print:hidden">
        <div className="mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-2">
          <Link href="/" className="inline-flex min-h-11 items-center text-lg font-bold text-brand-800 no-underline">
            {t('app.portalName')}
          </Link>
          <div className="flex flex-wrap items-center gap-2">
            <LanguageSwitch locale={locale} label={t('common.language')} />
            <SignOutButton action={signOut} label={t('common.signOut')} />
          </div>
        </div>
        <NavBar label={t('portal.nav.label')} labels={labels} badge={badge} />
      </header>
      <Main className="mx-auto w-full max-w-3xl px-4 pt-5 pb-32 md:pb-10 print:max-w-none print:p-0">{children}</Main>
      <TabBar label={t('portal.nav.quick')} labels={labels} badge={badge} />
    </div>
  );
}
