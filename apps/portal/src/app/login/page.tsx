import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { AuthShell } from '@tobacco/ui/auth-shell';
import { safeCallbackUrl } from '@tobacco/ui/lib/callback-url';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { PortalLoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('auth.portalTitle') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ t, locale }, params] = await Promise.all([getI18n(), searchParams]);
  return (
    <AuthShell
      appName={t('app.portalName')}
      company={t('app.company')}
      title={t('auth.portalTitle')}
      locale={locale}
      labels={{ skipToContent: t('common.skipToContent'), language: t('common.language') }}
    >
      <ClientMessages prefixes={['auth.']}>
        <PortalLoginForm callbackUrl={safeCallbackUrl(params.callbackUrl)} />
      </ClientMessages>
      <p className="mt-4 text-center">
        <Link
          href="/login/forgot"
          className="inline-flex min-h-11 items-center px-2 font-medium text-brand-700 underline underline-offset-4"
        >
          {t('auth.reset.forgot')}
        </Link>
      </p>
    </AuthShell>
  );
}
