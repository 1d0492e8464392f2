import type { SettingKey, SettingValue } from '../admin/settings.registry';
import { addDays, chinaDate, chinaDateTime, DAY_MS, mondayOf, weekdayOf, type WorkCalendar } from './calendar.rules';

// The weekly order schedule of domain.md §5, for one retailer with a fixed ISO order weekday.
//
// A cycle is a week, named by its Monday. The rules, made exact:
// - Order day: the cycle's day of the retailer's weekday. If that date is a public HOLIDAY it moves to
//   the next working day, which may lie in the next week (国庆, 春节). An ordinary Saturday or Sunday is
//   not a holiday: a company that gives a shop a weekend order day takes its orders on that weekend day.
// - When the moved day is also the next cycle's order day (a Thursday shop across 1–7 October), the two
//   cycles share it: `mergedWithNextCycle` says so, and the shop places one order that day.
// - Window: opens on `windowOpenWeekday` at `windowOpenTime` of the week before the cycle (the week in
//   which the cycle's allocation policy is published), and closes at `windowCloseTime` on the day before
//   the actual order day. With the defaults (Saturday 12:00, 23:59), per order weekday:
//     Mon: Sat 12:00 → Sun 23:59 · Tue: Sat → Mon 23:59 · Wed: Sat → Tue · Thu: Sat → Wed · Fri: Sat → Thu
//     Sat: previous Sat 12:00 → Fri 23:59 · Sun: previous Sat 12:00 → Sat 23:59 (8 days before the order day)
//   Because the opening is anchored to the week before, its day is never after the closing day, for any
//   pair of weekdays. They coincide only for an unmoved Monday order day with a Sunday opening; if the
//   opening time is then at or after the closing time, the window opens a week earlier instead of being
//   empty, which also keeps it clear of the previous cycle's window.
// - Windows of consecutive cycles may overlap (a moved order day lengthens its window; a Sunday order
//   day's window closes after the next one opens). Each window belongs to its own cycle.
// - Delivery: the `deliveryLagWorkingDays`-th working day after the actual order day (0: that day, or
//   the next working day when it is not one).
// - Times are China wall-clock times; a window is open for opensAt ≤ now < closesAt.

export type ScheduleSettings = {
  windowOpenWeekday: number;
  windowOpenTime: string;
  windowCloseTime: string;
  deliveryLagWorkingDays: number;
  /** When a cycle's allocation policy is published (the week before): the moment the cycle becomes current. */
  policyPublishWeekday: number;
  policyPublishTime: string;
};

export const SCHEDULE_SETTING_KEYS = [
  'schedule.windowOpenWeekday',
  'schedule.windowOpenTime',
  'schedule.windowCloseTime',
  'schedule.deliveryLagWorkingDays',
  'allocation.publishWeekday',
  'allocation.publishTime',
] as const satisfies readonly SettingKey[];

/** Maps the values read with getSettings(db, SCHEDULE_SETTING_KEYS) to the names these rules use. */
export function toScheduleSettings(values: { [K in (typeof SCHEDULE_SETTING_KEYS)[number]]: SettingValue<K> }): ScheduleSettings {
  return {
    windowOpenWeekday: values['schedule.windowOpenWeekday'],
    windowOpenTime: values['schedule.windowOpenTime'],
    windowCloseTime: values['schedule.windowCloseTime'],
    deliveryLagWorkingDays: values['schedule.deliveryLagWorkingDays'],
    policyPublishWeekday: values['allocation.publishWeekday'],
    policyPublishTime: values['allocation.publishTime'],
  };
}

export type OrderDay = {
  /** The cycle's date of the retailer's weekday. */
  scheduled: string;
  /** The date the retailer actually orders on. */
  actual: string;
  moved: boolean;
  /** The holiday's name when the order day moved. */
  reason?: string;
  /** The moved day lies after the cycle's Sunday. */
  spillsIntoNextWeek: boolean;
  /** The moved day is also the next cycle's order day: one order day serves both cycles. */
  mergedWithNextCycle: boolean;
};

export type OrderWindow = { opensAt: Date; closesAt: Date };

export type CycleSchedule = {
  cycleStart: string;
  cycleEnd: string;
  orderDay: OrderDay;
  window: OrderWindow;
  deliveryDate: string;
};

