import { Link } from '@/components/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@tobacco/ui/language-switch';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { NavLink } from '@tobacco/ui/nav-link';
import { Main, SkipLink } from '@tobacco/ui/shell';
import { SignOutButton } from '@tobacco/ui/sign-out-button';
import { NavIcon } from '@/components/nav-icon';
import { PORTAL_NAV } from '@/navigation';
import { getServerApi } from '@/trpc/server';
import { signOut } from '../actions';

export const dynamic = 'force-dynamic';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // The session and the inbox's unread badge come from one statement, shared with the page (getServerApi).
  const [{ t, locale }, { signedIn, unread }] = await Promise.all([getI18n(), getServerApi()]);
  if (!signedIn) redirect('/login');
  const badge = (href: string, className: string) =>
    href === '/inbox' && unread > 0 ? (
      <span data-testid="unread-badge" className={className}>
        <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
        <span className="sr-only">{t('notifications.unreadBadge', { n: unread })}</span>
      </span>
    ) : null;
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
        {/* Tablets and desktops: every area in one row under the header. */}
        <nav aria-label={t('portal.nav.label')} className="hidden border-t border-line md:block">
          <ul className="mx-auto flex max-w-3xl flex-wrap gap-1 px-2 py-1">
            {PORTAL_NAV.map((entry) => (
              <li key={entry.href}>
                <NavLink href={entry.href} prefetch={false} className="portal-nav-link">
                  {t(entry.label)}
                  {badge(entry.href, 'ml-1.5 rounded-full bg-danger-700 px-2 text-sm font-bold text-white')}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <Main className="mx-auto w-full max-w-3xl px-4 pt-5 pb-32 md:pb-10 print:max-w-none print:p-0">{children}</Main>
      {/* Phones: the five most used areas at the thumb; the rest are on the home page. Links are not
          prefetched: shops pay for mobile data, and a phone's main thread is busy enough while the page loads. */}
      <nav
        aria-label={t('portal.nav.quick')}
        className="fixed inset-x-0 bottom-0 z-40 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)] md:hidden print:hidden"
      >
        <ul className="mx-auto flex max-w-3xl flex-wrap">
          {PORTAL_NAV.filter((entry) => entry.quick).map((entry) => (
            <li key={entry.href} className="flex-1">
              <NavLink href={entry.href} prefetch={false} className="portal-tab-link">
                <NavIcon name={entry.icon} className="size-6" />
                {/* In the tab's corner, not beside the icon: at 200 % text a two-digit count beside the icon of
                    the last tab would reach past the screen's edge. */}
                {badge(
                  entry.href,
                  'absolute top-1 right-1 min-w-5 rounded-full bg-danger-700 px-1 text-center text-xs font-bold text-white',
                )}
                <span className="whitespace-nowrap">{t(entry.label)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
