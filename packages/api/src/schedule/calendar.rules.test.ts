import { describe, it, expect } from 'vitest';
import { addDays, chinaDate, chinaDateTime, createWorkCalendar, isCalendarDate, mondayOf, timeOfDayMs, weekdayOf } from './calendar.rules';
import { CN_2026, CN_2023_AUTUMN } from './calendar.fixtures';

const cal = createWorkCalendar(CN_2026);
const plain = createWorkCalendar([]);

describe('China time helpers (fixed UTC+8)', () => {
  it('takes the China date of an instant, which is a day ahead of UTC from 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
    expect(chinaDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    expect(chinaDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });

  it('builds an instant from a China date and wall-clock time', () => {
    expect(chinaDateTime('2026-10-08', '08:30').toISOString()).toBe('2026-10-08T00:30:00.000Z');
    expect(chinaDateTime('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(chinaDateTime('2026-12-31', '23:59').toISOString()).toBe('2026-12-31T15:59:00.000Z');
  });

  it('round-trips through both helpers', () => {
    const instant = chinaDateTime('2026-02-28', '07:15');
    expect(chinaDate(instant)).toBe('2026-02-28');
  });

  it('refuses invalid instants, dates and times', () => {
    expect(() => chinaDate(new Date('nonsense'))).toThrow(RangeError);
    expect(() => chinaDateTime('2026-02-30', '08:00')).toThrow(RangeError);
    expect(() => chinaDateTime('2026-2-3', '08:00')).toThrow(RangeError);
    expect(() => chinaDateTime('2026-02-03', '24:00')).toThrow(RangeError);
    expect(() => chinaDateTime('2026-02-03', '8:00')).toThrow(RangeError);
  });

  it('parses HH:mm to milliseconds after midnight', () => {
    expect(timeOfDayMs('00:00')).toBe(0);
    expect(timeOfDayMs('08:30')).toBe(8.5 * 3_600_000);
    expect(timeOfDayMs('23:59')).toBe((23 * 60 + 59) * 60_000);
  });

  it('tells calendar dates from near misses', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('20260101')).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-10-01', 0)).toBe('2026-10-01');
  });

  it('refuses fractional days', () => {
    expect(() => addDays('2026-10-01', 0.5)).toThrow(RangeError);
  });

  it('gives ISO weekdays, Sunday = 7', () => {
    expect(weekdayOf('2026-01-01')).toBe(4);
    expect(weekdayOf('2026-01-04')).toBe(7);
    expect(weekdayOf('2026-02-14')).toBe(6);
    expect(weekdayOf('2026-10-05')).toBe(1);
  });

  it('finds the Monday of a week, across the year end', () => {
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
    expect(mondayOf('2026-01-04')).toBe('2025-12-29');
    expect(mondayOf('2026-10-05')).toBe('2026-10-05');
  });
});

describe('createWorkCalendar', () => {
  it('without special days works Monday to Friday (an unconfirmed year)', () => {
    expect(plain.isWorkingDay('2027-10-01')).toBe(true);
    expect(plain.isWorkingDay('2027-10-02')).toBe(false);
    expect(plain.isWorkingDay('2027-10-03')).toBe(false);
  });

  it('rests on holidays, including weekday ones', () => {
    for (const date of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-02-16', '2026-02-23', '2026-01-02']) {
      expect(cal.isWorkingDay(date), date).toBe(false);
    }
  });

  it('works on 调休 make-up days, Saturdays and Sundays alike', () => {
    for (const date of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(cal.isWorkingDay(date), date).toBe(true);
    }
  });

  it('keeps ordinary weekends as rest days and ordinary weekdays as working days', () => {
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
  });

  it('names the special day', () => {
    expect(cal.specialDay('2026-10-03')).toEqual({ date: '2026-10-03', kind: 'HOLIDAY', name: '国庆节' });
    expect(cal.specialDay('2026-10-10')?.kind).toBe('MAKEUP_WORKDAY');
    expect(cal.specialDay('2026-10-12')).toBeUndefined();
  });

  it('finds the next working day past 国庆 and 春节', () => {
    expect(cal.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(cal.nextWorkingDay('2026-10-01', true)).toBe('2026-10-08');
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(cal.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
  });

  it('returns the day itself when inclusive and working', () => {
    expect(cal.nextWorkingDay('2026-10-10', true)).toBe('2026-10-10');
    expect(cal.nextWorkingDay('2026-10-09', true)).toBe('2026-10-09');
    expect(cal.nextWorkingDay('2026-10-09')).toBe('2026-10-10');
  });

  it('steps onto a make-up Sunday after 元旦', () => {
    expect(cal.nextWorkingDay('2025-12-31')).toBe('2026-01-04');
  });

  it('adds working days, skipping holidays and counting make-up days', () => {
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(cal.addWorkingDays('2026-09-18', 2)).toBe('2026-09-21');
    expect(cal.addWorkingDays('2026-02-12', 2)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
  });

  it('with 0 working days gives the day itself, or the next working day', () => {
    expect(cal.addWorkingDays('2026-10-09', 0)).toBe('2026-10-09');
    expect(cal.addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
  });

  it('counts backwards for negative n', () => {
    expect(cal.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(cal.addWorkingDays('2026-01-05', -1)).toBe('2026-01-04');
    expect(cal.addWorkingDays('2026-01-05', -2)).toBe('2025-12-31');
  });

  it('refuses fractional working days', () => {
    expect(() => cal.addWorkingDays('2026-10-08', 1.5)).toThrow(RangeError);
  });

  it('refuses a list with a date twice or a bad date', () => {
    expect(() => createWorkCalendar([...CN_2023_AUTUMN, { date: '2023-10-07', kind: 'HOLIDAY', name: 'dup' }])).toThrow(/twice/);
    expect(() => createWorkCalendar([{ date: '2026-02-30', kind: 'HOLIDAY', name: 'x' }])).toThrow(RangeError);
  });

  it('keeps a holiday on a weekend a rest day, and a make-up day on a weekday a working day', () => {
    const odd = createWorkCalendar([
      { date: '2026-10-03', kind: 'HOLIDAY', name: 'weekend holiday' },
      { date: '2026-10-12', kind: 'MAKEUP_WORKDAY', name: 'weekday make-up' },
    ]);
    expect(odd.isWorkingDay('2026-10-03')).toBe(false);
    expect(odd.isWorkingDay('2026-10-12')).toBe(true);
  });
});
