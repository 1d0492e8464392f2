// Customer care (关怀): birthday and shop-anniversary greetings. Pure rules of which dates are greeted on a day.

export type MonthDay = { month: number; day: number };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The (month, day) pairs whose birthdays and anniversaries are greeted on `date` (YYYY-MM-DD, China time):
 * the date itself, and on 28 February of a year without a 29th, the 29 February ones too, so that every
 * shop is greeted once a year.
 */
export function greetedMonthDays(date: string): MonthDay[] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const out: MonthDay[] = [{ month, day }];
  if (month === 2 && day === 28 && !isLeapYear(year)) out.push({ month: 2, day: 29 });
  return out;
}

/** The day of `year` a date of birth (or licence date) is greeted on: 29 February falls back to the 28th. */
export function greetingDate(original: string, year: number): string {
  const [, month, day] = original.split('-').map(Number) as [number, number, number];
  const d = month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
