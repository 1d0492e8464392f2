import { describe, expect, it } from 'vitest';
import { growthOver, ratio, sameMonthLastYear, surveyFigureHidden, trailingMonths } from './executive.rules';

describe('executive dashboard rules', () => {
  it('lists the twelve months ending with the last closed one, across a year end', () => {
    expect(trailingMonths('2027-02')).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(trailingMonths('2027-02', 2)).toEqual(['2027-01', '2027-02']);
    expect(sameMonthLastYear('2027-01')).toBe('2026-01');
  });

  it('has no ratio and no growth without a base, rather than 0 % or NaN', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(0, 4)).toBe(0);
    expect(ratio(3, 4)).toBe(0.75);
    expect(growthOver(120, 100)).toBeCloseTo(0.2, 9);
    expect(growthOver(120, 0)).toBeNull();
    expect(growthOver(120, null)).toBeNull();
    expect(growthOver(0, 100)).toBe(-1);
  });

  it('hides a survey figure of a small group, or one whose complement is small, unless named answers may be seen', () => {
    expect(surveyFigureHidden(4, 100, 5, true, false)).toBe(true);
    expect(surveyFigureHidden(5, 100, 5, true, false)).toBe(false);
    expect(surveyFigureHidden(97, 100, 5, true, false)).toBe(true);
    expect(surveyFigureHidden(97, 100, 5, false, false)).toBe(false);
    expect(surveyFigureHidden(100, 100, 5, true, false)).toBe(false);
    expect(surveyFigureHidden(0, 100, 5, true, false)).toBe(false);
    expect(surveyFigureHidden(2, 100, 5, true, true)).toBe(false);
  });
});