export type WindowStatus = { status: 'before' | 'open' | 'closed'; msRemaining: number };

function assertCycleStart(cycleStart: string): void {
  if (weekdayOf(cycleStart) !== 1) throw new RangeError(`A cycle starts on a Monday: ${cycleStart}`);
}

function assertWeekday(weekday: number): void {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError(`Not an ISO weekday (1–7): ${weekday}`);
}

function offHoliday(date: string, calendar: WorkCalendar): string {
  return calendar.specialDay(date)?.kind === 'HOLIDAY' ? calendar.nextWorkingDay(date) : date;
}

export function orderDayForCycle(cycleStart: string, orderWeekday: number, calendar: WorkCalendar): OrderDay {
  assertCycleStart(cycleStart);
  assertWeekday(orderWeekday);
  const scheduled = addDays(cycleStart, orderWeekday - 1);
  const actual = offHoliday(scheduled, calendar);
  const moved = actual !== scheduled;
  const holiday = moved ? calendar.specialDay(scheduled)?.name : undefined;
  return {
    scheduled,
    actual,
    moved,
    ...(holiday === undefined ? {} : { reason: holiday }),
    spillsIntoNextWeek: actual > addDays(cycleStart, 6),
    mergedWithNextCycle: moved && actual === offHoliday(addDays(scheduled, 7), calendar),
  };
}

export function orderWindow(cycleStart: string, orderWeekday: number, calendar: WorkCalendar, settings: ScheduleSettings): OrderWindow {
  assertWeekday(settings.windowOpenWeekday);
  const { actual } = orderDayForCycle(cycleStart, orderWeekday, calendar);
  const closesAt = chinaDateTime(addDays(actual, -1), settings.windowCloseTime);
  const openDate = addDays(cycleStart, settings.windowOpenWeekday - 8);
  let opensAt = chinaDateTime(openDate, settings.windowOpenTime);
  if (opensAt >= closesAt) opensAt = chinaDateTime(addDays(openDate, -7), settings.windowOpenTime);
  return { opensAt, closesAt };
}

/** The delivery date for an (actual) order day. */
export function deliveryDate(orderDay: string, calendar: WorkCalendar, settings: ScheduleSettings): string {
  return calendar.addWorkingDays(orderDay, settings.deliveryLagWorkingDays);
}

export function cycleSchedule(cycleStart: string, orderWeekday: number, calendar: WorkCalendar, settings: ScheduleSettings): CycleSchedule {
  const orderDay = orderDayForCycle(cycleStart, orderWeekday, calendar);
  return {
    cycleStart,
    cycleEnd: addDays(cycleStart, 6),
    orderDay,
    window: orderWindow(cycleStart, orderWeekday, calendar, settings),
    deliveryDate: deliveryDate(orderDay.actual, calendar, settings),
  };
}

// A cycle of an earlier week can still be ahead of us when its order day moved past a long holiday.
// Five weeks back covers any holiday shorter than a month.
const LOOKBACK_WEEKS = 5;

/**
 * The scheduled publish time of a cycle's allocation policy: the last `publishWeekday` (ISO 1–7) before
 * the cycle's Monday, at `publishTime` China time. Default Saturday 12:00 → two days before the cycle.
 */
export function scheduledPublishAt(weekStart: string, publishWeekday: number, publishTime: string): Date {
  assertWeekday(publishWeekday);
  const daysBefore = (1 - publishWeekday + 7) % 7 || 7;
  return chinaDateTime(addDays(weekStart, -daysBefore), publishTime);
}

// ---------------------------------------------------------------- the current cycle
//
// ONE definition of "the current cycle", used by the back office, the portal, the jobs and the seed:
// a cycle becomes current at its policy's scheduled publish time (default Saturday 12:00 of the week
// before, when its order window opens too) and stays current until the next cycle's publish time. So
// from Saturday 12:00 the current cycle is next week's, and between a shop's order day and that
// Saturday the week's own cycle (closed for ordering, its limits still in force) is still current; there
// is never a moment with a current cycle whose policy is not due yet.

