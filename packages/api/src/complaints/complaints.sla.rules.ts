import type { SettingKey, SettingValue } from '../admin/settings.registry';
import { chinaDate, chinaDateTime, timeOfDayMs, type WorkCalendar } from '../schedule/calendar.rules';

// SLA clocks in working time, exactly as domain.md §9 "How a clock counts":
// - Working time is the business hours [start, end) of working days, in China time.
// - "N working days" is N × the length of one business day (9 h by default), counted from the moment
//   the clock starts; a clock that starts outside business hours starts at the next opening.
// - A deadline that lands exactly on a closing time stays there ("by 17:30"), not at the next opening.
// - Waiting for the retailer pauses the clock: the deadline moves by the working time paused.
// Business hours must end after they start on the same day; a night shift is not a business day.

export type CaseKind = 'COMPLAINT' | 'QUESTION' | 'SUGGESTION' | 'REPORT';

export type BusinessHours = { start: string; end: string };

export type ComplaintSlaSettings = {
  businessHoursStart: string;
  businessHoursEnd: string;
  acceptWorkingDays: number;
  resolveQuestionWorkingDays: number;
  resolveComplaintWorkingDays: number;
  resolveSuggestionWorkingDays: number;
  resolveReportWorkingDays: number;
};

export const COMPLAINT_SLA_SETTING_KEYS = [
  'complaints.businessHoursStart',
  'complaints.businessHoursEnd',
  'complaints.acceptWorkingDays',
  'complaints.resolveQuestionWorkingDays',
  'complaints.resolveComplaintWorkingDays',
  'complaints.resolveSuggestionWorkingDays',
  'complaints.resolveReportWorkingDays',
] as const satisfies readonly SettingKey[];

/** Maps the values read with getSettings(db, COMPLAINT_SLA_SETTING_KEYS) to the names these rules use. */
export function toComplaintSlaSettings(values: {
  [K in (typeof COMPLAINT_SLA_SETTING_KEYS)[number]]: SettingValue<K>;
}): ComplaintSlaSettings {
  return {
    businessHoursStart: values['complaints.businessHoursStart'],
    businessHoursEnd: values['complaints.businessHoursEnd'],
    acceptWorkingDays: values['complaints.acceptWorkingDays'],
    resolveQuestionWorkingDays: values['complaints.resolveQuestionWorkingDays'],
    resolveComplaintWorkingDays: values['complaints.resolveComplaintWorkingDays'],
    resolveSuggestionWorkingDays: values['complaints.resolveSuggestionWorkingDays'],
    resolveReportWorkingDays: values['complaints.resolveReportWorkingDays'],
  };
}

export function businessHoursOf(settings: Pick<ComplaintSlaSettings, 'businessHoursStart' | 'businessHoursEnd'>): BusinessHours {
  return { start: settings.businessHoursStart, end: settings.businessHoursEnd };
}

/** The working time in one business day, in ms. */
export function businessDayMs(hours: BusinessHours): number {
  const length = timeOfDayMs(hours.end) - timeOfDayMs(hours.start);
  if (length <= 0) throw new RangeError(`Business hours must end after they start: ${hours.start}–${hours.end}`);
  return length;
}

export function workingDaysToMs(days: number, hours: BusinessHours): number {
  if (!Number.isFinite(days) || days < 0) throw new RangeError(`Not a number of working days: ${days}`);
  return Math.round(days * businessDayMs(hours));
}

/** The instant at which `workingMs` of working time has run from `start`. */
export function addWorkingTime(start: Date, workingMs: number, calendar: WorkCalendar, hours: BusinessHours): Date {
  if (!Number.isFinite(workingMs) || workingMs < 0) throw new RangeError(`Not an amount of working time: ${workingMs}`);
  businessDayMs(hours);
  let remaining = workingMs;
  let day = chinaDate(start);
  let from = start.getTime();
  for (;;) {
    if (calendar.isWorkingDay(day)) {
      const open = chinaDateTime(day, hours.start).getTime();
      const close = chinaDateTime(day, hours.end).getTime();
      const begin = Math.max(from, open);
      if (begin < close) {
        if (remaining <= close - begin) return new Date(begin + remaining);
        remaining -= close - begin;
      }
    }
    day = calendar.nextWorkingDay(day);
    from = chinaDateTime(day, hours.start).getTime();
  }
}

/** The working time in [a, b), in ms; 0 when b is not after a. */
export function workingTimeBetween(a: Date, b: Date, calendar: WorkCalendar, hours: BusinessHours): number {
  businessDayMs(hours);
  if (b.getTime() <= a.getTime()) return 0;
  const last = chinaDate(b);
  let total = 0;
  for (let day = calendar.nextWorkingDay(chinaDate(a), true); day <= last; day = calendar.nextWorkingDay(day)) {
    const begin = Math.max(a.getTime(), chinaDateTime(day, hours.start).getTime());
    const end = Math.min(b.getTime(), chinaDateTime(day, hours.end).getTime());
    if (end > begin) total += end - begin;
  }
  return total;
}

/** A category may override the accept and resolve limits (working days); null or absent keeps the settings. */
export type CategorySlaOverride = { acceptSlaDays?: number | null; resolveSlaDays?: number | null };

export function resolveWorkingDaysFor(kind: CaseKind, settings: ComplaintSlaSettings): number {
  switch (kind) {
    case 'QUESTION':
      return settings.resolveQuestionWorkingDays;
    case 'COMPLAINT':
      return settings.resolveComplaintWorkingDays;
    case 'SUGGESTION':
      return settings.resolveSuggestionWorkingDays;
    case 'REPORT':
      return settings.resolveReportWorkingDays;
  }
}

/** Both clocks start when the case is submitted. */
export function slaDeadlines(
  input: { kind: CaseKind; filedAt: Date; settings: ComplaintSlaSettings; categoryOverride?: CategorySlaOverride },
  calendar: WorkCalendar,
): { acceptDueAt: Date; resolveDueAt: Date } {
  const { kind, filedAt, settings, categoryOverride } = input;
  const hours = businessHoursOf(settings);
  const acceptDays = categoryOverride?.acceptSlaDays ?? settings.acceptWorkingDays;
  const resolveDays = categoryOverride?.resolveSlaDays ?? resolveWorkingDaysFor(kind, settings);
  return {
    acceptDueAt: addWorkingTime(filedAt, workingDaysToMs(acceptDays, hours), calendar, hours),
    resolveDueAt: addWorkingTime(filedAt, workingDaysToMs(resolveDays, hours), calendar, hours),
  };
}

/** The follow-up call (回访) is due by the close of business on the next working day after resolution. */
export function followUpDueAt(resolvedAt: Date, calendar: WorkCalendar, hours: BusinessHours): Date {
  businessDayMs(hours);
  return chinaDateTime(calendar.nextWorkingDay(chinaDate(resolvedAt)), hours.end);
}

/**
 * The deadline after a pause (waiting for the retailer) from `pausedFrom` to `pausedTo`: later by the
 * working time paused. A clock that had already run out when the pause began stays breached, so a
 * deadline at or before `pausedFrom` does not move.
 */
export function shiftForPause(deadline: Date, pausedFrom: Date, pausedTo: Date, calendar: WorkCalendar, hours: BusinessHours): Date {
  if (pausedFrom.getTime() >= deadline.getTime()) return deadline;
  const paused = workingTimeBetween(pausedFrom, pausedTo, calendar, hours);
  // Without this a deadline sitting on a closing time would jump to the next opening for nothing.
  if (paused === 0) return deadline;
  return addWorkingTime(deadline, paused, calendar, hours);
}
