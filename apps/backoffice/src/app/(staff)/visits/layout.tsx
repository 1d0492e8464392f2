import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

// The visit workbench's client islands (plan, visit log, change request) translate these too.
export default async function VisitsLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, ['visits.', 'retailers.changeRequest.'])}>
      {children}
    </I18nProvider>
  );
}
