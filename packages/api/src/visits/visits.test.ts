import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../admin/settings.registry';
import { isOverdue, monthOf, visitsDue, visitsPerMonth } from './visits.rules';

const MATRIX = SETTINGS['visits.frequencyMatrix'].default;

describe('visits per month from the frequency matrix', () => {
  it('reads the band of the grade and the column of the integrity level', () => {
    expect(visitsPerMonth(MATRIX, 5, 'A')).toBe(1);
    expect(visitsPerMonth(MATRIX, 10, 'C')).toBe(4);
    expect(visitsPerMonth(MATRIX, 11, 'AA')).toBe(2);
    expect(visitsPerMonth(MATRIX, 30, 'A')).toBe(3);
    expect(visitsPerMonth(MATRIX, 21, 'AAA')).toBe(2);
  });

  it('counts a shop not graded yet in the lowest band, and follows an edited matrix', () => {
    expect(visitsPerMonth(MATRIX, null, 'B')).toBe(2);
    const edited = [{ gradeFrom: 1, gradeTo: 30, perMonth: { AAA: 0, AA: 0, A: 1, B: 5, C: 8, D: 8 } }];
    expect(visitsPerMonth(edited, 25, 'B')).toBe(5);
  });

  it('what is due never goes below zero', () => {
    expect(visitsDue(3, 1)).toBe(2);
    expect(visitsDue(1, 4)).toBe(0);
  });

  it('knows the month and whether a shop is behind its share of it', () => {
    expect(monthOf('2026-02-11')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthOf('2028-02-11')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    // 2 a month: by the 20th of 30 days one visit is expected.
    expect(isOverdue(2, 0, '2026-06-20')).toBe(true);
    expect(isOverdue(2, 1, '2026-06-20')).toBe(false);
    expect(isOverdue(2, 0, '2026-06-10')).toBe(false);
    expect(isOverdue(4, 3, '2026-06-30')).toBe(true);
  });
});
