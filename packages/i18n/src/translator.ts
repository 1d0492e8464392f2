import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { formatToParts, IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { DEFAULT_LOCALE, type Locale } from './locale';
import type { MessageKey, MessageParams, Messages } from './messages';

// Safe for the browser: it imports no message tables (types only), so a client bundle carries just the
// dictionary the server layout handed it, for one locale.
//
// Messages are ICU message format (formatjs): `{name}` fills a parameter, and plurals and choices are written
// in the message, e.g. '{count, plural, one {# promotion is} other {# promotions are}} waiting' or
// '{kind, select, retailer {…} other {…}}', so each language says them its own way.
//
// Messages are parsed and formatted with formatjs's parser and `formatToParts`, not through `new
// IntlMessageFormat`: its constructor resolves the locale against every locale the engine knows
// (`Intl.NumberFormat.supportedLocalesOf`), which the first time in a browser tab costs ≈ 15–20 ms of the
// page's start-up (≈ 80 ms under Lighthouse's phone throttling) before one word is shown. Plain text,
// most messages, is not parsed at all.

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A message's parsed form: its text as is when it has no ICU syntax, null when it is not valid ICU. Parsed without
 * a locale, so one form serves both languages: only date skeletons parse differently by locale, and no message
 * uses one (the test that renders every message against IntlMessageFormat would show it).
 */
type Parsed = MessageFormatElement[] | string | null;

const parsedMessages = new Map<string, Parsed>();

// Without `{` nothing is filled in, and without `'` nothing is escaped, so the text is the message.
const isPlain = (text: string) => !text.includes('{') && !text.includes("'");

function parsed(text: string): Parsed {
  let found = parsedMessages.get(text);
  if (found === undefined) {
    try {
      found = isPlain(text) ? text : parse(text, { ignoreTag: true });
    } catch {
      found = null;
    }
    parsedMessages.set(text, found);
  }
  return found;
}

/** Intl formatters for `{n, number}`, `#` and plural rules, built once per locale and options. */
function memoized<A extends unknown[], F>(make: (...args: A) => F): (...args: A) => F {
  const made = new Map<string, F>();
  return (...args) => {
    const key = JSON.stringify(args);
    let formatter = made.get(key);
    if (!formatter) made.set(key, (formatter = make(...args)));
    return formatter;
  };
}
const formatters: Formatters = {
  getNumberFormat: memoized((...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args)),
  getDateTimeFormat: memoized((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
  getPluralRules: memoized((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
};

const argumentLists = new WeakMap<MessageFormatElement[], Map<string, boolean>>();

/** The parameter names a message uses, at any depth, each with whether it selects a plural form. */
function argumentsOf(ast: MessageFormatElement[]): Map<string, boolean> {
  const known = argumentLists.get(ast);
  if (known) return known;
  const names = new Map<string, boolean>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }[]) {
      // Literals (0) and `#` (7) name nothing; every other element is an argument with its name in `value`;
      // plurals are type 6.
      if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string')
        names.set(node.value, names.get(node.value) || node.type === 6);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(ast);
  argumentLists.set(ast, names);
  return names;
}

/** A count given already formatted ("12,345") still chooses the plural form by its number. */
function countOf(value: string | number): string | number {
  if (typeof value === 'number') return value;
  const n = Number(value.replace(/[,\s，]/g, ''));
  return Number.isFinite(n) ? n : value;
}

// Built once per language: constructing an Intl formatter is the expensive part.
const listFormats = new Map<Locale, Intl.ListFormat>();

/** A list joined the way the reader's language joins lists: 「甲、乙和丙」 / "a, b and c". */
export function formatList(items: readonly (string | number)[], locale: Locale): string {
  let format = listFormats.get(locale);
  if (!format)
    listFormats.set(locale, (format = new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { style: 'long', type: 'conjunction' })));
  return format.format(items.map(String));
}

/**
 * Fills a message's parameters; a parameter not given stays as written (`{name}`) so the gap is visible. A
 * list parameter is joined in the message's language (a plural over a list counts its items).
 */
export function interpolate(text: string, params?: MessageParams, locale: Locale = DEFAULT_LOCALE): string {
  const ast = parsed(text);
  if (ast === null || typeof ast === 'string') return ast ?? text;
  const values: Record<string, string | number> = {};
  for (const [name, plural] of argumentsOf(ast)) {
    const value = params?.[name];
    values[name] =
      value === undefined
        ? `{${name}}`
        : typeof value !== 'object'
          ? plural
            ? countOf(value)
            : value
          : plural
            ? value.length
            : formatList(value, locale);
  }
  try {
    return formatToParts(ast, locale, formatters, IntlMessageFormat.formats, values, undefined, text)
      .map((part) => part.value)
      .join('');
  } catch {
    return text;
  }
}

/** A translate function over one locale's dictionary (or the part of it an app needs). */
export function createTranslator(dictionary: Partial<Messages>, locale: Locale = DEFAULT_LOCALE): Translate {
  return (key, params) => {
    const text = dictionary[key];
    return text === undefined ? key : interpolate(text, params, locale);
  };
}

/** A list in the reader's language: 甲、乙、丙 / a, b, c (no Chinese punctuation in English). */
export function joinList(t: Translate, items: readonly (string | number)[]): string {
  return items.join(t('common.listSeparator'));
}

/** Text with a note in brackets: 张三（zhangsan） / Zhang San (zhangsan). */
export function withNote(t: Translate, text: string | number, note: string | number): string {
  return t('common.withNote', { text, note });
}
