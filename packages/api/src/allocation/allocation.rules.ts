// Supply limits of domain.md §4: a policy holds, per product, limits in 条 for bands of grades
// (gradeFrom..gradeTo inclusive). A product with no row is unlimited, and so is a grade that none of
// its product's bands covers: that is why uncoveredGrades exists, for the editor to warn about gaps.

export const MIN_GRADE = 1;
export const MAX_GRADE = 30;

export type LimitBand = { productId: number; gradeFrom: number; gradeTo: number; limitQuantity: number };

/** The band that applies to a grade, or undefined: unlimited. */
export function limitForGrade<T extends LimitBand>(limits: readonly T[], productId: number, grade: number): T | undefined {
  return limits.find((row) => row.productId === productId && row.gradeFrom <= grade && grade <= row.gradeTo);
}

export type Allowance = {
  /** null: unlimited. */
  effectiveLimit: number | null;
  ordered: number;
  /** null: unlimited; otherwise never negative. */
  remaining: number | null;
  /** How far the orders already exceed the limit (imported orders, or a limit lowered after ordering). */
  overBy: number;
};

/**
 * limit: the band's quantity, or null/undefined for unlimited. adjustment: the sum of the retailer's
 * adjustments for the product in the cycle; it can lower a limit to 0 but not below, and it has
 * nothing to act on when the product is unlimited.
 */
export function remainingAllowance(input: { limit: number | null | undefined; adjustment?: number; ordered: number }): Allowance {
  const { limit, ordered } = input;
  if (limit === null || limit === undefined) return { effectiveLimit: null, ordered, remaining: null, overBy: 0 };
  const effectiveLimit = Math.max(0, limit + (input.adjustment ?? 0));
  return { effectiveLimit, ordered, remaining: Math.max(0, effectiveLimit - ordered), overBy: Math.max(0, ordered - effectiveLimit) };
}

/** Whether an order of `quantity` more fits what remains. */
export function fitsAllowance(allowance: Allowance, quantity: number): boolean {
  return allowance.remaining === null || quantity <= allowance.remaining;
}

export type BandErrorCode = 'GRADE_OUT_OF_RANGE' | 'GRADE_FROM_AFTER_TO' | 'LIMIT_INVALID' | 'BAND_OVERLAP';

/** `row` is the index in the input; for an overlap, `otherRow` is the earlier row it overlaps. */
export type BandError = { row: number; code: BandErrorCode; otherRow?: number };

const isGrade = (value: number): boolean => Number.isInteger(value) && value >= MIN_GRADE && value <= MAX_GRADE;

/**
 * Row-level errors of a policy's bands, in row order. Overlaps are checked only between rows whose
 * own range is valid, and reported once, on the later row.
 */
export function validateBands(rows: readonly LimitBand[]): BandError[] {
  const errors: BandError[] = [];
  const valid: { row: number; band: LimitBand }[] = [];
  rows.forEach((band, row) => {
    let rangeOk = true;
    if (!isGrade(band.gradeFrom) || !isGrade(band.gradeTo)) {
      errors.push({ row, code: 'GRADE_OUT_OF_RANGE' });
      rangeOk = false;
    } else if (band.gradeFrom > band.gradeTo) {
      errors.push({ row, code: 'GRADE_FROM_AFTER_TO' });
      rangeOk = false;
    }
    if (!Number.isInteger(band.limitQuantity) || band.limitQuantity < 0) errors.push({ row, code: 'LIMIT_INVALID' });
    if (!rangeOk) return;
    const other = valid.find(
      (v) => v.band.productId === band.productId && v.band.gradeFrom <= band.gradeTo && band.gradeFrom <= v.band.gradeTo,
    );
    if (other) errors.push({ row, code: 'BAND_OVERLAP', otherRow: other.row });
    valid.push({ row, band });
  });
  return errors;
}

/** Grades a limited product leaves unlimited (gaps between its bands); empty for an unlisted product. */
export function uncoveredGrades(rows: readonly LimitBand[], productId: number): number[] {
  const bands = rows.filter((row) => row.productId === productId);
  if (bands.length === 0) return [];
  const out: number[] = [];
  for (let grade = MIN_GRADE; grade <= MAX_GRADE; grade += 1) {
    if (!bands.some((band) => band.gradeFrom <= grade && grade <= band.gradeTo)) out.push(grade);
  }
  return out;
}

export type HistoryAdjustment = { cycleId: number; delta: number; createdAt: Date };

/**
 * What one published version of a cycle's policy gave a shop while it was in force, from its publication
 * until the next version's (`inForceUntil`, null while it is still the one in force): its band's limit
 * plus the shop's adjustments of that cycle made before it stopped being in force. An adjustment made
 * later belongs to the versions in force when it was made, never to an earlier one. No band: unlimited.
 */
export function limitInForce(
  version: { cycleId: number; limitQuantity: number | null; inForceUntil: Date | null },
  adjustments: readonly HistoryAdjustment[],
  now: Date,
): { adjustment: number; effectiveLimit: number | null } {
  const end = version.inForceUntil && version.inForceUntil < now ? version.inForceUntil : now;
  const adjustment = adjustments.filter((a) => a.cycleId === version.cycleId && a.createdAt < end).reduce((sum, a) => sum + a.delta, 0);
  return { adjustment, effectiveLimit: version.limitQuantity === null ? null : Math.max(0, version.limitQuantity + adjustment) };
}
