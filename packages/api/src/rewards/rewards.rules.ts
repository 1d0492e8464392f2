// Points rules of domain.md §7 that need no database: tiers, what a redemption costs, and the key that
// makes a period's run happen once.

export type RewardTier = { name: string; nameEn: string; minPoints: number };

export type TierProgress<T extends RewardTier> = {
  /** The highest tier reached; null only when an admin set the lowest tier above 0 and the balance is below it. */
  current: T | null;
  next?: T;
  /** 0 at the top tier. */
  pointsToNext: number;
  /** Progress from the current tier's threshold to the next one's, 0..1; 1 at the top tier. */
  ratio: number;
};

/** Tiers may come in any order (the settings editor does not sort them); the balance is never negative in the ledger. */
export function tierProgress<T extends RewardTier>(balance: number, tiers: readonly T[]): TierProgress<T> {
  const points = Math.max(0, balance);
  const sorted = [...tiers].sort((a, b) => a.minPoints - b.minPoints);
  const current = sorted.filter((tier) => tier.minPoints <= points).at(-1) ?? null;
  const next = sorted.find((tier) => tier.minPoints > points);
  if (!next) return { current, pointsToNext: 0, ratio: 1 };
  const floor = current?.minPoints ?? 0;
  const ratio = Math.min(1, Math.max(0, (points - floor) / (next.minPoints - floor)));
  return { current, next, pointsToNext: next.minPoints - points, ratio };
}

/** Points for `quantity` of an item costing `points` each; throws for a quantity that is not a whole number ≥ 1. */
export function redemptionCost(points: number, quantity: number): number {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`A quantity is a whole number of at least 1: ${quantity}`);
  if (!Number.isInteger(points) || points < 0) throw new RangeError(`An item's points are a whole number ≥ 0: ${points}`);
  return points * quantity;
}

/** Whether the balance covers the redemption; false, not an error, for a bad quantity (it comes from a form). */
export function canRedeem(balance: number, points: number, quantity: number): boolean {
  if (!Number.isInteger(quantity) || quantity < 1 || !Number.isInteger(points) || points < 0) return false;
  return redemptionCost(points, quantity) <= balance;
}

// A year, a half (H1/H2), a quarter (Q1–Q4) or a month.
const PERIOD_RE = /^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

/**
 * The idempotency key of a period's reward run. One key per period, whatever the spelling typed
 * ('2026-q1 ' and '2026-Q1' are one run), so a second run of the same period is refused.
 */
export function rewardRunKey(periodCode: string): string {
  const code = periodCode.trim().toUpperCase();
  if (!PERIOD_RE.test(code)) throw new RangeError(`Not a period code (YYYY, YYYY-H1, YYYY-Q1 or YYYY-MM): ${periodCode}`);
  return `rewards:run:${code}`;
}
