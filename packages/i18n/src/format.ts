import type { Locale } from './locale';

// Every date shown to a person is in China's time zone, whatever the server's zone is.
export const TIME_ZONE = 'Asia/Shanghai';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'zh-CN');

// Building an Intl formatter costs far more than using one (it loads locale data from ICU), and a page formats
// dozens of dates and numbers: each formatter is built once per process and options, then reused.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(id);
  if (!format) dateFormats.set(id, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(intlLocale(locale), options)));
  return format;
}

const DAY: Intl.DateTimeFormatOptions = { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' };
const DAY_AND_TIME: Intl.DateTimeFormatOptions = { ...DAY, hour: '2-digit', minute: '2-digit', hour12: false };

// One date style per language, everywhere: zh-CN writes 2026-12-04 (GB/T 7408, the form order days and
// calendar dates are typed in), English 04/12/2026. Intl's zh-CN would write 2026/12/04, so the parts are
// assembled here.
function chinaParts(value: Date | string, withTime: boolean): Record<string, string> {
  const parts = dateFormat('en-GB', withTime ? DAY_AND_TIME : DAY).formatToParts(new Date(value));
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

export function formatDate(value: Date | string, locale: Locale): string {
  const p = chinaParts(value, false);
  return locale === 'en' ? `${p.day}/${p.month}/${p.year}` : `${p.year}-${p.month}-${p.day}`;
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  const p = chinaParts(value, true);
  const date = locale === 'en' ? `${p.day}/${p.month}/${p.year}` : `${p.year}-${p.month}-${p.day}`;
  return `${date} ${p.hour}:${p.minute}`;
}

export function formatWeekday(value: Date | string, locale: Locale): string {
  return dateFormat(intlLocale(locale), { timeZone: TIME_ZONE, weekday: 'short' }).format(new Date(value));
}

export function formatNumber(value: number | bigint, locale: Locale): string {
  return numberFormat(locale).format(value);
}

/** Money is stored in integer fen (分); shown as yuan with two decimals: ¥1,234.50 */
export function formatFen(fen: number | bigint, locale: Locale): string {
  const yuan = Number(fen) / 100;
  return numberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(yuan);
}

export function formatPercent(ratio: number, locale: Locale, fractionDigits = 1): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: fractionDigits }).format(ratio);
}
