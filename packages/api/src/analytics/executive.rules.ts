import { shiftMonth } from '../rankings/rankings.rules';

// Pure rules of the executive dashboard (领导驾驶舱): which months it shows and how its ratios are formed.

export const DASHBOARD_MONTHS = 12;

/** The `count` months ending with `last` ('YYYY-MM'), oldest first. */
export function trailingMonths(last: string, count = DASHBOARD_MONTHS): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(last, i - count + 1));
}

/** The same month a year before. */
export function sameMonthLastYear(month: string): string {
  return shiftMonth(month, -12);
}

/**
 * part ÷ whole, or null when there is no whole: a month without closed cases has no compliance rate, and
 * showing 0 % (or NaN) there would read as a failure that never happened.
 */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Growth against a base; null without a base (no sales in the base month, or the base month not computed). */
export function growthOver(current: number, base: number | null | undefined): number | null {
  return base == null || base === 0 ? null : (current - base) / base;
}

/**
 * Whether a survey's figure may be shown to someone bound by anonymity: the group must hold at least the
 * threshold of respondents, and when a filter narrows it, what the filter leaves out must too (else the
 * unfiltered figure minus this one gives the small remainder away). The rule of surveys.analytics.ts
 * `getIndexOverview`, per survey.
 */
export function surveyFigureHidden(respondents: number, total: number, threshold: number, filtered: boolean, named: boolean): boolean {
  if (named) return false;
  const small = (n: number) => n > 0 && n < threshold;
  return small(respondents) || (filtered && small(total - respondents));
}
