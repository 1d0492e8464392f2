import { cookies } from 'next/headers';
import { cache } from 'react';
import { LOCALE_COOKIE, toLocale, type Locale } from '@tobacco/i18n/locale';
import { messages, translate, type MessageKey, type Messages } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';

/** The person's language from the `locale` cookie (zh-CN unless they chose English), once per request. */
export const getLocale = cache(async (): Promise<Locale> => toLocale((await cookies()).get(LOCALE_COOKIE)?.value));

/** Locale and a translate function for server components. */
export async function getI18n(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: (key, params) => translate(locale, key, params) };
}

/**
 * The messages under the given key prefixes, in one locale: what an app's client components use. Only
 * this travels to the browser (in every page's payload), never both languages nor the server's texts.
 * `except` leaves out what an outer provider already sent (an area's layout inside the root's selection).
 */
export function clientDictionary(locale: Locale, prefixes: readonly string[], except: readonly string[] = []): Partial<Messages> {
  // The messages never change while the server runs: each selection is made once, not on every request.
  const memoKey = `${locale}|${prefixes.join('|')}|-${except.join('|')}`;
  const memo = dictionaries.get(memoKey);
  if (memo) return memo;
  const out: Partial<Messages> = {};
  const under = (key: string, list: readonly string[]) => list.some((prefix) => key.startsWith(prefix));
  for (const [key, text] of Object.entries(messages[locale]) as [MessageKey, string][]) {
    if (under(key, prefixes) && !under(key, except)) out[key] = text;
  }
  dictionaries.set(memoKey, Object.freeze(out));
  return out;
}

const dictionaries = new Map<string, Partial<Messages>>();
