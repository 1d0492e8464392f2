import type { Locale } from './locale';
import { backofficeEn, backofficeZh } from './messages/backoffice';
import { commonEn, commonZh } from './messages/common';
import { portalEn, portalZh } from './messages/portal';

const zhCN = { ...commonZh, ...portalZh, ...backofficeZh };
export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

export const messages: Record<Locale, Messages> = {
  'zh-CN': zhCN,
  en: { ...commonEn, ...portalEn, ...backofficeEn },
};

export type MessageParams = Record<string, string | number>;

/** Looks a message up and fills its {placeholders}. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = messages[locale][key] ?? messages['zh-CN'][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}
