import type { Metadata } from 'next';
import { AuthShell } from '@tobacco/ui/auth-shell';
import { safeCallbackUrl } from '@tobacco/ui/lib/callback-url';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { StaffLoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('auth.backofficeTitle') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ t, locale }, params] = await Promise.all([getI18n(), searchParams]);
  return (
    <AuthShell
      appName={t('app.backofficeName')}
      company={t('app.company')}
      title={t('auth.backofficeTitle')}
      locale={locale}
      labels={{ skipToContent: t('common.skipToContent'), language: t('common.language') }}
    >
      <ClientMessages prefixes={['auth.']}>
        <StaffLoginForm callbackUrl={safeCallbackUrl(params.callbackUrl)} />
      </ClientMessages>
    </AuthShell>
  );
}
