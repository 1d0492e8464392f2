import { describe, it, expect } from 'vitest';
import {
  fitsAllowance,
  limitForGrade,
  limitInForce,
  remainingAllowance,
  uncoveredGrades,
  validateBands,
  type LimitBand,
} from './allocation.rules';

const band = (productId: number, gradeFrom: number, gradeTo: number, limitQuantity: number): LimitBand => ({
  productId,
  gradeFrom,
  gradeTo,
  limitQuantity,
});

// Product 1 (scarce): three bands covering 1–30. Product 2: only the top grades are limited.
const policy = [band(1, 1, 10, 2), band(1, 11, 20, 5), band(1, 21, 30, 10), band(2, 25, 30, 3)];

describe('limitForGrade', () => {
  it.each([
    [1, 1, 2],
    [1, 10, 2],
    [1, 11, 5],
    [1, 20, 5],
    [1, 21, 10],
    [1, 30, 10],
    [2, 25, 3],
    [2, 30, 3],
  ])('product %i, grade %i → limit %i', (productId, grade, limit) => {
    expect(limitForGrade(policy, productId, grade)?.limitQuantity).toBe(limit);
  });

  it('is unlimited for a product with no row', () => {
    expect(limitForGrade(policy, 3, 15)).toBeUndefined();
  });

  it('is unlimited for a grade no band of its product covers', () => {
    expect(limitForGrade(policy, 2, 24)).toBeUndefined();
    expect(limitForGrade(policy, 2, 1)).toBeUndefined();
  });

  it('returns the row itself, with any extra fields', () => {
    const rows = [{ ...band(5, 1, 30, 4), id: 77 }];
    expect(limitForGrade(rows, 5, 12)).toBe(rows[0]);
  });

  it('finds nothing in an empty policy', () => {
    expect(limitForGrade([], 1, 1)).toBeUndefined();
  });
});

describe('remainingAllowance', () => {
  it('limit − ordered', () => {
    expect(remainingAllowance({ limit: 10, ordered: 4 })).toEqual({ effectiveLimit: 10, ordered: 4, remaining: 6, overBy: 0 });
  });

  it('nothing ordered yet', () => {
    expect(remainingAllowance({ limit: 10, adjustment: 0, ordered: 0 })).toEqual({
      effectiveLimit: 10,
      ordered: 0,
      remaining: 10,
      overBy: 0,
    });
  });

  it('exactly used up', () => {
    expect(remainingAllowance({ limit: 5, ordered: 5 })).toEqual({ effectiveLimit: 5, ordered: 5, remaining: 0, overBy: 0 });
  });

  it('an adjustment raises the limit', () => {
    expect(remainingAllowance({ limit: 5, adjustment: 3, ordered: 6 })).toEqual({ effectiveLimit: 8, ordered: 6, remaining: 2, overBy: 0 });
  });

  it('an adjustment lowers it, never below 0', () => {
    expect(remainingAllowance({ limit: 5, adjustment: -2, ordered: 1 })).toEqual({
      effectiveLimit: 3,
      ordered: 1,
      remaining: 2,
      overBy: 0,
    });
    expect(remainingAllowance({ limit: 5, adjustment: -9, ordered: 0 })).toEqual({
      effectiveLimit: 0,
      ordered: 0,
      remaining: 0,
      overBy: 0,
    });
  });

  it('orders above the limit: remaining 0, and by how much', () => {
    expect(remainingAllowance({ limit: 5, adjustment: -2, ordered: 4 })).toEqual({
      effectiveLimit: 3,
      ordered: 4,
      remaining: 0,
      overBy: 1,
    });
  });

  it('unlimited (no band): no limit, no remaining, never over; adjustments have nothing to act on', () => {
    expect(remainingAllowance({ limit: undefined, adjustment: 5, ordered: 40 })).toEqual({
      effectiveLimit: null,
      ordered: 40,
      remaining: null,
      overBy: 0,
    });
    expect(remainingAllowance({ limit: null, ordered: 0 })).toEqual({ effectiveLimit: null, ordered: 0, remaining: null, overBy: 0 });
  });

  it('a limit of 0 (a product withheld from a band)', () => {
    expect(remainingAllowance({ limit: 0, ordered: 0 })).toEqual({ effectiveLimit: 0, ordered: 0, remaining: 0, overBy: 0 });
  });

  it('composes with limitForGrade', () => {
    expect(remainingAllowance({ limit: limitForGrade(policy, 1, 15)?.limitQuantity, ordered: 2 }).remaining).toBe(3);
    expect(remainingAllowance({ limit: limitForGrade(policy, 3, 15)?.limitQuantity, ordered: 2 }).remaining).toBeNull();
  });
});

describe('fitsAllowance', () => {
  it('within, at and beyond what remains', () => {
    const allowance = remainingAllowance({ limit: 10, ordered: 7 });
    expect(fitsAllowance(allowance, 2)).toBe(true);
    expect(fitsAllowance(allowance, 3)).toBe(true);
    expect(fitsAllowance(allowance, 4)).toBe(false);
  });

  it('anything fits when unlimited', () => {
    expect(fitsAllowance(remainingAllowance({ limit: undefined, ordered: 500 }), 1000)).toBe(true);
  });
});

