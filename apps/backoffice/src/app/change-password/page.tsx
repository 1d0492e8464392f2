import type { Metadata } from 'next';
import { AuthShell } from '@tobacco/ui/auth-shell';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { TRPCReactProvider } from '@/trpc/react';
import { SessionList, sessionLabels, sessionRows } from '@tobacco/ui/session-list';
import { endSession, signOutEverywhere } from '@/app/actions';
import { getMe, getServerApi } from '@/trpc/server';
import { ChangePasswordForm } from './change-password-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('admin.password.changeTitle') };
}

/** Outside the staff layout on purpose: a user with a temporary password can reach this page and nothing else. */
export default async function ChangePasswordPage() {
  const [{ t, locale }, me, { api }] = await Promise.all([getI18n(), getMe(), getServerApi()]);
  const sessions = await api.sessions.list();
  return (
    <AuthShell
      appName={t('app.backofficeName')}
      company={t('app.company')}
      title={t('admin.password.changeTitle')}
      locale={locale}
      labels={{ skipToContent: t('common.skipToContent'), language: t('common.language') }}
    >
      {me.mustChangePassword ? (
        <p
          className="mb-4 rounded-lg border border-warning-800/30 bg-warning-50 px-4 py-3 text-warning-800"
          data-testid="must-change-password"
        >
          {t('admin.password.mustChangeIntro')}
        </p>
      ) : null}
      <TRPCReactProvider>
        <ChangePasswordForm username={me.username} canLeave={!me.mustChangePassword} />
      </TRPCReactProvider>
      <div className="mt-6">
        <SessionList
          sessions={sessionRows(sessions)}
          labels={sessionLabels(t, locale)}
          endAction={endSession}
          everywhereAction={signOutEverywhere}
        />
      </div>
    </AuthShell>
  );
}
