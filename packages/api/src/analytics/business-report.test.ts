import { describe, expect, it } from 'vitest';
import { MIN_PEER_GROUP, percentChange, standingBand, summaryLines } from './business-report.rules';

describe('standing bands', () => {
  it('puts a rank in the band of the share of shops at or above it', () => {
    expect(standingBand(1, 40)).toBe('top10');
    expect(standingBand(4, 40)).toBe('top10');
    expect(standingBand(5, 40)).toBe('top25');
    expect(standingBand(10, 40)).toBe('top25');
    expect(standingBand(20, 40)).toBe('top50');
    expect(standingBand(21, 40)).toBe('bottom50');
    expect(standingBand(40, 40)).toBe('bottom50');
  });

  it('says nothing for a group too small to compare without pointing at someone, or without a rank', () => {
    expect(standingBand(1, MIN_PEER_GROUP - 1)).toBeNull();
    expect(standingBand(1, MIN_PEER_GROUP)).toBe('top25');
    expect(standingBand(null, 100)).toBeNull();
  });
});

describe('the summary', () => {
  it('compares with last month and last year, then gives the standing and a suggestion', () => {
    const lines = summaryLines({
      quantity: 120,
      previousQuantity: 100,
      lastYearQuantity: 150,
      standing: 'top25',
      suggestion: '利群（新版）',
    });
    expect(lines).toEqual([
      { key: 'report.summary.up', params: { quantity: 120, percent: 20 } },
      { key: 'report.summary.yearDown', params: { percent: 20 } },
      { key: 'report.summary.standing.top25', params: {} },
      { key: 'report.summary.suggestion', params: { product: '利群（新版）' } },
    ]);
  });

  it('says plainly when there is nothing to compare with, or no order at all', () => {
    expect(summaryLines({ quantity: 30, previousQuantity: 0, lastYearQuantity: 0, standing: null, suggestion: null })).toEqual([
      { key: 'report.summary.firstMonth', params: { quantity: 30 } },
    ]);
    expect(summaryLines({ quantity: 0, previousQuantity: 50, lastYearQuantity: 0, standing: 'top10', suggestion: 'x' })).toEqual([
      { key: 'report.summary.noOrders', params: {} },
    ]);
  });

  it('percent change is one decimal, and unknown from zero', () => {
    expect(percentChange(110, 90)).toBe(22.2);
    expect(percentChange(90, 110)).toBe(-18.2);
    expect(percentChange(5, 0)).toBeNull();
  });
});
