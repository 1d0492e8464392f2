import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import type { MessageKey } from '@tobacco/i18n/messages';
import { LanguageSwitch } from '@tobacco/ui/language-switch';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Main, SkipLink } from '@tobacco/ui/shell';
import { SignOutButton } from '@tobacco/ui/sign-out-button';
import { StaffNav } from '@/components/staff-nav';
import { TRPCReactProvider } from '@/trpc/react';
import { getMe } from '@/trpc/server';
import { signOut } from '../actions';
import { joinList, withNote } from '@tobacco/i18n/translator';

export const dynamic = 'force-dynamic';

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [{ t, locale }, me] = await Promise.all([getI18n(), getMe()]);
  // A temporary password is changed before anything else (the API refuses everything else meanwhile).
  if (me.mustChangePassword) redirect('/change-password');
  const roles = joinList(
    t,
    me.roles.map((role) => t(`enum.role.${role}` as MessageKey)),
  );
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <SkipLink label={t('common.skipToContent')} />
      <aside className="border-b border-line bg-surface lg:sticky lg:top-0 lg:h-dvh lg:overflow-y-auto lg:border-r lg:border-b-0">
        <div className="flex items-center justify-between gap-3 px-4 py-3 lg:flex-col lg:items-start">
          <p className="flex flex-col leading-tight">
            <span className="text-lg font-bold text-brand-800">{t('app.backofficeName')}</span>
            <span className="text-sm text-ink-subtle">{t('app.company')}</span>
          </p>
          {/* Narrow screens: the navigation folds away behind a "menu" disclosure (no script needed). */}
          <details className="group relative lg:hidden">
            <summary className="flex min-h-11 cursor-pointer list-none items-center rounded-lg border border-brand-700 px-4 font-semibold text-brand-800 [&::-webkit-details-marker]:hidden">
              {t('common.menu')}
            </summary>
            <div className="absolute right-0 z-40 mt-2 w-64 rounded-xl border border-line bg-surface p-2 shadow-lg">
              <StaffNav permissions={me.permissions} t={t} />
            </div>
          </details>
        </div>
        <div className="hidden px-3 pb-4 lg:block">
          <StaffNav permissions={me.permissions} t={t} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex flex-wrap items-center justify-end gap-3 border-b border-line bg-surface px-4 py-2 lg:px-8">
          <p className="mr-auto text-ink-muted">
            {t('common.signedInAs', { name: me.name })}
            <span className="sr-only">{withNote(t, '', roles)}</span>
          </p>
          <LanguageSwitch locale={locale} label={t('common.language')} />
          <SignOutButton action={signOut} label={t('common.signOut')} />
        </header>
        <Main className="w-full px-4 py-6 lg:px-8">
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </Main>
      </div>
    </div>
  );
}
