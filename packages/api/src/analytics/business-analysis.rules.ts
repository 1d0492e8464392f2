import { MIN_PEER_GROUP, standingBand, type StandingBand } from './business-report.rules';
import { shiftMonth } from '../rankings/rankings.rules';

// Pure rules of the retailer business analysis (客户经营分析) the back office shows next to the monthly report:
// the capability profile of a shop over the last twelve months and where it stands among its peers. No I/O;
// unit-tested. Choices the requirement leaves open are made here, once:
// - The window is the twelve months ending with the report's month; a shop opened inside it is measured from
//   the month it opened (or its first order, if earlier), so a new shop is not punished for months it did
//   not exist, and a shop opened after the window has no profile at all ("new shop", never zeros).
// - Volume and amount are per month of that active span, so shops of different ages compare fairly.
// - Variety is the mean number of distinct products in the months with an order (distinct products do not
//   add up across months; the monthly summary keeps each month's count).
// - Premium share is the share of 条 from class 1 and 2 products (一类、二类, the high-price classes), as the
//   grading score counts them.
// - Regularity is the share of the shop's order days (its weekly 订货日 in each active month) on which a
//   cycle got an order, capped at 100 %; the spread of the gaps between orders is shown beside it.

export const ANALYSIS_MONTHS = 12;
/** Classes counted as premium (一类、二类). */
export const PREMIUM_CLASSES = [1, 2] as const;

export const CAPABILITY_METRICS = ['volume', 'amount', 'variety', 'premium', 'regularity'] as const;
export type CapabilityMetric = (typeof CAPABILITY_METRICS)[number];

/** The months of the analysis window ending with `month`, oldest first. */
export function analysisWindow(month: string): string[] {
  return Array.from({ length: ANALYSIS_MONTHS }, (_, i) => shiftMonth(month, i - (ANALYSIS_MONTHS - 1)));
}

/** How many times ISO weekday `weekday` (1 = Monday … 7 = Sunday) falls in `month`: the shop's order days. */
export function orderDaysInMonth(month: string, weekday: number): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const firstIso = ((new Date(Date.UTC(year, m - 1, 1)).getUTCDay() + 6) % 7) + 1;
  const firstHit = 1 + ((weekday - firstIso + 7) % 7);
  return firstHit > days ? 0 : Math.floor((days - firstHit) / 7) + 1;
}

/** Sums of the monthly summary over the window, as the service reads them for one shop. */
export type ProfileSums = {
  quantityTiao: number;
  amountFen: number;
  /** Σ distinct products per month, over the months with an order */
  productMonths: number;
  /** months of the window with at least one order */
  orderMonths: number;
  premiumTiao: number;
  cyclesOrdered: number;
  intervalCount: number;
  intervalSumDays: number;
  intervalSqDays: number;
};

export type Capability = {
  /** Months of the window the shop is measured over (from its opening month or first order) */
  activeMonths: number;
  volumePerMonth: number;
  amountFenPerMonth: number;
  /** null: no month with an order */
  variety: number | null;
  /** Percent, one decimal; null without any volume */
  premiumShare: number | null;
  /** Percent of order days with an order, one decimal; null when the shop had no order day in the window */
  regularity: number | null;
  /** Mean and standard deviation of the days between orders; null with fewer than two gaps */
  intervals: { meanDays: number; sdDays: number } | null;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The months of the window the shop existed in: from its opening month (or earlier first order) on. */
export function activeMonths(window: string[], openedMonth: string, firstOrderMonth: string | null): string[] {
  const start = firstOrderMonth && firstOrderMonth < openedMonth ? firstOrderMonth : openedMonth;
  return window.filter((m) => m >= start);
}

/** The capability profile from the window's sums; null for a shop with no month in the window. */
export function capabilityOf(sums: ProfileSums, months: string[], orderWeekday: number): Capability | null {
  if (months.length === 0) return null;
  const orderDays = months.reduce((s, m) => s + orderDaysInMonth(m, orderWeekday), 0);
  let intervals: Capability['intervals'] = null;
  if (sums.intervalCount >= 2) {
    const mean = sums.intervalSumDays / sums.intervalCount;
    // Population variance from Σx and Σx²; tiny negative values from rounding are zero.
    const variance = Math.max(0, sums.intervalSqDays / sums.intervalCount - mean * mean);
    intervals = { meanDays: round1(mean), sdDays: round1(Math.sqrt(variance)) };
  }
  return {
    activeMonths: months.length,
    volumePerMonth: round1(sums.quantityTiao / months.length),
    amountFenPerMonth: Math.round(sums.amountFen / months.length),
    variety: sums.orderMonths > 0 ? round1(sums.productMonths / sums.orderMonths) : null,
    premiumShare: sums.quantityTiao > 0 ? round1((sums.premiumTiao / sums.quantityTiao) * 100) : null,
    regularity: orderDays > 0 ? round1(Math.min(1, sums.cyclesOrdered / orderDays) * 100) : null,
    intervals,
  };
}

/** The figure of a capability that is compared with peers (higher is better for each). */
export function metricValue(capability: Capability, metric: CapabilityMetric): number | null {
  switch (metric) {
    case 'volume':
      return capability.volumePerMonth;
    case 'amount':
      return capability.amountFenPerMonth;
    case 'variety':
      return capability.variety;
    case 'premium':
      return capability.premiumShare;
    case 'regularity':
      return capability.regularity;
  }
}

/**
 * Where each value of a group (the shop's own included) stands in it, as a percentile band, never a rank or
 * another shop's figure, in the group's order. Shops without the figure (no volume: no premium share) are not
 * in the group and get null; a tie counts in the shop's favour (rank = 1 + the number of strictly better
 * values); everybody gets null in a group smaller than MIN_PEER_GROUP. One sort for the whole group: the
 * monthly job bands peer groups of thousands of shops.
 */
export function percentileBands(group: readonly (number | null)[]): (StandingBand | null)[] {
  const known = group.filter((v): v is number => v !== null).sort((a, b) => b - a);
  // The number of values strictly better than v: the index of v's first occurrence in descending order.
  const better = (v: number) => {
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (known[mid]! > v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return group.map((v) => (v === null ? null : standingBand(better(v) + 1, known.length)));
}

/** Whether the group is big enough to compare at all (the same threshold as the report's standing). */
export function peerGroupLargeEnough(size: number): boolean {
  return size >= MIN_PEER_GROUP;
}
