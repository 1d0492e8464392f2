import { describe, expect, it } from 'vitest';
import { addDays } from '../schedule/calendar.rules';
import {
  anomaliesForCycle,
  canAnswer,
  cycleRules,
  monthClosedBy,
  monthRules,
  previousMonth,
  type AnomalySettings,
  type RetailerHistory,
  type WeekTotal,
} from './alerts.rules';

const SETTINGS: AnomalySettings = {
  orderSpikeRatio: 2,
  monthSpikeRatio: 2,
  priceSpikeRatio: 2,
  baselineCycles: 3,
  minOrderQuantity: 20,
  stoppedCycles: 3,
  largeRetailerMonthly: 1000,
};

// A Monday in the middle of a month, so the cycle closes no month.
const CYCLE = '2026-06-15';
const week = (weeksBefore: number) => addDays(CYCLE, -7 * weeksBefore);
const at = (quantity: number, priceFen = 20_000): WeekTotal => ({ quantity, amountFen: quantity * priceFen });

/** A retailer open for a year, with orders `byWeeksBefore[k]` k weeks before the cycle (0 = the cycle). */
function history(byWeeksBefore: Record<number, WeekTotal>, extra: Partial<RetailerHistory> = {}): RetailerHistory {
  return {
    openedOn: '2025-01-01',
    active: true,
    weeks: new Map(Object.entries(byWeeksBefore).map(([k, total]) => [week(Number(k)), total])),
    months: new Map(),
    ...extra,
  };
}
const rules = (fired: { rule: string }[]) => fired.map((f) => f.rule);

describe('order spike', () => {
  it('fires above twice the mean of the previous three cycles, with the figures that fired it', () => {
    const fired = cycleRules(history({ 0: at(100), 1: at(40), 2: at(50), 3: at(30) }), CYCLE, SETTINGS);
    expect(fired).toEqual([
      { rule: 'ORDER_SPIKE', figures: { quantity: 100, baselineMean: 40, baselineCycles: 3, ratio: 2.5, threshold: 2, holiday: false } },
    ]);
  });

  it('does not fire at exactly twice the mean', () => {
    expect(rules(cycleRules(history({ 0: at(80), 1: at(40), 2: at(40), 3: at(40) }), CYCLE, SETTINGS))).toEqual([]);
  });

  it('ignores an order under the 20-条 floor however small the baseline', () => {
    expect(rules(cycleRules(history({ 0: at(19), 1: at(2), 2: at(2), 3: at(2) }), CYCLE, SETTINGS))).toEqual([]);
    expect(rules(cycleRules(history({ 0: at(20), 1: at(2), 2: at(2), 3: at(2) }), CYCLE, SETTINGS))).toEqual(['ORDER_SPIKE']);
  });

  it('ignores a new retailer: opened inside the baseline, or no order in it', () => {
    expect(rules(cycleRules(history({ 0: at(100), 1: at(10) }, { openedOn: week(2) }), CYCLE, SETTINGS))).toEqual([]);
    expect(rules(cycleRules(history({ 0: at(100) }), CYCLE, SETTINGS))).toEqual([]);
  });

  it('leaves a holiday week without orders out of the mean instead of counting it as zero', () => {
    // 40, closed over the holiday, 40: the mean is 40, so 70 is no spike (a zero-counting mean of 26.7 would fire).
    expect(rules(cycleRules(history({ 0: at(70), 1: at(40), 2: at(0), 3: at(40) }), CYCLE, SETTINGS))).toEqual([]);
    const fired = cycleRules(history({ 0: at(90), 1: at(40), 3: at(40) }), CYCLE, SETTINGS, true);
    expect(fired[0]?.figures).toMatchObject({ baselineMean: 40, baselineCycles: 2, holiday: true });
  });

  it('reads its thresholds from the settings', () => {
    const h = history({ 0: at(100), 1: at(40), 2: at(40), 3: at(40) });
    expect(rules(cycleRules(h, CYCLE, { ...SETTINGS, orderSpikeRatio: 3 }))).toEqual([]);
    expect(rules(cycleRules(h, CYCLE, { ...SETTINGS, minOrderQuantity: 101 }))).toEqual([]);
    // A one-cycle baseline sees only the last week.
    expect(rules(cycleRules(history({ 0: at(100), 1: at(60), 2: at(10) }), CYCLE, { ...SETTINGS, baselineCycles: 1 }))).toEqual([]);
  });
});

describe('price spike', () => {
  it('fires when the mean price per 条 is above twice the baseline price', () => {
    const fired = cycleRules(history({ 0: at(30, 50_000), 1: at(30, 20_000), 2: at(30, 20_000), 3: at(30, 20_000) }), CYCLE, SETTINGS);
    expect(fired).toEqual([
      {
        rule: 'PRICE_SPIKE',
        figures: { meanPriceFen: 50_000, baselinePriceFen: 20_000, baselineCycles: 3, ratio: 2.5, threshold: 2, holiday: false },
      },
    ]);
  });

  it('weighs the baseline price by volume, and ignores small orders', () => {
    // Baseline: 10 条 at ¥500 and 90 at ¥100 → ¥140; ¥250 is under twice that.
    expect(rules(cycleRules(history({ 0: at(30, 25_000), 1: at(10, 50_000), 2: at(90, 10_000) }), CYCLE, SETTINGS))).toEqual([]);
    expect(rules(cycleRules(history({ 0: at(10, 90_000), 1: at(30, 20_000), 2: at(30, 20_000) }), CYCLE, SETTINGS))).toEqual([]);
  });
});

