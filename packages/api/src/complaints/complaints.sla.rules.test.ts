import { describe, it, expect } from 'vitest';
import { SETTINGS } from '../admin/settings.registry';
import { chinaDateTime, createWorkCalendar } from '../schedule/calendar.rules';
import { CN_2026 } from '../schedule/calendar.fixtures';
import {
  addWorkingTime,
  businessDayMs,
  businessHoursOf,
  followUpDueAt,
  shiftForPause,
  slaDeadlines,
  toComplaintSlaSettings,
  workingDaysToMs,
  workingTimeBetween,
  type ComplaintSlaSettings,
} from './complaints.sla.rules';

// The registry's defaults: 08:30–17:30, accept 1, question 3, complaint/suggestion/report 13 working days.
const settings: ComplaintSlaSettings = toComplaintSlaSettings({
  'complaints.businessHoursStart': SETTINGS['complaints.businessHoursStart'].default,
  'complaints.businessHoursEnd': SETTINGS['complaints.businessHoursEnd'].default,
  'complaints.acceptWorkingDays': SETTINGS['complaints.acceptWorkingDays'].default,
  'complaints.resolveQuestionWorkingDays': SETTINGS['complaints.resolveQuestionWorkingDays'].default,
  'complaints.resolveComplaintWorkingDays': SETTINGS['complaints.resolveComplaintWorkingDays'].default,
  'complaints.resolveSuggestionWorkingDays': SETTINGS['complaints.resolveSuggestionWorkingDays'].default,
  'complaints.resolveReportWorkingDays': SETTINGS['complaints.resolveReportWorkingDays'].default,
});
const hours = businessHoursOf(settings);
const cal = createWorkCalendar(CN_2026);
const at = chinaDateTime;
const HOUR = 3_600_000;
const DAY = workingDaysToMs(1, hours);

const accept = (filedAt: Date) => slaDeadlines({ kind: 'COMPLAINT', filedAt, settings }, cal).acceptDueAt;

describe('settings', () => {
  it('maps the registry defaults; a business day is 9 hours', () => {
    expect(settings).toEqual({
      businessHoursStart: '08:30',
      businessHoursEnd: '17:30',
      acceptWorkingDays: 1,
      resolveQuestionWorkingDays: 3,
      resolveComplaintWorkingDays: 13,
      resolveSuggestionWorkingDays: 13,
      resolveReportWorkingDays: 13,
    });
    expect(businessDayMs(hours)).toBe(9 * HOUR);
  });
});

describe('the domain’s own examples (accept within 1 working day)', () => {
  it('filed Tuesday 16:00 → accept by Wednesday 16:00', () => {
    expect(accept(at('2026-03-10', '16:00'))).toEqual(at('2026-03-11', '16:00'));
  });

  it('filed Friday 20:00 → accept by Monday 17:30', () => {
    expect(accept(at('2026-03-13', '20:00'))).toEqual(at('2026-03-16', '17:30'));
  });

  it('filed the evening before 国庆 (Wednesday 30 Sep 2026, 20:00) → by the end of Thursday 8 Oct', () => {
    expect(accept(at('2026-09-30', '20:00'))).toEqual(at('2026-10-08', '17:30'));
  });

  it('filed during 春节 (18 Feb 2026, 10:00) → by the end of Tuesday 24 Feb', () => {
    expect(accept(at('2026-02-18', '10:00'))).toEqual(at('2026-02-24', '17:30'));
  });

  it('filed on the make-up Saturday 14 Feb 2026 at 10:00 → 7.5 h that day, 1.5 h after 春节: 24 Feb 10:00', () => {
    expect(accept(at('2026-02-14', '10:00'))).toEqual(at('2026-02-24', '10:00'));
  });

  it('filed on the make-up Saturday 10 Oct 2026 at 10:00 → Monday 12 Oct 10:00', () => {
    expect(accept(at('2026-10-10', '10:00'))).toEqual(at('2026-10-12', '10:00'));
  });
});

