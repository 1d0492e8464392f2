import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { SpecialDay } from '../schedule/calendar.rules';

// Public holidays and make-up working days as published by the State Council, from the maintained
// `chinese-days` package (the demo seed uses the same data). A year the package does not hold yet is
// entered by hand or imported after upgrading the package.

type CalendarJson = { holidays: Record<string, string>; workdays: Record<string, string> };

// Entries look like "National Day,国庆节,3": English name, Chinese name, length.
const chineseName = (value: string) => value.split(',')[1] ?? value;

export function publishedSpecialDays(year: number): SpecialDay[] {
  const data = calendarData as CalendarJson;
  const prefix = `${year}-`;
  return [
    ...Object.entries(data.holidays)
      .filter(([date]) => date.startsWith(prefix))
      .map(([date, value]): SpecialDay => ({ date, kind: 'HOLIDAY', name: chineseName(value) })),
    ...Object.entries(data.workdays)
      .filter(([date]) => date.startsWith(prefix))
      .map(([date, value]): SpecialDay => ({ date, kind: 'MAKEUP_WORKDAY', name: `${chineseName(value)}调休` })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

export const PUBLISHED_SOURCE = '国务院办公厅通知（chinese-days 数据）';
