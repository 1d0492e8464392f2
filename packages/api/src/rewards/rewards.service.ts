import type { RedemptionState } from '@tobacco/db/enums';
import type { RetailerDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { getSetting } from '../admin/settings.service';
import { isUniqueViolation, writeRetailerAudit } from '../retailers/retailers.audit';
import { appendPointsEntry } from './rewards.ledger';
import { redemptionCost, tierProgress } from './rewards.rules';
import type { TLedgerInput, TRedeemInput } from './rewards.schema';

// Rewards as a retailer sees them (domain.md §7): balance, tier progress, the ledger with the rule behind
// each entry, the catalogue, and redemption.

export async function getMyRewards({ db, actor }: RetailerDeps) {
  const [retailer, tiers, items, pending] = await Promise.all([
    db.retailer.findUnique({ where: { id: actor.retailerId }, select: { pointsBalance: true } }),
    getSetting(db, 'rewards.tiers'),
    db.rewardItem.findMany({
      where: { active: true },
      orderBy: [{ points: 'asc' }, { id: 'asc' }],
      take: 100,
      select: { id: true, name: true, nameEn: true, description: true, kind: true, points: true, stock: true },
    }),
    db.redemption.findMany({
      where: { retailerId: actor.retailerId },
      orderBy: { createdAt: 'desc' },
      take: 10,
      select: {
        id: true,
        points: true,
        quantity: true,
        state: true,
        createdAt: true,
        handledAt: true,
        note: true,
        item: { select: { name: true, nameEn: true } },
      },
    }),
  ]);
  if (!retailer) throw notFound();
  return { balance: retailer.pointsBalance, progress: tierProgress(retailer.pointsBalance, tiers), tiers, items, redemptions: pending };
}

export async function listMyLedger({ db, actor }: RetailerDeps, input: TLedgerInput) {
  const where = { retailerId: actor.retailerId };
  const [total, items] = await Promise.all([
    db.pointsEntry.count({ where }),
    db.pointsEntry.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        points: true,
        balanceAfter: true,
        reason: true,
        note: true,
        createdAt: true,
        rule: { select: { name: true, nameEn: true, kind: true } },
        run: { select: { periodCode: true } },
        redemption: { select: { id: true, state: true, item: { select: { name: true, nameEn: true } } } },
      },
    }),
  ]);
  return { items, total, page: input.page, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}

const redemptionSelect = { id: true, itemId: true, quantity: true, points: true, state: true, createdAt: true, retailerId: true } as const;

/**
 * Redeems an item: stock, the redemption and the ledger entry move in one transaction, or nothing does.
 * The client's idempotency key is unique in the table, so a double click or a second tab that sends the
 * same key gets the first redemption back instead of a second one.
 */
export async function redeem({ db, actor, clock }: RetailerDeps, input: TRedeemInput) {
  const quantity = input.quantity ?? 1;
  const existing = await db.redemption.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: redemptionSelect });
  if (existing) return replay(existing, actor.retailerId);
  try {
    return await db.$transaction(async (tx) => {
      const item = await tx.rewardItem.findFirst({
        where: { id: input.itemId, active: true },
        select: { id: true, name: true, points: true },
      });
      if (!item) throw notFound();
      const cost = redemptionCost(item.points, quantity);
      const taken = await tx.rewardItem.updateMany({
        where: { id: item.id, active: true, stock: { gte: quantity } },
        data: { stock: { decrement: quantity } },
      });
      if (taken.count === 0) throw new DomainError('LIMIT_EXCEEDED', 'rewards.errors.outOfStock');
      const redemption = await tx.redemption.create({
        data: {
          retailerId: actor.retailerId,
          itemId: item.id,
          quantity,
          points: cost,
          idempotencyKey: input.idempotencyKey,
          createdAt: clock(),
        },
        select: redemptionSelect,
      });
      // Throws LIMIT_EXCEEDED when the balance does not cover it, which rolls back the stock and the redemption.
      const entry = await appendPointsEntry(tx, {
        retailerId: actor.retailerId,
        points: -cost,
        reason: 'REDEMPTION',
        redemptionId: redemption.id,
        note: item.name,
      });
      await writeRetailerAudit(tx, actor, {
        action: 'rewards.redeem',
        entityType: 'Redemption',
        entityId: redemption.id,
        after: { itemId: item.id, quantity, points: cost, balanceAfter: entry.balanceAfter },
      });
      return { ...strip(redemption), balanceAfter: entry.balanceAfter, replayed: false };
    });
  } catch (error) {
    // Two requests with one key raced: the loser waited on the unique index and now reads the winner's.
    if (isUniqueViolation(error)) {
      const winner = await db.redemption.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: redemptionSelect });
      if (winner) return replay(winner, actor.retailerId);
    }
    throw error;
  }
}

type RedemptionRow = {
  id: number;
  itemId: number;
  quantity: number;
  points: number;
  state: RedemptionState;
  createdAt: Date;
  retailerId: number;
};

function strip({ retailerId: _r, ...rest }: RedemptionRow) {
  return rest;
}

function replay(existing: RedemptionRow, retailerId: number) {
  // A key is only ever the caller's own; another shop's key answers as if it did not exist.
  if (existing.retailerId !== retailerId) throw notFound();
  return { ...strip(existing), balanceAfter: null, replayed: true };
}
