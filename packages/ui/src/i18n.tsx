'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '@tobacco/i18n/locale';
import type { Messages } from '@tobacco/i18n/messages';
import { createTranslator, type Translate } from '@tobacco/i18n/translator';

type I18nValue = { locale: Locale; messages: Partial<Messages>; t: Translate };

const I18nContext = createContext<I18nValue | null>(null);

/**
 * Gives client components the current locale's messages, handed over by the server layout. A provider inside
 * another adds its messages to the outer one's, so an area's layout sends only what the root does not: every
 * message sent is serialised into the page once.
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Partial<Messages>; children: ReactNode }) {
  const outer = useContext(I18nContext);
  const value = useMemo(() => {
    const all = outer && outer.locale === locale ? { ...outer.messages, ...messages } : messages;
    return { locale, messages: all, t: createTranslator(all, locale) };
  }, [outer, locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() needs an <I18nProvider> above it (the root layout renders one).');
  return value;
}

/** The translate function of client components: `const t = useT(); t('auth.signIn')`. */
export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): Locale {
  return useI18n().locale;
}
