import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { ToastProvider } from '@tobacco/ui/toast';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: { default: t('app.portalName'), template: `%s · ${t('app.portalName')}` }, applicationName: t('app.portalName') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0a4478' };

// Every page's client components translate these (error boundaries, toasts, the header's controls); server
// components translate on the server, and a page whose client components need more gives them through
// ClientMessages (the sign-in pages their `auth.` messages, which no signed-in page sends again).
const CLIENT_MESSAGES = ['common.', 'errors.'];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <html lang={locale}>
      <body className="bg-canvas font-sans text-ink antialiased">
        <I18nProvider locale={locale} messages={clientDictionary(locale, CLIENT_MESSAGES)}>
          <ToastProvider>{children}</ToastProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
