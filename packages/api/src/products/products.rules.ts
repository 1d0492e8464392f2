import { shiftMonth } from '../rankings/rankings.rules';

// Product analysis (seed 001: 商品二八分析、商品综合分析): the Pareto cut, growth, fulfilment and price bands,
// and the periods the screens read from the monthly summary. A period is a month 'YYYY-MM' or a quarter 'YYYY-Qn'.

export const PARETO_SHARE = 0.8;
export const PARETO_MEASURES = ['volume', 'amount'] as const;
export type ParetoMeasure = (typeof PARETO_MEASURES)[number];

export type ParetoInputRow = { productId: number; value: number };
export type ParetoRow = ParetoInputRow & { rank: number; share: number; cumulative: number; core: boolean };

/**
 * Sorts the products by value (largest first) and marks the core: every product up to and including the one
 * whose cumulative share reaches the line, and any product with the same value as that one, because two
 * products that sold the same cannot fall on different sides of the line. Products with no value are left
 * out: they make none of the total. Ranks are shared by equal values (1, 2, 2, 4).
 */
export function paretoCut(rows: readonly ParetoInputRow[], line = PARETO_SHARE): ParetoRow[] {
  const sorted = rows.filter((r) => r.value > 0).sort((a, b) => b.value - a.value || a.productId - b.productId);
  const total = sorted.reduce((sum, r) => sum + r.value, 0);
  if (total === 0) return [];
  let running = 0;
  let crossingValue: number | null = null;
  let rank = 0;
  return sorted.map((r, i) => {
    running += r.value;
    if (i === 0 || r.value !== sorted[i - 1]!.value) rank = i + 1;
    const cumulative = running / total;
    // The product before this one had not reached the line yet: this one crosses it (or touches it).
    const before = (running - r.value) / total;
    if (crossingValue === null && before < line && cumulative >= line - 1e-12) crossingValue = r.value;
    const core = crossingValue === null || r.value >= crossingValue;
    return { ...r, rank, share: r.value / total, cumulative, core };
  });
}

/** Change against the previous equal period; null when the previous period sold nothing (no base to compare). */
export function growth(current: number, previous: number | null | undefined): number | null {
  if (previous == null || previous === 0) return null;
  return (current - previous) / previous;
}

/** Ordered ÷ what could have been ordered; null when nothing limited the product (unlimited) or the limit is 0. */
export function fulfilment(ordered: number, limit: number | null | undefined): number | null {
  if (limit == null || limit <= 0) return null;
  return ordered / limit;
}

/** Price bands by wholesale price per 条 (in fen): the lower bound of each band. */
export const PRICE_BANDS = [
  { band: 'under100', fromFen: 0 },
  { band: 'from100', fromFen: 100_00 },
  { band: 'from200', fromFen: 200_00 },
  { band: 'from300', fromFen: 300_00 },
  { band: 'from500', fromFen: 500_00 },
] as const;
export type PriceBand = (typeof PRICE_BANDS)[number]['band'];

export function priceBand(wholesalePriceFen: number): PriceBand {
  let band: PriceBand = PRICE_BANDS[0].band;
  for (const b of PRICE_BANDS) if (wholesalePriceFen >= b.fromFen) band = b.band;
  return band;
}

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

/** The months of a period, in order. */
export function periodMonths(period: string): string[] {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return [period];
  const first = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}`;
  return [first, shiftMonth(first, 1), shiftMonth(first, 2)];
}

/** The period of the same length just before: the month before, or the quarter before. */
export function previousPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return shiftMonth(period, -1);
  const q = Number(quarter[2]);
  return q === 1 ? `${Number(quarter[1]) - 1}-Q4` : `${quarter[1]}-Q${q - 1}`;
}

/** The quarter a month belongs to. */
export function quarterOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${year}-Q${Math.ceil(m / 3)}`;
}
