import { describe, expect, it } from 'vitest';
import { greetedMonthDays, greetingDate, isLeapYear } from './care.rules';

describe('the greeting day', () => {
  it('is the date itself on an ordinary day', () => {
    expect(greetedMonthDays('2027-06-15')).toEqual([{ month: 6, day: 15 }]);
    expect(greetingDate('1980-06-15', 2027)).toBe('2027-06-15');
  });

  it('greets 29 February birthdays on 28 February in a year without a 29th', () => {
    expect(greetedMonthDays('2027-02-28')).toEqual([
      { month: 2, day: 28 },
      { month: 2, day: 29 },
    ]);
    expect(greetingDate('1984-02-29', 2027)).toBe('2027-02-28');
  });

  it('greets them on their own day in a leap year, and not twice', () => {
    expect(greetedMonthDays('2028-02-28')).toEqual([{ month: 2, day: 28 }]);
    expect(greetedMonthDays('2028-02-29')).toEqual([{ month: 2, day: 29 }]);
    expect(greetingDate('1984-02-29', 2028)).toBe('2028-02-29');
  });

  it('knows the century rule of leap years', () => {
    expect([1900, 2000, 2024, 2027, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(greetedMonthDays('2100-02-28')).toHaveLength(2);
    expect(greetedMonthDays('2000-02-28')).toHaveLength(1);
  });
});
