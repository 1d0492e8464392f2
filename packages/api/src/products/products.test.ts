import { describe, expect, it } from 'vitest';
import { fulfilment, growth, paretoCut, periodMonths, previousPeriod, priceBand, quarterOf } from './products.rules';

const rows = (...values: number[]) => values.map((value, i) => ({ productId: i + 1, value }));
const coreIds = (values: number[]) =>
  paretoCut(rows(...values))
    .filter((r) => r.core)
    .map((r) => r.productId);

describe('the Pareto cut', () => {
  it('sorts by value and keeps the products up to and including the one that crosses 80 %', () => {
    // 50, 25 → 75 %; 15 crosses to 90 %; 10 is outside.
    const cut = paretoCut(rows(10, 50, 15, 25));
    expect(cut.map((r) => r.productId)).toEqual([2, 4, 3, 1]);
    expect(cut.map((r) => r.cumulative)).toEqual([0.5, 0.75, 0.9, 1]);
    expect(cut.map((r) => r.share)).toEqual([0.5, 0.25, 0.15, 0.1]);
    expect(cut.map((r) => r.core)).toEqual([true, true, true, false]);
    expect(cut.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it('a product that reaches exactly 80 % closes the core', () => {
    expect(coreIds([60, 20, 10, 10])).toEqual([1, 2]);
  });

  it('takes every product tied with the one that crosses the line, and ranks ties alike', () => {
    // 40 + 30 = 70 %; the three products of 10 tie at the line: all three are core.
    const cut = paretoCut(rows(40, 30, 10, 10, 10));
    expect(cut.filter((r) => r.core).map((r) => r.productId)).toEqual([1, 2, 3, 4, 5]);
    expect(cut.map((r) => r.rank)).toEqual([1, 2, 3, 3, 3]);
    // Ties below the crossing product stay outside.
    expect(coreIds([50, 20, 15, 5, 5, 5])).toEqual([1, 2, 3]);
  });

  it('leaves out products with nothing sold, and answers nothing when nothing sold', () => {
    expect(paretoCut(rows(0, 0))).toEqual([]);
    expect(paretoCut([])).toEqual([]);
    expect(paretoCut(rows(0, 5)).map((r) => r.productId)).toEqual([2]);
  });

  it('a single product is the whole core', () => {
    expect(paretoCut(rows(7))).toEqual([{ productId: 1, value: 7, rank: 1, share: 1, cumulative: 1, core: true }]);
  });
});

describe('growth and fulfilment', () => {
  it('growth compares with the previous period, and has no value without a base', () => {
    expect(growth(120, 100)).toBeCloseTo(0.2);
    expect(growth(50, 100)).toBeCloseTo(-0.5);
    expect(growth(0, 100)).toBe(-1);
    expect(growth(100, 0)).toBeNull();
    expect(growth(100, null)).toBeNull();
  });

  it('fulfilment is ordered over limit, none for an unlimited product', () => {
    expect(fulfilment(30, 40)).toBe(0.75);
    expect(fulfilment(0, 40)).toBe(0);
    expect(fulfilment(30, null)).toBeNull();
    expect(fulfilment(30, 0)).toBeNull();
  });
});

describe('price bands', () => {
  it('bands by wholesale price per carton, lower bound included', () => {
    expect(priceBand(9_999)).toBe('under100');
    expect(priceBand(10_000)).toBe('from100');
    expect(priceBand(25_000)).toBe('from200');
    expect(priceBand(30_000)).toBe('from300');
    expect(priceBand(49_999)).toBe('from300');
    expect(priceBand(50_000)).toBe('from500');
    expect(priceBand(120_000)).toBe('from500');
  });
});

describe('periods', () => {
  it('a month is itself; a quarter is its three months', () => {
    expect(periodMonths('2026-05')).toEqual(['2026-05']);
    expect(periodMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('the previous equal period crosses year ends', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
  });

  it('a month belongs to its quarter', () => {
    expect(quarterOf('2026-03')).toBe('2026-Q1');
    expect(quarterOf('2026-04')).toBe('2026-Q2');
    expect(quarterOf('2026-12')).toBe('2026-Q4');
  });
});
