import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

// The promotions area's client islands (editor, reach preview, decisions) translate these messages too.
export default async function PromotionsLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, ['promotions.staff.'])}>
      {children}
    </I18nProvider>
  );
}
