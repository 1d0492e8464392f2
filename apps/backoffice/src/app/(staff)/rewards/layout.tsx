import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

// The rewards area's client islands (rule editor, run button and progress, catalogue, fulfilment) translate these too.
export default async function RewardsLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, ['rewards.staff.'])}>
      {children}
    </I18nProvider>
  );
}
