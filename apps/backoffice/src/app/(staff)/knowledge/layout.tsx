import type { ReactNode } from 'react';
import { I18nProvider } from '@tobacco/ui/i18n';
import { clientDictionary, getI18n } from '@tobacco/ui/lib/i18n-server';

// The knowledge base's client islands (the editor, publish and retire) translate these messages; the editor's
// rich-text box is the promotions' one, with its toolbar labels.
export default async function KnowledgeLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, ['knowledge.', 'promotions.staff.editor.'])}>
      {children}
    </I18nProvider>
  );
}
