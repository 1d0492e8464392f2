import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';
import { IMPORT_CLIENT_MESSAGES } from './_components/labels';

// The import screens' client islands (upload, progress, confirm and discard) translate these too.
export default async function ImportsLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, IMPORT_CLIENT_MESSAGES)}>
      {children}
    </I18nProvider>
  );
}
