import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

// The grading area's client islands (start, publish, decide, integrity edit, chart) translate these too.
export default async function GradingLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, ['grading.'])}>
      {children}
    </I18nProvider>
  );
}
