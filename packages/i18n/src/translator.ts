import type { MessageKey, MessageParams, Messages } from './messages';

// Safe for the browser: it imports no message tables (types only), so a client bundle carries just the
// dictionary the server layout handed it, for one locale.

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Fills {placeholders}; an unknown placeholder stays as written so a missing parameter is visible. */
export function interpolate(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translate function over one locale's dictionary (or the part of it an app needs). */
export function createTranslator(dictionary: Partial<Messages>): Translate {
  return (key, params) => interpolate(dictionary[key] ?? key, params);
}

/** A list in the reader's language: 甲、乙、丙 / a, b, c (no Chinese punctuation in English). */
export function joinList(t: Translate, items: readonly (string | number)[]): string {
  return items.join(t('common.listSeparator'));
}

/** Text with a note in brackets: 张三（zhangsan） / Zhang San (zhangsan). */
export function withNote(t: Translate, text: string | number, note: string | number): string {
  return t('common.withNote', { text, note });
}
