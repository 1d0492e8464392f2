import { describe, expect, it } from 'vitest';
import { lastClosedMonth, monthRange, movement, shiftMonth } from './rankings.rules';

describe('ranking months', () => {
  it('the last closed month is the one before today in China, across the new year', () => {
    // 2027-01-01 00:30 in Beijing is still 2026-12-31 in UTC.
    expect(lastClosedMonth(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12');
    expect(lastClosedMonth(new Date('2026-12-31T15:30:00Z'))).toBe('2026-11');
    expect(lastClosedMonth(new Date('2026-03-15T04:00:00Z'))).toBe('2026-02');
  });

  it('shifts months over year ends both ways', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-05', -14)).toBe('2025-03');
  });

  it('a month runs from its first day to the next month’s first day', () => {
    expect(monthRange('2028-02')).toEqual({ from: new Date('2028-02-01T00:00:00Z'), to: new Date('2028-03-01T00:00:00Z') });
  });

  it('movement is positive up the ranking and unknown without last month’s rank', () => {
    expect(movement(5, 2)).toBe(3);
    expect(movement(2, 5)).toBe(-3);
    expect(movement(4, 4)).toBe(0);
    expect(movement(null, 1)).toBeNull();
    expect(movement(3, null)).toBeNull();
  });
});