/** The company's current cycle (its Monday) at `now`. */
export function currentCycleStart(now: Date, settings: Pick<ScheduleSettings, 'policyPublishWeekday' | 'policyPublishTime'>): string {
  // The publish time lies 1–7 days before its cycle, so next week's cycle is the latest that can be current.
  let start = addDays(mondayOf(chinaDate(now)), 7);
  while (scheduledPublishAt(start, settings.policyPublishWeekday, settings.policyPublishTime) > now) start = addDays(start, -7);
  return start;
}

/**
 * A shop's cycles from its current one on, `count` of them, oldest first. The shop's current cycle is
 * the company's, except that an earlier cycle whose (holiday-moved) order day is today or still ahead
 * stays current for the shop until that day has passed: it has not placed that cycle's order yet.
 */
export function retailerCycles(
  now: Date,
  count: number,
  orderWeekday: number,
  calendar: WorkCalendar,
  settings: ScheduleSettings,
): CycleSchedule[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a count: ${count}`);
  const today = chinaDate(now);
  const companyCurrent = currentCycleStart(now, settings);
  let first = companyCurrent;
  for (let start = addDays(companyCurrent, -7 * LOOKBACK_WEEKS); start < companyCurrent; start = addDays(start, 7)) {
    if (orderDayForCycle(start, orderWeekday, calendar).actual >= today) {
      first = start;
      break;
    }
  }
  return Array.from({ length: count }, (_, k) => cycleSchedule(addDays(first, 7 * k), orderWeekday, calendar, settings));
}

/**
 * The cycle an order placed at `orderedAt` belongs to (an order arriving from the ordering system): the
 * earliest cycle whose actual, holiday-moved order day is on or after the order's China date. When two
 * cycles share one moved order day, the order goes to the earlier one.
 */
export function cycleOfOrder(orderedAt: Date, orderWeekday: number, calendar: WorkCalendar): string {
  const date = chinaDate(orderedAt);
  // The cycle starting the Monday after `date` orders after it, so the walk ends within LOOKBACK_WEEKS + 1 steps.
  for (let start = addDays(mondayOf(date), -7 * LOOKBACK_WEEKS); ; start = addDays(start, 7)) {
    if (orderDayForCycle(start, orderWeekday, calendar).actual >= date) return start;
  }
}

export type WindowReminderKind = 'dayBefore' | 'atOpening';
export type DueWindowReminder = { cycleStart: string; kind: WindowReminderKind; opensAt: Date };

/** When online ordering opens for a cycle (the window's usual opening, common to every order weekday). */
export function windowOpensAt(cycleStart: string, settings: Pick<ScheduleSettings, 'windowOpenWeekday' | 'windowOpenTime'>): Date {
  return chinaDateTime(addDays(cycleStart, settings.windowOpenWeekday - 8), settings.windowOpenTime);
}

/**
 * The order-window reminders due at `now`: the day before a cycle's window opens (from 24 hours before
 * the opening), and at the opening (for a day after it, so a worker that was down briefly still sends it,
 * but a stale one never does). The caller sends each (cycle, kind) once.
 */
export function dueWindowReminders(
  now: Date,
  settings: ScheduleSettings,
  enabled: { dayBefore: number; atOpening: number },
): DueWindowReminder[] {
  const out: DueWindowReminder[] = [];
  const first = currentCycleStart(now, settings);
  for (const cycleStart of [first, addDays(first, 7), addDays(first, 14)]) {
    const opensAt = windowOpensAt(cycleStart, settings);
    const t = now.getTime();
    if (enabled.dayBefore && t >= opensAt.getTime() - DAY_MS && t < opensAt.getTime()) out.push({ cycleStart, kind: 'dayBefore', opensAt });
    if (enabled.atOpening && t >= opensAt.getTime() && t < opensAt.getTime() + DAY_MS) out.push({ cycleStart, kind: 'atOpening', opensAt });
  }
  return out;
}

/** Where `now` stands against a window, with the milliseconds a countdown shows (to opening, or to closing). */
export function windowStatus(now: Date, window: OrderWindow): WindowStatus {
  const t = now.getTime();
  if (t < window.opensAt.getTime()) return { status: 'before', msRemaining: window.opensAt.getTime() - t };
  if (t < window.closesAt.getTime()) return { status: 'open', msRemaining: window.closesAt.getTime() - t };
  return { status: 'closed', msRemaining: 0 };
}
