import type { Metadata } from 'next';
import { AuthShell } from '@tobacco/ui/auth-shell';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { ForgotPasswordForm } from './forgot-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('auth.reset.title') };
}

export default async function ForgotPasswordPage() {
  const { t, locale } = await getI18n();
  return (
    <AuthShell
      appName={t('app.portalName')}
      company={t('app.company')}
      title={t('auth.reset.title')}
      locale={locale}
      labels={{ skipToContent: t('common.skipToContent'), language: t('common.language') }}
    >
      <ClientMessages prefixes={['auth.', 'retailers.password.']}>
        <ForgotPasswordForm />
      </ClientMessages>
    </AuthShell>
  );
}
