import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

// The 360 page's timeline renders its events in the browser, with these messages; the report page's
// commentary form its labels and errors.
export default async function Retailer360Layout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider
      locale={locale}
      messages={clientDictionary(locale, [
        'retailer360.',
        'alerts.',
        'complaints.kind.',
        'complaints.state.',
        'schedule.orders.channel.',
        'report.comment.',
      ])}
    >
      {children}
    </I18nProvider>
  );
}
