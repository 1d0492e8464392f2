import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

// The allocation area's client islands (grid, approvals, adjustments) translate these too; a draft's file
// import brings its own messages (imports/_components/upload-panel.tsx).
export default async function AllocationLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, ['allocation.staff.'])}>
      {children}
    </I18nProvider>
  );
}
