import { formatDate, formatDateTime } from './format';
import type { Locale } from './locale';
import type { MessageKey } from './messages';
import { formatList, type Translate } from './translator';

// Text the system writes for people (inbox notices, case timelines) is stored as a message key with
// parameters, never as finished sentences: whoever reads it later sees it in their own language. A
// parameter is plain text or a number as typed (a case number, a promotion's title), or something the
// reader's language must render: another message, a list, a date or an instant.
// Safe for the browser: it imports no message tables.

export type StoredParam =
  string | number | { key: MessageKey; params?: StoredParams } | { list: StoredParam[] } | { date: string } | { dateTime: string };
export type StoredParams = { [name: string]: StoredParam };

// The translator joins list parameters the same way; renderers of stored messages import it from here.
export { formatList };

function renderParam(t: Translate, locale: Locale, value: StoredParam): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('key' in value) return renderStored(t, locale, value.key, value.params);
  if ('list' in value)
    return formatList(
      value.list.map((item) => String(renderParam(t, locale, item))),
      locale,
    );
  if ('date' in value) return formatDate(value.date, locale);
  return formatDateTime(value.dateTime, locale);
}

/** One stored message in the reader's language. `params` comes from a JSON column, so anything unexpected is skipped. */
export function renderStored(t: Translate, locale: Locale, key: string, params?: unknown): string {
  const rendered: Record<string, string | number> = {};
  if (params && typeof params === 'object' && !Array.isArray(params)) {
    for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
      if (value !== null && value !== undefined) rendered[name] = renderParam(t, locale, value as StoredParam);
    }
  }
  return t(key as MessageKey, rendered);
}

/**
 * A notice's key names a pair of messages, `<key>Title` and `<key>Body`. A body written by a person (a
 * case's subject, a reply, a staff member's note) travels as the `detail` parameter and is shown as
 * written, in place of the standard body.
 */
export type NoticeKey = {
  [K in MessageKey]: K extends `${infer Base}Title` ? Base : never;
}[MessageKey];

export type StoredNotice = { messageKey: string; params: unknown };

export function renderNotice(t: Translate, locale: Locale, notice: StoredNotice): { title: string; body: string } {
  const params = (notice.params && typeof notice.params === 'object' ? notice.params : {}) as Record<string, unknown>;
  const title = renderStored(t, locale, `${notice.messageKey}Title`, params);
  if (typeof params.detail === 'string') return { title, body: params.detail };
  const bodyKey = `${notice.messageKey}Body`;
  const body = renderStored(t, locale, bodyKey, params);
  // A notice with no standard body has none: the translator answers an unknown key with the key itself.
  return { title, body: body === bodyKey ? '' : body };
}
