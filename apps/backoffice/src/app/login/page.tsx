import type { Metadata } from 'next';
import { AuthShell } from '@tobacco/ui/auth-shell';
import { safeCallbackUrl } from '@tobacco/ui/lib/callback-url';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';
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
      <I18nProvider locale={locale} messages={clientDictionary(locale, ['auth.'])}>
        <StaffLoginForm callbackUrl={safeCallbackUrl(params.callbackUrl)} />
      </I18nProvider>
    </AuthShell>
  );
}
