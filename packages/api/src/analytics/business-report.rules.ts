// Pure rules of the shop's monthly business report (我的经营分析): where the shop stands among its peers,
// how a figure changed, and the plain-language summary at the top. No I/O; unit-tested.

/** Peer groups smaller than this show no standing and no peer products: a few peers' figures would show. */
export const MIN_PEER_GROUP = 5;

export const STANDING_BANDS = ['top10', 'top25', 'top50', 'bottom50'] as const;
export type StandingBand = (typeof STANDING_BANDS)[number];

/**
 * The band a rank falls in among `groupSize` shops (rank 1 = highest), or null for a group too small to say
 * anything without pointing at someone. A band, never the rank: the report compares, it does not expose.
 */
export function standingBand(rank: number | null, groupSize: number): StandingBand | null {
  if (rank === null || groupSize < MIN_PEER_GROUP) return null;
  // The share of the group at or above this shop: rank 1 of 40 is the top 2.5 %.
  const share = rank / groupSize;
  if (share <= 0.1) return 'top10';
  if (share <= 0.25) return 'top25';
  if (share <= 0.5) return 'top50';
  return 'bottom50';
}

/** Change from `before` to `now` in percent, one decimal; null when there was nothing before to compare. */
export function percentChange(now: number, before: number): number | null {
  if (before === 0) return null;
  return Math.round(((now - before) / before) * 1000) / 10;
}

export type SummaryLine = { key: string; params: Record<string, string | number> };

/**
 * The report's opening lines, most useful first: the month's volume against last month, against the same
 * month last year, the shop's standing, and the peer product it might stock. Keys of the i18n tables.
 */
export function summaryLines(input: {
  quantity: number;
  previousQuantity: number;
  lastYearQuantity: number;
  standing: StandingBand | null;
  suggestion: string | null;
}): SummaryLine[] {
  if (input.quantity === 0) return [{ key: 'report.summary.noOrders', params: {} }];
  const lines: SummaryLine[] = [];
  const vsLastMonth = percentChange(input.quantity, input.previousQuantity);
  lines.push(
    vsLastMonth === null
      ? { key: 'report.summary.firstMonth', params: { quantity: input.quantity } }
      : {
          key: vsLastMonth > 0 ? 'report.summary.up' : vsLastMonth < 0 ? 'report.summary.down' : 'report.summary.same',
          params: { quantity: input.quantity, percent: Math.abs(vsLastMonth) },
        },
  );
  const vsLastYear = percentChange(input.quantity, input.lastYearQuantity);
  if (vsLastYear !== null) {
    lines.push({ key: vsLastYear >= 0 ? 'report.summary.yearUp' : 'report.summary.yearDown', params: { percent: Math.abs(vsLastYear) } });
  }
  if (input.standing) lines.push({ key: `report.summary.standing.${input.standing}`, params: {} });
  if (input.suggestion) lines.push({ key: 'report.summary.suggestion', params: { product: input.suggestion } });
  return lines;
}
