import { describe, it, expect } from 'vitest';
import { SETTINGS } from '../admin/settings.registry';
import { canRedeem, redemptionCost, rewardRunKey, tierProgress, type RewardTier } from './rewards.rules';

// The registry's default tiers: 普通 0, 银卡 1000, 金卡 3000, 钻石 8000.
const tiers: RewardTier[] = SETTINGS['rewards.tiers'].default;
const [member, silver, gold, diamond] = tiers;

describe('tierProgress with the default tiers', () => {
  it('starts every retailer at the entry tier', () => {
    expect(tierProgress(0, tiers)).toEqual({ current: member, next: silver, pointsToNext: 1000, ratio: 0 });
  });

  it('part way to the next tier', () => {
    expect(tierProgress(250, tiers)).toEqual({ current: member, next: silver, pointsToNext: 750, ratio: 0.25 });
    expect(tierProgress(2000, tiers)).toEqual({ current: silver, next: gold, pointsToNext: 1000, ratio: 0.5 });
  });

  it('exactly on a threshold belongs to that tier, at the start of its way up', () => {
    expect(tierProgress(1000, tiers)).toEqual({ current: silver, next: gold, pointsToNext: 2000, ratio: 0 });
    expect(tierProgress(3000, tiers)).toEqual({ current: gold, next: diamond, pointsToNext: 5000, ratio: 0 });
  });

  it('one point short of the next tier', () => {
    const progress = tierProgress(7999, tiers);
    expect(progress.current).toBe(gold);
    expect(progress.pointsToNext).toBe(1);
    expect(progress.ratio).toBeCloseTo(4999 / 5000);
  });

  it('at and beyond the top tier: no next, nothing to go, ratio 1', () => {
    expect(tierProgress(8000, tiers)).toEqual({ current: diamond, pointsToNext: 0, ratio: 1 });
    expect(tierProgress(123_456, tiers)).toEqual({ current: diamond, pointsToNext: 0, ratio: 1 });
  });

  it('treats a negative balance as 0', () => {
    expect(tierProgress(-5, tiers)).toEqual({ current: member, next: silver, pointsToNext: 1000, ratio: 0 });
  });
});

describe('tierProgress with other tier tables', () => {
  it('accepts tiers in any order', () => {
    const shuffled = [...tiers].reverse();
    expect(tierProgress(2000, shuffled)).toEqual({ current: silver, next: gold, pointsToNext: 1000, ratio: 0.5 });
  });

  it('below a lowest tier set above 0: no current tier, progress towards the first', () => {
    const high: RewardTier[] = [
      { name: '铜卡', nameEn: 'Bronze', minPoints: 200 },
      { name: '银卡', nameEn: 'Silver', minPoints: 1000 },
    ];
    expect(tierProgress(50, high)).toEqual({ current: null, next: high[0], pointsToNext: 150, ratio: 0.25 });
  });

  it('a single tier is always the top', () => {
    const single: RewardTier[] = [{ name: '会员', nameEn: 'Member', minPoints: 0 }];
    expect(tierProgress(10, single)).toEqual({ current: single[0], pointsToNext: 0, ratio: 1 });
  });

  it('two tiers at the same threshold: the later one is current, neither is next', () => {
    const twins: RewardTier[] = [
      { name: 'A', nameEn: 'A', minPoints: 0 },
      { name: 'B', nameEn: 'B', minPoints: 500 },
      { name: 'C', nameEn: 'C', minPoints: 500 },
      { name: 'D', nameEn: 'D', minPoints: 900 },
    ];
    expect(tierProgress(600, twins)).toMatchObject({ current: twins[2], next: twins[3], pointsToNext: 300 });
    expect(tierProgress(100, twins)).toMatchObject({ current: twins[0], next: twins[1], pointsToNext: 400 });
  });

  it('keeps extra fields of the tier objects', () => {
    const withIds = tiers.map((tier, id) => ({ ...tier, id }));
    expect(tierProgress(3500, withIds).current?.id).toBe(2);
  });
});

describe('redemptions', () => {
  it('costs points × quantity', () => {
    expect(redemptionCost(300, 1)).toBe(300);
    expect(redemptionCost(300, 4)).toBe(1200);
    expect(redemptionCost(0, 3)).toBe(0);
  });

  it('refuses a bad quantity or price when costing', () => {
    for (const quantity of [0, -1, 1.5]) expect(() => redemptionCost(100, quantity)).toThrow(RangeError);
    for (const points of [-1, 2.5]) expect(() => redemptionCost(points, 1)).toThrow(RangeError);
  });

  it('can redeem when the balance covers the cost, exactly or more', () => {
    expect(canRedeem(1200, 300, 4)).toBe(true);
    expect(canRedeem(5000, 300, 4)).toBe(true);
    expect(canRedeem(0, 0, 1)).toBe(true);
  });

  it('cannot redeem one point short', () => {
    expect(canRedeem(1199, 300, 4)).toBe(false);
    expect(canRedeem(0, 1, 1)).toBe(false);
  });

  it('says no, without throwing, for a bad quantity or price from a form', () => {
    expect(canRedeem(10_000, 100, 0)).toBe(false);
    expect(canRedeem(10_000, 100, -2)).toBe(false);
    expect(canRedeem(10_000, 100, 1.5)).toBe(false);
    expect(canRedeem(10_000, -100, 1)).toBe(false);
  });
});

describe('rewardRunKey', () => {
  it.each([
    ['2026', 'rewards:run:2026'],
    ['2026-H1', 'rewards:run:2026-H1'],
    ['2026-Q1', 'rewards:run:2026-Q1'],
    ['2026-Q4', 'rewards:run:2026-Q4'],
    ['2026-01', 'rewards:run:2026-01'],
    ['2026-12', 'rewards:run:2026-12'],
  ])('%s → %s', (code, key) => {
    expect(rewardRunKey(code)).toBe(key);
  });

  it('is one key for one period however it was typed', () => {
    expect(rewardRunKey(' 2026-q3 ')).toBe(rewardRunKey('2026-Q3'));
    expect(rewardRunKey('2026-h2')).toBe('rewards:run:2026-H2');
  });

  it('differs between periods', () => {
    expect(rewardRunKey('2026-Q1')).not.toBe(rewardRunKey('2026-Q2'));
    expect(rewardRunKey('2026-01')).not.toBe(rewardRunKey('2027-01'));
  });

  it.each(['', '26-Q1', '2026-Q5', '2026-Q0', '2026-13', '2026-00', '2026-H3', '2026Q1', '2026-1', 'Q1-2026'])('refuses %j', (code) => {
    expect(() => rewardRunKey(code)).toThrow(RangeError);
  });
});