describe('addWorkingTime at the edges of business hours', () => {
  it('filed at the opening: due at that day’s close', () => {
    expect(accept(at('2026-03-09', '08:30'))).toEqual(at('2026-03-09', '17:30'));
  });

  it('filed before the opening: starts at the opening', () => {
    expect(accept(at('2026-03-09', '07:00'))).toEqual(at('2026-03-09', '17:30'));
    expect(accept(at('2026-03-09', '00:00'))).toEqual(at('2026-03-09', '17:30'));
  });

  it('filed at the closing instant: starts at the next opening', () => {
    expect(accept(at('2026-03-09', '17:30'))).toEqual(at('2026-03-10', '17:30'));
  });

  it('filed one minute before closing', () => {
    expect(accept(at('2026-03-09', '17:29'))).toEqual(at('2026-03-10', '17:29'));
  });

  it('filed on a Sunday: starts Monday 08:30', () => {
    expect(accept(at('2026-03-15', '11:00'))).toEqual(at('2026-03-16', '17:30'));
  });

  it('filed on the make-up Sunday 4 Jan 2026 evening: starts Monday 5 Jan', () => {
    expect(accept(at('2026-01-04', '19:00'))).toEqual(at('2026-01-05', '17:30'));
  });

  it('filed on New Year’s Eve 2025 at 12:00: 5.5 h, then the make-up Sunday 4 Jan', () => {
    expect(accept(at('2025-12-31', '12:00'))).toEqual(at('2026-01-04', '12:00'));
  });

  it('zero working time: the clock’s start itself (the next opening when outside hours)', () => {
    expect(addWorkingTime(at('2026-03-09', '10:00'), 0, cal, hours)).toEqual(at('2026-03-09', '10:00'));
    expect(addWorkingTime(at('2026-03-09', '20:00'), 0, cal, hours)).toEqual(at('2026-03-10', '08:30'));
  });

  it('refuses negative or non-finite working time', () => {
    expect(() => addWorkingTime(at('2026-03-09', '10:00'), -1, cal, hours)).toThrow(RangeError);
    expect(() => addWorkingTime(at('2026-03-09', '10:00'), Number.NaN, cal, hours)).toThrow(RangeError);
  });

  it('refuses business hours that do not end after they start', () => {
    expect(() => addWorkingTime(at('2026-03-09', '10:00'), HOUR, cal, { start: '17:30', end: '08:30' })).toThrow(/end after/);
    expect(() => businessDayMs({ start: '09:00', end: '09:00' })).toThrow(RangeError);
  });

  it('follows other business hours (09:00–18:00)', () => {
    const other = { start: '09:00', end: '18:00' };
    expect(addWorkingTime(at('2026-03-13', '20:00'), workingDaysToMs(1, other), cal, other)).toEqual(at('2026-03-16', '18:00'));
    expect(addWorkingTime(at('2026-03-10', '16:00'), workingDaysToMs(1, other), cal, other)).toEqual(at('2026-03-11', '16:00'));
  });
});

