import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

/** The integrations screens' client components need the ingest messages besides the app's. */
export default async function IntegrationsLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, ['ingest.'])}>
      {children}
    </I18nProvider>
  );
}
