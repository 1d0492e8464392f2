import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createRewardItem } from '../testing/portal-fixtures';
import { appendPointsEntry } from './rewards.ledger';

const db = testDb();
let passwordHash: string;
let districtId: number;
let n = 0;
const key = () => `test-key-${process.pid}-${Date.now()}-${(n += 1)}`;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
});

async function shopWithPoints(points: number) {
  const shop = await createRetailer(db, { districtId, passwordHash });
  if (points > 0) await db.$transaction((tx) => appendPointsEntry(tx, { retailerId: shop.id, points, reason: 'MANUAL', note: '测试' }));
  return shop;
}

describe('rewards.ledger (appendPointsEntry)', () => {
  it('keeps the balance in step and refuses to go below zero', async () => {
    const shop = await shopWithPoints(100);
    await expect(
      db.$transaction((tx) => appendPointsEntry(tx, { retailerId: shop.id, points: -101, reason: 'MANUAL' })),
    ).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', messageKey: 'rewards.errors.notEnoughPoints' });
    const entry = await db.$transaction((tx) => appendPointsEntry(tx, { retailerId: shop.id, points: -100, reason: 'MANUAL' }));
    expect(entry.balanceAfter).toBe(0);
    expect((await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).pointsBalance).toBe(0);
  });
});

describe('rewards.mine, rewards.ledger', () => {
  it('shows balance, tier progress, the catalogue and each entry with its reason', async () => {
    const shop = await shopWithPoints(1200);
    const caller = portalCallerFor(db, retailerActor(shop));
    const mine = await caller.rewards.mine();
    expect(mine.balance).toBe(1200);
    expect(mine.progress).toMatchObject({ current: { minPoints: 1000 }, next: { minPoints: 3000 }, pointsToNext: 1800 });
    const ledger = await caller.rewards.ledger({});
    expect(ledger.items).toHaveLength(1);
    expect(ledger.items[0]).toMatchObject({ points: 1200, balanceAfter: 1200, reason: 'MANUAL' });
  });
});

describe('rewards.redeem', () => {
  it('redeems: stock, redemption and ledger entry in one go', async () => {
    const shop = await shopWithPoints(500);
    const item = await createRewardItem(db, { points: 150, stock: 3 });
    const done = await portalCallerFor(db, retailerActor(shop)).rewards.redeem({ itemId: item.id, quantity: 2, idempotencyKey: key() });
    expect(done).toMatchObject({ points: 300, balanceAfter: 200, replayed: false, state: 'REQUESTED' });
    expect((await db.rewardItem.findUniqueOrThrow({ where: { id: item.id } })).stock).toBe(1);
    expect((await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).pointsBalance).toBe(200);
    expect(await db.pointsEntry.findFirst({ where: { redemptionId: done.id } })).toMatchObject({ points: -300, reason: 'REDEMPTION' });
  });

  it('refuses without enough points: translated LIMIT_EXCEEDED, balance, stock and redemptions unchanged', async () => {
    const shop = await shopWithPoints(100);
    const item = await createRewardItem(db, { points: 150, stock: 3 });
    await expect(portalCallerFor(db, retailerActor(shop)).rewards.redeem({ itemId: item.id, idempotencyKey: key() })).rejects.toMatchObject(
      {
        code: 'UNPROCESSABLE_CONTENT',
        cause: { messageKey: 'rewards.errors.notEnoughPoints', params: { balance: 100, needed: 150 } },
      },
    );
    expect((await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).pointsBalance).toBe(100);
    expect((await db.rewardItem.findUniqueOrThrow({ where: { id: item.id } })).stock).toBe(3);
    expect(await db.redemption.count({ where: { retailerId: shop.id } })).toBe(0);
  });

  it('a double click (same key, one after the other) redeems once', async () => {
    const shop = await shopWithPoints(500);
    const item = await createRewardItem(db, { points: 100, stock: 10 });
    const k = key();
    const caller = portalCallerFor(db, retailerActor(shop));
    const first = await caller.rewards.redeem({ itemId: item.id, idempotencyKey: k });
    const second = await caller.rewards.redeem({ itemId: item.id, idempotencyKey: k });
    expect(second).toMatchObject({ id: first.id, replayed: true });
    expect(await db.pointsEntry.count({ where: { retailerId: shop.id, reason: 'REDEMPTION' } })).toBe(1);
    expect((await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).pointsBalance).toBe(400);
  });

  it('two tabs at once (same key, concurrently) redeem once', async () => {
    const shop = await shopWithPoints(500);
    const item = await createRewardItem(db, { points: 100, stock: 10 });
    const k = key();
    const results = await Promise.all(
      [1, 2, 3].map(() => portalCallerFor(db, retailerActor(shop)).rewards.redeem({ itemId: item.id, idempotencyKey: k })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.redemption.count({ where: { retailerId: shop.id } })).toBe(1);
    expect(await db.pointsEntry.count({ where: { retailerId: shop.id, reason: 'REDEMPTION' } })).toBe(1);
    expect((await db.rewardItem.findUniqueOrThrow({ where: { id: item.id } })).stock).toBe(9);
  });

  it('refuses an item out of stock, and another shop’s key answers NOT_FOUND', async () => {
    const shop = await shopWithPoints(500);
    const other = await shopWithPoints(500);
    const item = await createRewardItem(db, { points: 100, stock: 0 });
    await expect(portalCallerFor(db, retailerActor(shop)).rewards.redeem({ itemId: item.id, idempotencyKey: key() })).rejects.toMatchObject(
      { cause: { messageKey: 'rewards.errors.outOfStock' } },
    );
    const stocked = await createRewardItem(db, { points: 100, stock: 5 });
    const k = key();
    await portalCallerFor(db, retailerActor(shop)).rewards.redeem({ itemId: stocked.id, idempotencyKey: k });
    await expect(portalCallerFor(db, retailerActor(other)).rewards.redeem({ itemId: stocked.id, idempotencyKey: k })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    expect((await db.retailer.findUniqueOrThrow({ where: { id: other.id } })).pointsBalance).toBe(500);
  });

  it('refuses staff and anonymous callers', async () => {
    const staff = await createStaff(db, { roles: ['MARKETING'], passwordHash });
    await expect(portalCallerFor(db, staffActor(staff)).rewards.mine()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(portalCallerFor(db, null).rewards.redeem({ itemId: 1, idempotencyKey: key() })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