describe('stopped ordering', () => {
  it('fires once, when the third empty cycle closes after a cycle with an order', () => {
    expect(cycleRules(history({ 3: at(40), 4: at(40) }), CYCLE, SETTINGS)).toEqual([
      { rule: 'STOPPED_ORDERING', figures: { cycles: 3, lastOrderCycle: week(3) } },
    ]);
    // The next cycle: still stopped, but already raised.
    expect(rules(cycleRules(history({ 4: at(40) }), CYCLE, SETTINGS))).toEqual([]);
    // Two empty cycles are not yet three.
    expect(rules(cycleRules(history({ 2: at(40) }), CYCLE, SETTINGS))).toEqual([]);
  });

  it('ignores suspended shops and shops that never ordered or opened inside the window', () => {
    expect(rules(cycleRules(history({ 3: at(40) }, { active: false }), CYCLE, SETTINGS))).toEqual([]);
    expect(rules(cycleRules(history({}), CYCLE, SETTINGS))).toEqual([]);
    expect(rules(cycleRules(history({ 3: at(40) }, { openedOn: week(2) }), CYCLE, SETTINGS))).toEqual([]);
  });
});

describe('month rules', () => {
  const months = (entries: Record<string, number>, openedOn = '2025-01-01') =>
    history({}, { months: new Map(Object.entries(entries)), openedOn });

  it('knows which month a cycle closes', () => {
    expect(monthClosedBy('2026-06-15')).toBeNull();
    expect(monthClosedBy('2026-06-29')).toBe('2026-06'); // Mon 29 June – Sun 5 July
    expect(monthClosedBy('2026-05-25')).toBe('2026-05'); // Mon 25 – Sun 31 May
    expect(monthClosedBy('2026-06-01')).toBeNull();
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it('month spike: above twice the previous month, not for new shops, not under the floor', () => {
    expect(monthRules(months({ '2026-06': 500, '2026-05': 200 }), '2026-06', SETTINGS)).toEqual([
      {
        rule: 'MONTH_SPIKE',
        figures: { month: '2026-06', quantity: 500, previousMonth: '2026-05', previousQuantity: 200, ratio: 2.5, threshold: 2 },
      },
    ]);
    expect(rules(monthRules(months({ '2026-06': 400, '2026-05': 200 }), '2026-06', SETTINGS))).toEqual([]);
    expect(rules(monthRules(months({ '2026-06': 500, '2026-05': 200 }, '2026-05-10'), '2026-06', SETTINGS))).toEqual([]);
    expect(rules(monthRules(months({ '2026-06': 19, '2026-05': 2 }), '2026-06', SETTINGS))).toEqual([]);
    expect(rules(monthRules(months({ '2026-06': 500 }), '2026-06', SETTINGS))).toEqual([]);
  });

  it('大户: the month a retailer reaches the volume, not again while they stay there', () => {
    expect(rules(monthRules(months({ '2026-06': 1000, '2026-05': 900 }), '2026-06', SETTINGS))).toEqual(['LARGE_RETAILER']);
    expect(rules(monthRules(months({ '2026-06': 1200, '2026-05': 1100 }), '2026-06', SETTINGS))).toEqual([]);
    expect(rules(monthRules(months({ '2026-06': 999 }), '2026-06', SETTINGS))).toEqual([]);
  });

  it('runs the month rules only on the cycle that closes a month', () => {
    const h = history(
      {},
      {
        months: new Map([
          ['2026-06', 3000],
          ['2026-05', 100],
        ]),
      },
    );
    expect(rules(anomaliesForCycle(h, '2026-06-22', SETTINGS))).toEqual([]);
    expect(rules(anomaliesForCycle(h, '2026-06-29', SETTINGS))).toEqual(['MONTH_SPIKE', 'LARGE_RETAILER']);
  });
});

describe('answering', () => {
  it('is open only while asked, unanswered and not dismissed as a false positive', () => {
    const asked = new Date('2026-06-22T00:00:00Z');
    expect(canAnswer({ askedAt: asked, answeredAt: null, state: 'OPEN' })).toBe(true);
    expect(canAnswer({ askedAt: null, answeredAt: null, state: 'OPEN' })).toBe(false);
    expect(canAnswer({ askedAt: asked, answeredAt: asked, state: 'OPEN' })).toBe(false);
    expect(canAnswer({ askedAt: asked, answeredAt: null, state: 'FALSE_POSITIVE' })).toBe(false);
  });
});
