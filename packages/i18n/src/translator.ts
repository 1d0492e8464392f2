import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, type Locale } from './locale';
import type { MessageKey, MessageParams, Messages } from './messages';

// Safe for the browser: it imports no message tables (types only), so a client bundle carries just the
// dictionary the server layout handed it, for one locale.
//
// Messages are ICU message format (formatjs): `{name}` fills a parameter, and plurals and choices are written
// in the message, e.g. '{count, plural, one {# promotion is} other {# promotions are}} waiting' or
// '{kind, select, retailer {…} other {…}}', so each language says them its own way.

export type Translate = (key: MessageKey, params?: MessageParams) => string;

const formats = new Map<string, IntlMessageFormat | null>();

/** The parsed message, once per locale and text; null when the text is not valid ICU (shown as written). */
function formatFor(text: string, locale: Locale): IntlMessageFormat | null {
  const id = `${locale}\u0000${text}`;
  let format = formats.get(id);
  if (format === undefined) {
    try {
      format = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    } catch {
      format = null;
    }
    formats.set(id, format);
  }
  return format;
}

const argumentLists = new WeakMap<IntlMessageFormat, Map<string, boolean>>();

/** The parameter names a message uses, at any depth, each with whether it selects a plural form. */
function argumentsOf(format: IntlMessageFormat): Map<string, boolean> {
  const known = argumentLists.get(format);
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
  walk(format.getAst());
  argumentLists.set(format, names);
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
  const format = formatFor(text, locale);
  if (!format) return text;
  const values: Record<string, string | number> = {};
  for (const [name, plural] of argumentsOf(format)) {
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
    return String(format.format(values));
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