describe('slaDeadlines', () => {
  it('resolves a question in 3 working days and a complaint in 13, both from submission', () => {
    const filedAt = at('2026-03-10', '16:00');
    expect(slaDeadlines({ kind: 'QUESTION', filedAt, settings }, cal)).toEqual({
      acceptDueAt: at('2026-03-11', '16:00'),
      resolveDueAt: at('2026-03-13', '16:00'),
    });
    // 13 working days from Tue 10 Mar 16:00: Wed 11 … Fri 27 Mar 16:00
    expect(slaDeadlines({ kind: 'COMPLAINT', filedAt, settings }, cal).resolveDueAt).toEqual(at('2026-03-27', '16:00'));
  });

  it('uses each kind’s own setting', () => {
    const custom = {
      ...settings,
      resolveQuestionWorkingDays: 2,
      resolveComplaintWorkingDays: 4,
      resolveSuggestionWorkingDays: 5,
      resolveReportWorkingDays: 1,
    };
    const filedAt = at('2026-03-09', '08:30');
    const due = (kind: 'QUESTION' | 'COMPLAINT' | 'SUGGESTION' | 'REPORT') =>
      slaDeadlines({ kind, filedAt, settings: custom }, cal).resolveDueAt;
    expect(due('REPORT')).toEqual(at('2026-03-09', '17:30'));
    expect(due('QUESTION')).toEqual(at('2026-03-10', '17:30'));
    expect(due('COMPLAINT')).toEqual(at('2026-03-12', '17:30'));
    expect(due('SUGGESTION')).toEqual(at('2026-03-13', '17:30'));
  });

  it('a complaint filed during 春节 counts from the first opening after it, over the make-up Saturday 28 Feb', () => {
    const due = slaDeadlines({ kind: 'COMPLAINT', filedAt: at('2026-02-18', '10:00'), settings }, cal);
    expect(due.resolveDueAt).toEqual(at('2026-03-11', '17:30'));
    expect(slaDeadlines({ kind: 'QUESTION', filedAt: at('2026-02-18', '10:00'), settings }, cal).resolveDueAt).toEqual(
      at('2026-02-26', '17:30'),
    );
  });

  it('a complaint filed before 国庆 runs over it and counts the make-up Saturday 10 Oct', () => {
    // Mon 28 Sep 09:00: 8.5 h that day, then 12 working days (29, 30 Sep, 8, 9, 10, 12–16, 19, 20 Oct) and 0.5 h
    expect(slaDeadlines({ kind: 'COMPLAINT', filedAt: at('2026-09-28', '09:00'), settings }, cal).resolveDueAt).toEqual(
      at('2026-10-21', '09:00'),
    );
  });

  it('a category override replaces the setting; null keeps it', () => {
    const filedAt = at('2026-03-10', '16:00');
    expect(slaDeadlines({ kind: 'COMPLAINT', filedAt, settings, categoryOverride: { acceptSlaDays: 2, resolveSlaDays: 5 } }, cal)).toEqual({
      acceptDueAt: at('2026-03-12', '16:00'),
      resolveDueAt: at('2026-03-17', '16:00'),
    });
    expect(
      slaDeadlines({ kind: 'QUESTION', filedAt, settings, categoryOverride: { acceptSlaDays: null, resolveSlaDays: null } }, cal),
    ).toEqual(slaDeadlines({ kind: 'QUESTION', filedAt, settings }, cal));
  });

  it('a fraction of a working day is that fraction of 9 hours', () => {
    const due = slaDeadlines(
      { kind: 'QUESTION', filedAt: at('2026-03-09', '08:30'), settings: { ...settings, acceptWorkingDays: 0.25 } },
      cal,
    );
    expect(due.acceptDueAt).toEqual(at('2026-03-09', '10:45'));
  });

  it('refuses a negative number of working days', () => {
    expect(() => workingDaysToMs(-1, hours)).toThrow(RangeError);
  });
});

describe('workingTimeBetween', () => {
  it('inside one business day', () => {
    expect(workingTimeBetween(at('2026-03-09', '09:00'), at('2026-03-09', '11:30'), cal, hours)).toBe(2.5 * HOUR);
  });

  it('counts only business hours of a whole day', () => {
    expect(workingTimeBetween(at('2026-03-09', '00:00'), at('2026-03-10', '00:00'), cal, hours)).toBe(DAY);
  });

  it('across a weekend counts only Friday and Monday', () => {
    expect(workingTimeBetween(at('2026-03-13', '16:00'), at('2026-03-16', '10:00'), cal, hours)).toBe(3 * HOUR);
  });

  it('across 国庆 counts the make-up days and nothing of the holiday', () => {
    expect(workingTimeBetween(at('2026-09-30', '16:00'), at('2026-10-08', '09:30'), cal, hours)).toBe(2.5 * HOUR);
    // Fri 18 Sep 00:00 → Mon 21 Sep 00:00: Friday and the make-up Sunday 20 Sep
    expect(workingTimeBetween(at('2026-09-18', '00:00'), at('2026-09-21', '00:00'), cal, hours)).toBe(2 * DAY);
  });

  it('is 0 outside business hours, for an empty or reversed span', () => {
    expect(workingTimeBetween(at('2026-03-09', '18:00'), at('2026-03-10', '08:00'), cal, hours)).toBe(0);
    expect(workingTimeBetween(at('2026-10-01', '09:00'), at('2026-10-07', '17:00'), cal, hours)).toBe(0);
    expect(workingTimeBetween(at('2026-03-09', '10:00'), at('2026-03-09', '10:00'), cal, hours)).toBe(0);
    expect(workingTimeBetween(at('2026-03-09', '11:00'), at('2026-03-09', '10:00'), cal, hours)).toBe(0);
  });

  it('undoes addWorkingTime from a start inside business hours', () => {
    const starts = [at('2026-03-09', '08:30'), at('2026-09-30', '16:45'), at('2026-02-13', '12:00'), at('2025-12-31', '17:29')];
    const amounts = [0, 1, 30 * 60_000, 4 * HOUR, DAY, 3 * DAY + 7 * HOUR, 13 * DAY];
    for (const start of starts) {
      for (const ms of amounts) {
        const end = addWorkingTime(start, ms, cal, hours);
        expect(workingTimeBetween(start, end, cal, hours), `${start.toISOString()} + ${ms}`).toBe(ms);
      }
    }
  });
});

