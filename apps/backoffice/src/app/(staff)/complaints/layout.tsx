import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

// The complaints area's client islands (case actions, phone filing, charts) translate these messages.
export default async function ComplaintsLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, ['complaints.', 'knowledge.reply.'])}>
      {children}
    </I18nProvider>
  );
}
