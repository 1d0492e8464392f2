import { describe, expect, it } from 'vitest';
import { activeMonths, analysisWindow, capabilityOf, orderDaysInMonth, percentileBands, type ProfileSums } from './business-analysis.rules';
import { commentWindow, COMMENT_OPEN_MONTHS } from './report-comment.rules';
import { standingBand } from './business-report.rules';

const zero: ProfileSums = {
  quantityTiao: 0,
  amountFen: 0,
  productMonths: 0,
  orderMonths: 0,
  premiumTiao: 0,
  cyclesOrdered: 0,
  intervalCount: 0,
  intervalSumDays: 0,
  intervalSqDays: 0,
};

describe('the analysis window', () => {
  it('is the twelve months ending with the report month, across a year end', () => {
    const w = analysisWindow('2026-03');
    expect(w).toHaveLength(12);
    expect(w[0]).toBe('2025-04');
    expect(w[11]).toBe('2026-03');
  });

  it('measures a shop from the month it opened, or its earlier first order', () => {
    const w = analysisWindow('2026-06');
    expect(activeMonths(w, '2020-01', null)).toHaveLength(12);
    expect(activeMonths(w, '2026-04', null)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(activeMonths(w, '2026-04', '2026-03')).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
    // Opened after the window: nothing to measure.
    expect(activeMonths(w, '2026-09', null)).toEqual([]);
  });
});

describe('order days in a month', () => {
  it('counts a weekday’s occurrences', () => {
    // December 2026 starts on a Tuesday: five Tuesdays, Wednesdays and Thursdays, four of the rest.
    expect(orderDaysInMonth('2026-12', 2)).toBe(5);
    expect(orderDaysInMonth('2026-12', 4)).toBe(5);
    expect(orderDaysInMonth('2026-12', 5)).toBe(4);
    expect(orderDaysInMonth('2026-12', 1)).toBe(4);
    // February 2026 (28 days): four of each.
    for (let d = 1; d <= 7; d++) expect(orderDaysInMonth('2026-02', d)).toBe(4);
    // February 2028 (leap year, starts on a Tuesday): five Tuesdays.
    expect(orderDaysInMonth('2028-02', 2)).toBe(5);
  });
});

describe('the capability profile', () => {
  it('averages volume and amount over the active months, variety over the months with an order', () => {
    const c = capabilityOf(
      { ...zero, quantityTiao: 300, amountFen: 3_000_000, productMonths: 30, orderMonths: 2, premiumTiao: 75 },
      ['2026-11', '2026-12', '2027-01'],
      2,
    )!;
    expect(c.activeMonths).toBe(3);
    expect(c.volumePerMonth).toBe(100);
    expect(c.amountFenPerMonth).toBe(1_000_000);
    expect(c.variety).toBe(15);
    expect(c.premiumShare).toBe(25);
  });

  it('regularity is the share of order days with an order, capped at 100 %', () => {
    // December 2026 has 5 Tuesdays.
    expect(capabilityOf({ ...zero, cyclesOrdered: 4 }, ['2026-12'], 2)!.regularity).toBe(80);
    expect(capabilityOf({ ...zero, cyclesOrdered: 5 }, ['2026-12'], 2)!.regularity).toBe(100);
    // A cycle ordered on another day than the order day can push the count over: never above 100 %.
    expect(capabilityOf({ ...zero, cyclesOrdered: 6 }, ['2026-12'], 2)!.regularity).toBe(100);
    expect(capabilityOf(zero, ['2026-12'], 2)!.regularity).toBe(0);
  });

  it('the spread of intervals is the standard deviation from the sums, and needs two gaps', () => {
    // Gaps of 7, 7, 14 days: mean 9.33, sd √(294/3 − 87.1) = 3.3.
    const c = capabilityOf({ ...zero, intervalCount: 3, intervalSumDays: 28, intervalSqDays: 49 + 49 + 196 }, ['2026-12'], 2)!;
    expect(c.intervals).toEqual({ meanDays: 9.3, sdDays: 3.3 });
    // Weekly like clockwork: no spread.
    expect(capabilityOf({ ...zero, intervalCount: 4, intervalSumDays: 28, intervalSqDays: 196 }, ['2026-12'], 2)!.intervals).toEqual({
      meanDays: 7,
      sdDays: 0,
    });
    expect(capabilityOf({ ...zero, intervalCount: 1, intervalSumDays: 7, intervalSqDays: 49 }, ['2026-12'], 2)!.intervals).toBeNull();
  });

  it('says "no figure" rather than 0 % or NaN for a shop without orders, and nothing for a shop not yet open', () => {
    const c = capabilityOf(zero, ['2026-12'], 2)!;
    expect(c.volumePerMonth).toBe(0);
    expect(c.variety).toBeNull();
    expect(c.premiumShare).toBeNull();
    expect(c.intervals).toBeNull();
    expect(capabilityOf(zero, [], 2)).toBeNull();
    expect(JSON.stringify(c)).not.toContain('NaN');
  });
});

describe('percentile bands among peers', () => {
  const group = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const bandOf = (value: number | null, values: (number | null)[]) => percentileBands([value, ...values])[0];

  it('places a value by the share of the group at or above it', () => {
    expect(percentileBands(group)).toEqual([
      'bottom50',
      'bottom50',
      'bottom50',
      'bottom50',
      'bottom50',
      'top50',
      'top50',
      'top50',
      'top25',
      'top10',
    ]);
  });

  it('counts ties in the shop’s favour', () => {
    expect(percentileBands([5, 5, 5, 5, 5])).toEqual(['top25', 'top25', 'top25', 'top25', 'top25']);
  });

  it('leaves out shops without the figure and says nothing for a group under five', () => {
    expect(percentileBands([3, 1, 2, 4, null, null])).toEqual([null, null, null, null, null, null]);
    expect(bandOf(5, [1, 2, 3, 4, null])).toBe('top25');
    expect(bandOf(null, group)).toBeNull();
    // A district with one shop: no comparison.
    expect(percentileBands([42])).toEqual([null]);
  });

  it('gives every shop the band of its rank (1 + the strictly better values), whatever the order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values = Array.from({ length: 500 }, () => (random() < 0.1 ? null : Math.round(random() * 50)));
    const known = values.filter((v): v is number => v !== null);
    const expected = values.map((v) => (v === null ? null : standingBand(1 + known.filter((k) => k > v).length, known.length)));
    expect(percentileBands(values)).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set([null, 'top10', 'top25', 'top50', 'bottom50']));
  });
});

describe('the commentary window', () => {
  const at = (iso: string) => new Date(iso);

  it('is open from the end of the month until the end of the second month after it, China time', () => {
    expect(COMMENT_OPEN_MONTHS).toBe(2);
    // 1 June 00:30 in China is still 31 May in UTC: May is over.
    expect(commentWindow('2026-05', at('2026-05-31T16:30:00Z'))).toEqual({ open: true, reason: 'open', until: '2026-07' });
    expect(commentWindow('2026-05', at('2026-07-31T15:59:00Z')).open).toBe(true);
    // 1 August 00:00 in China.
    expect(commentWindow('2026-05', at('2026-07-31T16:00:00Z'))).toEqual({ open: false, reason: 'closed', until: '2026-07' });
  });

  it('is not open for a month that has not ended', () => {
    expect(commentWindow('2026-05', at('2026-05-20T04:00:00Z'))).toMatchObject({ open: false, reason: 'notClosed' });
    expect(commentWindow('2026-12', at('2026-12-31T15:59:00Z'))).toMatchObject({ open: false, reason: 'notClosed' });
    expect(commentWindow('2026-12', at('2026-12-31T16:00:00Z'))).toMatchObject({ open: true });
  });
});
