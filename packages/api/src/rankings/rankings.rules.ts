import { chinaDate } from '../schedule/calendar.rules';

// Months of the rankings: a month is named 'YYYY-MM' and stored as its first day.

export const RANKING_METRICS = ['sales', 'frequency', 'score', 'violations'] as const;
export type RankingMetric = (typeof RANKING_METRICS)[number];

/** The month before the one `now` falls in, in China: the last month that is complete. */
export function lastClosedMonth(now: Date): string {
  const [year, month] = chinaDate(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month's first day and the next month's first day, as dates (the orders' `orderDate` is a China date). */
export function monthRange(month: string): { from: Date; to: Date } {
  return { from: new Date(`${month}-01T00:00:00Z`), to: new Date(`${shiftMonth(month, 1)}-01T00:00:00Z`) };
}

/**
 * How far a shop moved since last month: positive = up the ranking (a smaller rank number), null when it
 * had no rank then (new shop, another district or band, or no scored grade).
 */
export function movement(previousRank: number | null | undefined, rank: number | null): number | null {
  if (previousRank == null || rank == null) return null;
  return previousRank - rank;
}