describe('shiftForPause (waiting for the retailer)', () => {
  const deadline = at('2026-03-11', '16:00');

  it('a pause across a weekend moves the deadline by only the working time paused (3 h)', () => {
    const moved = shiftForPause(at('2026-03-18', '16:00'), at('2026-03-13', '16:00'), at('2026-03-16', '10:00'), cal, hours);
    expect(moved).toEqual(at('2026-03-19', '10:00'));
  });

  it('a pause within one business day moves it by that time', () => {
    expect(shiftForPause(deadline, at('2026-03-10', '09:00'), at('2026-03-10', '10:00'), cal, hours)).toEqual(at('2026-03-11', '17:00'));
  });

  it('a pause only outside business hours does not move it', () => {
    expect(shiftForPause(deadline, at('2026-03-07', '09:00'), at('2026-03-08', '20:00'), cal, hours)).toEqual(deadline);
  });

  it('a pause over 国庆 counts only the working time either side', () => {
    expect(shiftForPause(at('2026-10-09', '12:00'), at('2026-09-30', '16:00'), at('2026-10-08', '09:30'), cal, hours)).toEqual(
      at('2026-10-09', '14:30'),
    );
  });

  it('a pause that outlasts the deadline moves it by the whole pause', () => {
    // paused Wed 11 Mar 15:00 → Thu 12 Mar 12:00 (2.5 h + 3.5 h): the 1 h left at 15:00 runs from Thu 12:00
    expect(shiftForPause(deadline, at('2026-03-11', '15:00'), at('2026-03-12', '12:00'), cal, hours)).toEqual(at('2026-03-12', '13:00'));
  });

  it('a deadline on a closing time, paused for 1 h, moves into the next day', () => {
    expect(shiftForPause(at('2026-03-09', '17:30'), at('2026-03-09', '10:00'), at('2026-03-09', '11:00'), cal, hours)).toEqual(
      at('2026-03-10', '09:30'),
    );
  });

  it('a clock that ran out before the pause stays breached', () => {
    expect(shiftForPause(deadline, at('2026-03-11', '16:00'), at('2026-03-13', '10:00'), cal, hours)).toEqual(deadline);
    expect(shiftForPause(deadline, at('2026-03-12', '09:00'), at('2026-03-13', '10:00'), cal, hours)).toEqual(deadline);
  });

  it('an empty or reversed pause changes nothing', () => {
    expect(shiftForPause(deadline, at('2026-03-10', '10:00'), at('2026-03-10', '10:00'), cal, hours)).toEqual(deadline);
    expect(shiftForPause(deadline, at('2026-03-10', '10:00'), at('2026-03-10', '09:00'), cal, hours)).toEqual(deadline);
  });
});

describe('followUpDueAt (回访: close of business on the next working day after resolution)', () => {
  const rows: [string, string, string, string][] = [
    ['Tuesday morning', '2026-03-10 10:00', '2026-03-11', 'Wednesday'],
    ['Tuesday after midnight', '2026-03-10 00:30', '2026-03-11', 'the next day, not the same'],
    ['Friday evening', '2026-03-13 20:00', '2026-03-16', 'Monday'],
    ['Saturday', '2026-03-14 11:00', '2026-03-16', 'Monday'],
    ['the eve of 国庆', '2026-09-30 15:00', '2026-10-08', 'the first day after it'],
    ['Friday 9 Oct', '2026-10-09 15:00', '2026-10-10', 'the make-up Saturday'],
    ['the make-up Saturday 10 Oct', '2026-10-10 15:00', '2026-10-12', 'Monday'],
    ['during 春节', '2026-02-20 09:00', '2026-02-24', 'the first day after it'],
  ];
  it.each(rows)('resolved %s (%s) → %s 17:30, %s', (_label, resolved, dueDay) => {
    const [day = '', time = ''] = resolved.split(' ');
    expect(followUpDueAt(at(day, time), cal, hours)).toEqual(at(dueDay, '17:30'));
  });
});
