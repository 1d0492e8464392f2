import type { Locale } from './locale';

// Every date shown to a person is in China's time zone, whatever the server's zone is.
export const TIME_ZONE = 'Asia/Shanghai';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'zh-CN');

export function formatDate(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(value));
}

export function formatWeekday(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, weekday: 'short' }).format(new Date(value));
}

export function formatNumber(value: number | bigint, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** Money is stored in integer fen (分); shown as yuan with two decimals: ¥1,234.50 */
export function formatFen(fen: number | bigint, locale: Locale): string {
  const yuan = Number(fen) / 100;
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(yuan);
}

export function formatPercent(ratio: number, locale: Locale, fractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: fractionDigits }).format(ratio);
}
