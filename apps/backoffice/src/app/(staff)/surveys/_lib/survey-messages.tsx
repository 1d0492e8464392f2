import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

/** The surveys area's client islands translate the surveys messages besides the common ones: only those travel. */
export async function SurveyMessages({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, ['surveys.'])}>
      {children}
    </I18nProvider>
  );
}
