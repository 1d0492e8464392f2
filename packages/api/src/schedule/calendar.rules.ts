// The working-day calendar and the China-time helpers every schedule and SLA rule is built on.
//
// China has kept one offset, UTC+8, with no daylight saving since 1991. Converting between an instant
// and a China calendar date is therefore a fixed shift: no time-zone database, and the same answer on
// the server, in the browser and in tests, whatever zone the machine itself is set to.
//
// A calendar date is a 'YYYY-MM-DD' string. ISO dates compare correctly as strings, so `a < b` works.

export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type CalendarDayKind = 'HOLIDAY' | 'MAKEUP_WORKDAY';

/** One row of the admin-edited calendar: a public holiday, or a weekend day worked instead (调休). */
export type SpecialDay = { date: string; kind: CalendarDayKind; name: string };

export type WorkCalendar = {
  isWorkingDay(date: string): boolean;
  /** The first working day after `date`; with `inclusive`, `date` itself when it is one. */
  nextWorkingDay(date: string, inclusive?: boolean): string;
  /** The n-th working day after `date` (n < 0: before). n = 0 is `date` itself, or the next working day if it is not one. */
  addWorkingDays(date: string, n: number): string;
  specialDay(date: string): SpecialDay | undefined;
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function dateOfUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// Midnight UTC of the date: a neutral anchor for day arithmetic, not an instant anyone lives at.
function utcMsOfDate(date: string): number {
  const match = DATE_RE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC silently rolls 2026-02-30 into March; the round trip refuses it.
  if (Number.isNaN(ms) || dateOfUtcMs(ms) !== date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return ms;
}

export function isCalendarDate(value: string): boolean {
  try {
    utcMsOfDate(value);
    return true;
  } catch {
    return false;
  }
}

/** 'HH:mm' → milliseconds after midnight. */
export function timeOfDayMs(time: string): number {
  const match = TIME_RE.exec(time);
  if (!match) throw new RangeError(`Not a time of day (HH:mm): ${time}`);
  return (Number(match[1]) * 60 + Number(match[2])) * 60 * 1000;
}

export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Whole days only: ${n}`);
  return dateOfUtcMs(utcMsOfDate(date) + n * DAY_MS);
}

export function weekdayOf(date: string): IsoWeekday {
  const day = new Date(utcMsOfDate(date)).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

/** The Monday of the week holding `date`: the key of its order cycle. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** The China calendar date an instant falls on. */
export function chinaDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid instant');
  return dateOfUtcMs(ms + CHINA_UTC_OFFSET_MS);
}

/** The instant of a China wall-clock time on a China date. */
export function chinaDateTime(date: string, time: string): Date {
  return new Date(utcMsOfDate(date) + timeOfDayMs(time) - CHINA_UTC_OFFSET_MS);
}

/**
 * Builds the calendar from the special days. Days not listed follow the week: Monday–Friday work,
 * Saturday and Sunday rest. That is also how a year without the State Council's notice counts, so an
 * unconfirmed year needs no special case here (the back office warns about it elsewhere).
 *
 * Walking to the next working day always ends: the list is finite, and past its last date every
 * Monday is a working day.
 */
export function createWorkCalendar(days: readonly SpecialDay[]): WorkCalendar {
  const byDate = new Map<string, SpecialDay>();
  for (const day of days) {
    utcMsOfDate(day.date);
    // One row per date in the database; two here means a bad import, which must not pick a winner silently.
    if (byDate.has(day.date)) throw new RangeError(`Calendar lists ${day.date} twice`);
    byDate.set(day.date, day);
  }

  function isWorkingDay(date: string): boolean {
    const kind = byDate.get(date)?.kind;
    if (kind === 'HOLIDAY') return false;
    if (kind === 'MAKEUP_WORKDAY') return true;
    return weekdayOf(date) <= 5;
  }

  function nextWorkingDay(date: string, inclusive = false): string {
    let day = inclusive ? date : addDays(date, 1);
    while (!isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  function addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`Whole working days only: ${n}`);
    if (n === 0) return nextWorkingDay(date, true);
    const step = n > 0 ? 1 : -1;
    let day = date;
    for (let left = Math.abs(n); left > 0;) {
      day = addDays(day, step);
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  return { isWorkingDay, nextWorkingDay, addWorkingDays, specialDay: (date) => byDate.get(date) };
}
