import type { Locale } from './locale';

// Every date shown to a person is in China's time zone, whatever the server's zone is.
export const TIME_ZONE = 'Asia/Shanghai';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'zh-CN');

// One date style per language, everywhere: zh-CN writes 2026-12-04 (GB/T 7408, the form order days and
// calendar dates are typed in), English 04/12/2026. Intl's zh-CN would write 2026/12/04, so the parts are
// assembled here.
function chinaParts(value: Date | string, withTime: boolean): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  }).formatToParts(new Date(value));
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

export function formatDate(value: Date | string, locale: Locale): string {
  const p = chinaParts(value, false);
  return locale === 'en' ? `${p.day}/${p.month}/${p.year}` : `${p.year}-${p.month}-${p.day}`;
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  const p = chinaParts(value, true);
  return `${formatDate(value, locale)} ${p.hour}:${p.minute}`;
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
