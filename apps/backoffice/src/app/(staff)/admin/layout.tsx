import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

/** The administration screens' client components translate its messages, which other areas' pages do not send. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, ['admin.'])}>
      {children}
    </I18nProvider>
  );
}
