import type { DbTx } from '@tobacco/db/client';
import type { PointsReason } from '@tobacco/db/enums';
import { DomainError } from '../errors';

// The only code that writes the points ledger (domain.md §7). The balance on Retailer is the sum of the
// ledger, kept in step here: one conditional UPDATE moves it and locks the retailer's row, so concurrent
// entries for one shop queue behind each other and the balance can never go below zero (the CHECKs on
// Retailer.pointsBalance and PointsEntry.balanceAfter are the last line). Callers pass their transaction.

export type PointsEntryInput = {
  retailerId: number;
  /** Positive grants, negative spends; never 0. */
  points: number;
  reason: PointsReason;
  ruleId?: number | null;
  runId?: number | null;
  redemptionId?: number | null;
  note?: string | null;
};

export type AppendedPointsEntry = { id: number; balanceAfter: number };

/**
 * Appends one entry and moves the balance in the caller's transaction.
 * Throws LIMIT_EXCEEDED (rewards.errors.notEnoughPoints) when the balance would go negative, and
 * NOT_FOUND for an unknown retailer; nothing is written in either case.
 */
export async function appendPointsEntry(tx: DbTx, input: PointsEntryInput): Promise<AppendedPointsEntry> {
  if (!Number.isInteger(input.points) || input.points === 0)
    throw new RangeError(`Points must be a non-zero whole number: ${input.points}`);
  const moved = await tx.$queryRaw<{ pointsBalance: number }[]>`
    UPDATE "Retailer" SET "pointsBalance" = "pointsBalance" + ${input.points}, "updatedAt" = now()
    WHERE "id" = ${input.retailerId} AND "pointsBalance" + ${input.points} >= 0
    RETURNING "pointsBalance"`;
  const row = moved[0];
  if (!row) {
    const exists = await tx.retailer.findUnique({ where: { id: input.retailerId }, select: { pointsBalance: true } });
    if (!exists) throw new DomainError('NOT_FOUND');
    throw new DomainError('LIMIT_EXCEEDED', 'rewards.errors.notEnoughPoints', { balance: exists.pointsBalance, needed: -input.points });
  }
  const entry = await tx.pointsEntry.create({
    data: {
      retailerId: input.retailerId,
      points: input.points,
      balanceAfter: row.pointsBalance,
      reason: input.reason,
      ruleId: input.ruleId ?? null,
      runId: input.runId ?? null,
      redemptionId: input.redemptionId ?? null,
      note: input.note ?? null,
    },
    select: { id: true, balanceAfter: true },
  });
  return entry;
}