describe('validateBands', () => {
  it('accepts a valid policy, bands of several products, and an empty one', () => {
    expect(validateBands(policy)).toEqual([]);
    expect(validateBands([])).toEqual([]);
  });

  it('accepts one band for all grades and single-grade bands', () => {
    expect(validateBands([band(1, 1, 30, 0), band(2, 7, 7, 1), band(2, 8, 8, 2)])).toEqual([]);
  });

  it.each([
    ['gradeFrom 0', band(1, 0, 5, 1)],
    ['gradeTo 31', band(1, 5, 31, 1)],
    ['a fractional grade', band(1, 1.5, 5, 1)],
    ['a negative grade', band(1, -1, 5, 1)],
  ])('GRADE_OUT_OF_RANGE: %s', (_label, row) => {
    expect(validateBands([row])).toEqual([{ row: 0, code: 'GRADE_OUT_OF_RANGE' }]);
  });

  it('GRADE_FROM_AFTER_TO', () => {
    expect(validateBands([band(1, 12, 11, 1)])).toEqual([{ row: 0, code: 'GRADE_FROM_AFTER_TO' }]);
  });

  it.each([
    ['negative', -1],
    ['fractional', 2.5],
    ['not a number', Number.NaN],
  ])('LIMIT_INVALID: %s', (_label, limit) => {
    expect(validateBands([band(1, 1, 30, limit)])).toEqual([{ row: 0, code: 'LIMIT_INVALID' }]);
  });

  it('BAND_OVERLAP on the later row, naming the earlier one', () => {
    expect(validateBands([band(1, 1, 10, 2), band(1, 11, 20, 5), band(1, 20, 30, 10)])).toEqual([
      { row: 2, code: 'BAND_OVERLAP', otherRow: 1 },
    ]);
  });

  it('BAND_OVERLAP for a band inside another, and for the same band twice', () => {
    expect(validateBands([band(1, 1, 30, 2), band(1, 5, 6, 5)])).toEqual([{ row: 1, code: 'BAND_OVERLAP', otherRow: 0 }]);
    expect(validateBands([band(1, 3, 3, 2), band(1, 3, 3, 2)])).toEqual([{ row: 1, code: 'BAND_OVERLAP', otherRow: 0 }]);
  });

  it('the same grades for different products do not overlap', () => {
    expect(validateBands([band(1, 1, 30, 2), band(2, 1, 30, 2)])).toEqual([]);
  });

  it('does not report overlaps against a row whose range is itself invalid', () => {
    expect(validateBands([band(1, 10, 5, 2), band(1, 1, 30, 2)])).toEqual([{ row: 0, code: 'GRADE_FROM_AFTER_TO' }]);
  });

  it('reports several errors of one row and of several rows, in row order', () => {
    expect(validateBands([band(1, 0, 40, -1), band(2, 1, 10, 1), band(2, 5, 15, 1), band(2, 16, 15, 1)])).toEqual([
      { row: 0, code: 'GRADE_OUT_OF_RANGE' },
      { row: 0, code: 'LIMIT_INVALID' },
      { row: 2, code: 'BAND_OVERLAP', otherRow: 1 },
      { row: 3, code: 'GRADE_FROM_AFTER_TO' },
    ]);
  });
});

describe('uncoveredGrades', () => {
  it('lists the gaps a limited product leaves unlimited', () => {
    expect(uncoveredGrades([band(1, 1, 10, 2), band(1, 21, 30, 5)], 1)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(uncoveredGrades(policy, 2)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('is empty when the bands cover 1–30, or the product has no band at all', () => {
    expect(uncoveredGrades(policy, 1)).toEqual([]);
    expect(uncoveredGrades(policy, 9)).toEqual([]);
  });
});

describe('limitInForce (the limit history)', () => {
  const at = (iso: string) => new Date(`${iso}:00+08:00`);
  const now = at('2026-12-04T18:00');
  const adjustments = [
    { cycleId: 1, delta: 3, createdAt: at('2026-11-30T09:00') },
    { cycleId: 1, delta: -5, createdAt: at('2026-12-02T10:00') },
    { cycleId: 2, delta: 7, createdAt: at('2026-11-30T09:00') },
  ];

  it('shows a superseded version with the adjustments made while it was in force, not today’s total', () => {
    const v1 = { cycleId: 1, limitQuantity: 6, inForceUntil: at('2026-12-01T12:00') };
    expect(limitInForce(v1, adjustments, now)).toEqual({ adjustment: 3, effectiveLimit: 9 });
  });

  it('shows the version in force with every adjustment of its cycle so far', () => {
    const v2 = { cycleId: 1, limitQuantity: 6, inForceUntil: null };
    expect(limitInForce(v2, adjustments, now)).toEqual({ adjustment: -2, effectiveLimit: 4 });
  });

  it('counts an adjustment made at the very moment of the next version for the next version', () => {
    const v1 = { cycleId: 1, limitQuantity: 6, inForceUntil: at('2026-12-02T10:00') };
    expect(limitInForce(v1, adjustments, now).adjustment).toBe(3);
  });

  it('ignores other cycles’ adjustments and adjustments not made yet', () => {
    const later = [...adjustments, { cycleId: 1, delta: 100, createdAt: at('2026-12-05T09:00') }];
    expect(limitInForce({ cycleId: 1, limitQuantity: 6, inForceUntil: null }, later, now).adjustment).toBe(-2);
  });

  it('never goes below zero, and a version without a band stays unlimited', () => {
    expect(limitInForce({ cycleId: 1, limitQuantity: 1, inForceUntil: null }, adjustments, now)).toEqual({
      adjustment: -2,
      effectiveLimit: 0,
    });
    expect(limitInForce({ cycleId: 1, limitQuantity: null, inForceUntil: null }, adjustments, now)).toEqual({
      adjustment: -2,
      effectiveLimit: null,
    });
  });
});
