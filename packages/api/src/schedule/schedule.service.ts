import type { DbTx } from '@tobacco/db/client';
import { getSettings } from '../admin/settings.service';
import type { RetailerDeps } from '../deps';
import { notFound } from '../errors';
import { addDays, chinaDate, createWorkCalendar, type SpecialDay, type WorkCalendar } from './calendar.rules';
import {
  currentCycleStart,
  retailerCycles,
  SCHEDULE_SETTING_KEYS,
  toScheduleSettings,
  windowStatus,
  type ScheduleSettings,
} from './schedule.rules';
import type { TMyScheduleInput } from './schedule.schema';

// The retailer's order schedule (domain.md §5): the pure rules of schedule.rules.ts over the calendar rows
// an administrator keeps, and the schedule settings.

/** Calendar rows reach this far around today: enough for 8 cycles ahead, moved days and delivery lags. */
export const CALENDAR_DAYS_BEFORE = 60;
export const CALENDAR_DAYS_AFTER = 120;

const isoDate = (value: Date): string => value.toISOString().slice(0, 10);
const dbDate = (date: string): Date => new Date(`${date}T00:00:00Z`);

export type CalendarRow = { date: Date | string; kind: 'HOLIDAY' | 'MAKEUP_WORKDAY'; name: string };

/** Rows of CalendarDay (as Prisma or a raw query returns them) → the calendar the rules work on. */
export function workCalendarOf(rows: readonly CalendarRow[]): { calendar: WorkCalendar; days: SpecialDay[] } {
  const days = rows.map((row) => ({
    date: typeof row.date === 'string' ? row.date.slice(0, 10) : isoDate(row.date),
    kind: row.kind,
    name: row.name,
  }));
  return { calendar: createWorkCalendar(days), days };
}

/** The calendar around `today` (a China date). */
export async function loadWorkCalendar(db: DbTx, today: string) {
  const rows = await db.calendarDay.findMany({
    where: { date: { gte: dbDate(addDays(today, -CALENDAR_DAYS_BEFORE)), lte: dbDate(addDays(today, CALENDAR_DAYS_AFTER)) } },
    select: { date: true, kind: true, name: true },
    orderBy: { date: 'asc' },
  });
  return workCalendarOf(rows);
}

export async function loadScheduleSettings(db: DbTx): Promise<ScheduleSettings> {
  return toScheduleSettings(await getSettings(db, SCHEDULE_SETTING_KEYS));
}

/** A shop's current cycle and the one after (schedule.rules.ts `retailerCycles`), for its order weekday. */
export async function currentAndNextCycle(db: DbTx, orderWeekday: number, now: Date) {
  const today = chinaDate(now);
  const [{ calendar }, settings] = await Promise.all([loadWorkCalendar(db, today), loadScheduleSettings(db)]);
  const [current, next] = retailerCycles(now, 2, orderWeekday, calendar, settings);
  return { current: current!, next: next!, settings };
}

/** The company's current cycle and the next, as Monday dates (schedule.rules.ts `currentCycleStart`). */
export async function companyCurrentCycle(db: DbTx, now: Date): Promise<{ current: string; next: string; settings: ScheduleSettings }> {
  const settings = await loadScheduleSettings(db);
  const current = currentCycleStart(now, settings);
  return { current, next: addDays(current, 7), settings };
}

/** My order day, window and delivery date for the next `count` cycles, with the calendar's special days. */
export async function getMySchedule({ db, actor, clock }: RetailerDeps, input: TMyScheduleInput) {
  const now = clock();
  const today = chinaDate(now);
  const retailer = await db.retailer.findUnique({ where: { id: actor.retailerId }, select: { orderWeekday: true } });
  if (!retailer) throw notFound();
  const [{ calendar, days }, settings] = await Promise.all([loadWorkCalendar(db, today), loadScheduleSettings(db)]);
  const cycles = retailerCycles(now, input.count, retailer.orderWeekday, calendar, settings);
  const from = cycles[0]?.cycleStart ?? today;
  const to = cycles.reduce((max, c) => (c.deliveryDate > max ? c.deliveryDate : max), cycles.at(-1)?.cycleEnd ?? today);
  const years = [...new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))])];
  const confirmedYears = await db.calendarYear.findMany({ where: { year: { in: years }, confirmed: true }, select: { year: true } });
  const confirmed = new Set(confirmedYears.map((y) => y.year));
  return {
    today,
    orderWeekday: retailer.orderWeekday,
    settings,
    cycles,
    current: cycles[0] ? { ...cycles[0], status: windowStatus(now, cycles[0].window) } : null,
    specialDays: days.filter((d) => d.date >= from && d.date <= to),
    unconfirmedYears: years.filter((y) => !confirmed.has(y)),
  };
}
