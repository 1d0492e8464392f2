import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { ToastProvider } from '@tobacco/ui/toast';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';
import { CLIENT_MESSAGES } from '@/client-messages';
import { ZodConfig } from '@/components/zod-config';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: { default: t('app.backofficeName'), template: `%s · ${t('app.backofficeName')}` },
    applicationName: t('app.backofficeName'),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0a4478' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <html lang={locale}>
      <body className="bg-canvas font-sans text-ink antialiased">
        <ZodConfig />
        <I18nProvider locale={locale} messages={clientDictionary(locale, CLIENT_MESSAGES)}>
          <ToastProvider>{children}</ToastProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
