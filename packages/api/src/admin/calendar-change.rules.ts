import { addWorkingTime, followUpDueAt, workingTimeBetween, type BusinessHours } from '../complaints/complaints.sla.rules';
import { addDays, createWorkCalendar, isCalendarDate, mondayOf, type SpecialDay, type WorkCalendar } from '../schedule/calendar.rules';
import { cycleSchedule, type ScheduleSettings } from '../schedule/schedule.rules';

// What an edit of the working-day calendar would move, worked out before it is saved. Pure: the service
// loads the calendar, the settings and the open cases, and these rules compare the two calendars using
// the schedule and SLA rules themselves, so the preview says exactly what the portal and the clocks will.

/** An edit: days set (added or changed) and dates cleared back to an ordinary weekday or weekend. */
export type CalendarEdit = { set: SpecialDay[]; clear: string[] };

export function applyCalendarEdit(days: readonly SpecialDay[], edit: CalendarEdit): SpecialDay[] {
  const touched = new Set([...edit.set.map((d) => d.date), ...edit.clear]);
  return [...days.filter((d) => !touched.has(d.date)), ...edit.set];
}

/** The dates an edit actually changes (a day set to what it already was changes nothing). */
export function changedDates(days: readonly SpecialDay[], edit: CalendarEdit): string[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const out = new Set<string>();
  for (const day of edit.set) {
    const old = byDate.get(day.date);
    if (!old || old.kind !== day.kind || old.name !== day.name) out.add(day.date);
  }
  for (const date of edit.clear) if (byDate.has(date)) out.add(date);
  return [...out].sort();
}

export type OrderDayMove = {
  orderWeekday: number;
  cycleStart: string;
  scheduled: string;
  before: string;
  after: string;
  deliveryBefore: string;
  deliveryAfter: string;
};

// A cycle's order day can move up to a long holiday's length past its week (schedule.rules looks back five weeks).
const LOOKBACK_WEEKS = 5;

/**
 * The order days (and deliveries) from `today` on that differ between the two calendars, for every order
 * weekday, in the weeks the changed dates can reach.
 */
export function orderDayMoves(
  input: { today: string; dates: readonly string[]; settings: ScheduleSettings },
  before: WorkCalendar,
  after: WorkCalendar,
): OrderDayMove[] {
  const dates = [...input.dates].sort();
  const first = dates[0];
  const last = dates.at(-1);
  if (!first || !last) return [];
  const todayWeek = mondayOf(input.today);
  const fromWeek = addDays(mondayOf(first), -7 * LOOKBACK_WEEKS);
  // Delivery counts working days after the order day, so a change can reach a little past its own week.
  const toWeek = addDays(mondayOf(last), 7 * 2);
  const start = fromWeek > addDays(todayWeek, -7 * LOOKBACK_WEEKS) ? fromWeek : addDays(todayWeek, -7 * LOOKBACK_WEEKS);
  const moves: OrderDayMove[] = [];
  for (let week = start; week <= toWeek; week = addDays(week, 7)) {
    for (let weekday = 1; weekday <= 7; weekday += 1) {
      const was = cycleSchedule(week, weekday, before, input.settings);
      const now = cycleSchedule(week, weekday, after, input.settings);
      if (was.orderDay.actual < input.today && now.orderDay.actual < input.today) continue;
      if (was.orderDay.actual === now.orderDay.actual && was.deliveryDate === now.deliveryDate) continue;
      moves.push({
        orderWeekday: weekday,
        cycleStart: week,
        scheduled: was.orderDay.scheduled,
        before: was.orderDay.actual,
        after: now.orderDay.actual,
        deliveryBefore: was.deliveryDate,
        deliveryAfter: now.deliveryDate,
      });
    }
  }
  return moves;
}

export type OpenCaseClock = {
  id: number;
  state: string;
  createdAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  acceptDueAt: Date;
  resolveDueAt: Date;
  followUpDueAt: Date | null;
};

export type DeadlineField = 'acceptDueAt' | 'resolveDueAt' | 'followUpDueAt';
export type DeadlineMove = { id: number; field: DeadlineField; before: Date; after: Date };

const RUNNING = new Set(['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER']);

// The working time a deadline stood for (including any pause it was already moved by) is kept; only
// where it lands on the calendar changes.
function moved(start: Date, deadline: Date, before: WorkCalendar, after: WorkCalendar, hours: BusinessHours): Date {
  return addWorkingTime(start, workingTimeBetween(start, deadline, before, hours), after, hours);
}

/** The deadlines of open cases that the new calendar moves: accept (not yet accepted), resolve, and the follow-up call. */
export function deadlineMoves(
  cases: readonly OpenCaseClock[],
  before: WorkCalendar,
  after: WorkCalendar,
  hours: BusinessHours,
): DeadlineMove[] {
  const out: DeadlineMove[] = [];
  const push = (id: number, field: DeadlineField, was: Date, now: Date) => {
    if (was.getTime() !== now.getTime()) out.push({ id, field, before: was, after: now });
  };
  // Compared against the same computation on the old calendar, so a deadline stored by other means
  // (an earlier setting of business hours, say) is not reported as moved by this edit.
  const clock = (id: number, field: DeadlineField, stored: Date, compute: (calendar: WorkCalendar) => Date) => {
    const was = compute(before);
    const now = compute(after);
    if (was.getTime() !== now.getTime()) push(id, field, stored, now);
  };
  for (const c of cases) {
    if (RUNNING.has(c.state)) {
      if (c.state === 'SUBMITTED' && !c.acceptedAt)
        clock(c.id, 'acceptDueAt', c.acceptDueAt, (cal) => moved(c.createdAt, c.acceptDueAt, before, cal, hours));
      clock(c.id, 'resolveDueAt', c.resolveDueAt, (cal) => moved(c.createdAt, c.resolveDueAt, before, cal, hours));
    } else if (c.state === 'RESOLVED' && c.resolvedAt && c.followUpDueAt) {
      const resolvedAt = c.resolvedAt;
      clock(c.id, 'followUpDueAt', c.followUpDueAt, (cal) => followUpDueAt(resolvedAt, cal, hours));
    }
  }
  return out;
}

/** Both calendars for an edit of the stored special days. */
export function calendarsForEdit(days: readonly SpecialDay[], edit: CalendarEdit): { before: WorkCalendar; after: WorkCalendar } {
  for (const date of [...edit.set.map((d) => d.date), ...edit.clear]) {
    if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  }
  return { before: createWorkCalendar(days), after: createWorkCalendar(applyCalendarEdit(days, edit)) };
}
