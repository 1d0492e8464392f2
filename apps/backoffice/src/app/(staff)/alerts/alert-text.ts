import { formatFen, formatNumber } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import type { MessageKey } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';

// An alert says where it came from: the figures that fired its rule and the threshold they were held to,
// in the reader's language (the queue and the retailer 360 timeline both show it).
export function alertFiguresText(t: Translate, locale: Locale, rule: string, details: unknown): string {
  const d = (details ?? {}) as Record<string, number | string | boolean>;
  const num = (key: string) => (typeof d[key] === 'number' ? formatNumber(d[key], locale) : String(d[key] ?? '—'));
  const params: Record<string, string> = {};
  for (const key of Object.keys(d)) params[key] = num(key);
  if (typeof d.meanPriceFen === 'number') params.meanPrice = formatFen(d.meanPriceFen, locale);
  if (typeof d.baselinePriceFen === 'number') params.baselinePrice = formatFen(d.baselinePriceFen, locale);
  const text = t(`alerts.figures.${rule}` as MessageKey, params);
  return d.holiday === true ? `${text} ${t('alerts.figures.holiday')}` : text;
}

export const ALERT_STATE_TONE: Record<string, 'ok' | 'warn' | 'bad' | 'muted'> = {
  OPEN: 'warn',
  CONFIRMED: 'bad',
  EXPLAINED: 'ok',
  FALSE_POSITIVE: 'muted',
};
