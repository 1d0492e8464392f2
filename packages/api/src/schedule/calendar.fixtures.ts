import type { SpecialDay } from './calendar.rules';

// Calendars for unit tests, written out in full so that no test depends on a holiday package or on
// the database. The production calendar is the admin-edited table.

function range(first: string, last: string, name: string): SpecialDay[] {
  const out: SpecialDay[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= Date.parse(`${last}T00:00:00Z`); ms += 86_400_000) {
    out.push({ date: new Date(ms).toISOString().slice(0, 10), kind: 'HOLIDAY', name });
  }
  return out;
}

const makeup = (date: string, name: string): SpecialDay => ({ date, kind: 'MAKEUP_WORKDAY', name });

/** 2026 as published by the State Council (国务院办公厅, 2026 年部分节假日安排). */
export const CN_2026: SpecialDay[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'),
  makeup('2026-01-04', '元旦调休'),
  makeup('2026-02-14', '春节调休'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  makeup('2026-02-28', '春节调休'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  makeup('2026-05-09', '劳动节调休'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  makeup('2026-09-20', '国庆节调休'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  makeup('2026-10-10', '国庆节调休'),
];

/** 中秋 and 国庆 2023 as published: Friday 29 Sep – Friday 6 Oct off, Saturday 7 and Sunday 8 Oct worked. */
export const CN_2023_AUTUMN: SpecialDay[] = [
  ...range('2023-09-29', '2023-10-06', '中秋节、国庆节'),
  makeup('2023-10-07', '国庆节调休'),
  makeup('2023-10-08', '国庆节调休'),
];

/**
 * A constructed 2027 (not an official notice): 元旦 Friday 1 – Sunday 3 Jan, and a 国庆 week
 * Friday 1 – Thursday 7 Oct with make-up days Sunday 26 Sep and Saturday 9 Oct, in the usual pattern.
 */
export const CONSTRUCTED_2027: SpecialDay[] = [
  ...range('2027-01-01', '2027-01-03', '元旦'),
  makeup('2027-09-26', '国庆节调休'),
  ...range('2027-10-01', '2027-10-07', '国庆节'),
  makeup('2027-10-09', '国庆节调休'),
];
