import { describe, expect, it } from 'vitest';
import { rewardRunKey } from './rewards.rules';
import {
  canonicalPeriod,
  meetsRule,
  parseRuleParams,
  periodRange,
  periodSpellings,
  rulesInForce,
  sameRangeLastYear,
  type RetailerMeasures,
} from './rewards.run.rules';

describe('periods', () => {
  it('spells a period one way, whatever was typed', () => {
    expect(canonicalPeriod(' 2026q1 ')).toBe('2026-Q1');
    expect(canonicalPeriod('2026Q1')).toBe('2026-Q1');
    expect(canonicalPeriod('2026-h2')).toBe('2026-H2');
    expect(canonicalPeriod('2026-03')).toBe('2026-03');
    expect(canonicalPeriod('2026')).toBe('2026');
    expect(() => canonicalPeriod('2026-Q5')).toThrow(RangeError);
    expect(() => canonicalPeriod('2026-13')).toThrow(RangeError);
    expect(periodSpellings('2026-Q1')).toEqual(['2026-Q1', '2026Q1']);
    expect(periodSpellings('2026')).toEqual(['2026']);
  });

  it('keys the run of one period once, in any spelling', () => {
    expect(rewardRunKey(canonicalPeriod('2026q1'))).toBe(rewardRunKey(canonicalPeriod('2026-Q1')));
    expect(rewardRunKey(canonicalPeriod('2026Q1'))).toBe('rewards:run:2026-Q1');
  });

  it('knows each period’s dates', () => {
    expect(periodRange('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(sameRangeLastYear(periodRange('2024-02'))).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });
});

describe('rulesInForce', () => {
  const rule = (id: number, kind: 'INTEGRITY' | 'GROWTH', effectiveFrom: string, active = true) => ({
    id,
    kind,
    effectiveFrom,
    active,
    points: id * 10,
    params: {},
    name: '',
    nameEn: '',
  });

  it('takes, per kind, the latest version that started by the period, older spellings included', () => {
    const rules = [
      rule(1, 'INTEGRITY', '2025Q1'),
      rule(2, 'INTEGRITY', '2026-Q3'),
      rule(3, 'GROWTH', '2025-Q1'),
      rule(4, 'GROWTH', '2026'),
    ];
    expect(rulesInForce(rules, '2026-Q2').map((r) => r.id)).toEqual([1, 4]);
    expect(rulesInForce(rules, '2026-Q3').map((r) => r.id)).toEqual([2, 4]);
    expect(rulesInForce(rules, '2024-Q4').map((r) => r.id)).toEqual([]);
  });

  it('leaves out a kind switched off from a period, and prefers the newer row of one period', () => {
    expect(rulesInForce([rule(1, 'INTEGRITY', '2025-Q1'), rule(2, 'INTEGRITY', '2026-Q1', false)], '2026-Q2')).toEqual([]);
    expect(rulesInForce([rule(5, 'GROWTH', '2026-Q1'), rule(6, 'GROWTH', '2026Q1')], '2026-Q1').map((r) => r.id)).toEqual([6]);
  });
});

describe('meetsRule', () => {
  const m = (over: Partial<RetailerMeasures> = {}): RetailerMeasures => ({
    grade: 12,
    integrityLevel: 'AA',
    volume: 110,
    prevVolume: 100,
    share: 0.002,
    surveyComplete: true,
    settlementRate: null,
    priceCompliant: null,
    ...over,
  });

  it('integrity: the listed levels', () => {
    const rule = { kind: 'INTEGRITY' as const, params: { levels: ['AAA', 'AA'] } };
    expect(meetsRule(rule, m())).toBe(true);
    expect(meetsRule(rule, m({ integrityLevel: 'A' }))).toBe(false);
  });

  it('contribution: a share of volume, a grade, or both', () => {
    expect(meetsRule({ kind: 'CONTRIBUTION', params: { minShare: 0.001 } }, m())).toBe(true);
    expect(meetsRule({ kind: 'CONTRIBUTION', params: { minShare: 0.01 } }, m())).toBe(false);
    expect(meetsRule({ kind: 'CONTRIBUTION', params: { minGrade: 20 } }, m())).toBe(false);
    expect(meetsRule({ kind: 'CONTRIBUTION', params: { minGrade: 20 } }, m({ grade: 20 }))).toBe(true);
    expect(meetsRule({ kind: 'CONTRIBUTION', params: { minGrade: 20 } }, m({ grade: null }))).toBe(false);
    expect(meetsRule({ kind: 'CONTRIBUTION', params: {} }, m())).toBe(false);
  });

  it('growth: against the same dates a year before, not granted without them', () => {
    const rule = { kind: 'GROWTH' as const, params: { minGrowth: 0.1 } };
    expect(meetsRule(rule, m({ volume: 110, prevVolume: 100 }))).toBe(true);
    expect(meetsRule(rule, m({ volume: 109, prevVolume: 100 }))).toBe(false);
    expect(meetsRule(rule, m({ volume: 500, prevVolume: 0 }))).toBe(false);
  });

  it('surveys, settlement and price marking', () => {
    expect(meetsRule({ kind: 'SURVEY_COMPLETE', params: {} }, m())).toBe(true);
    expect(meetsRule({ kind: 'SURVEY_COMPLETE', params: {} }, m({ surveyComplete: false }))).toBe(false);
    expect(meetsRule({ kind: 'SETTLEMENT_RATE', params: { minRate: 0.98 } }, m())).toBe(false);
    expect(meetsRule({ kind: 'SETTLEMENT_RATE', params: { minRate: 0.98 } }, m({ settlementRate: 0.985 }))).toBe(true);
    expect(meetsRule({ kind: 'PRICE_COMPLIANCE', params: {} }, m({ priceCompliant: true }))).toBe(true);
    expect(meetsRule({ kind: 'PRICE_COMPLIANCE', params: {} }, m())).toBe(false);
  });

  it('parses each kind’s parameters and refuses what does not fit', () => {
    expect(parseRuleParams('SETTLEMENT_RATE', { minRate: 0.98 })).toEqual({ minRate: 0.98 });
    expect(parseRuleParams('SETTLEMENT_RATE', { minRate: 98 })).toBeNull();
    expect(parseRuleParams('INTEGRITY', { levels: ['AAA', 'Z'] })).toBeNull();
    expect(parseRuleParams('CONTRIBUTION', { minGrade: 20 })).toEqual({ minGrade: 20 });
  });
});
