import type { ReactNode } from 'react';
import { I18nProvider } from './i18n';
import { clientDictionary, getI18n } from './lib/i18n-server';

/**
 * Gives a page's or an area's client islands the messages they translate, and only those: the given prefixes,
 * added to the root layout's, in the reader's language; `except` names the root's prefixes when they overlap, so
 * no message is sent twice. Server components translate on the server.
 */
export async function ClientMessages({
  prefixes,
  except,
  children,
}: {
  prefixes: readonly string[];
  except?: readonly string[];
  children: ReactNode;
}) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientDictionary(locale, prefixes, except)}>
      {children}
    </I18nProvider>
  );
}
