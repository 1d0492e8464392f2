import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { addDays, chinaDateTime } from '../schedule/calendar.rules';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createOrder, createPolicy, createProduct, ensureCycle } from '../testing/portal-fixtures';
import { carryForwardPolicy } from './allocation.carry-forward';

// Carry-forward (沿用上期) against real PostgreSQL. Each test owns weeks of 2081, far from other files'
// clocks; the cycle under test (Monday `monday`) is published, by default, on the Saturday before at 12:00.

const db = testDb();
let passwordHash: string;
let districtId: number;
let marketing: Awaited<ReturnType<typeof createStaff>>;
let manager: Awaited<ReturnType<typeof createStaff>>;
let agent: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  marketing = await createStaff(db, { roles: ['MARKETING'], passwordHash });
  manager = await createStaff(db, { roles: ['MANAGER'], passwordHash });
  agent = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
});

/** A shop, a previous cycle with a published policy, and the cycle under test with none. */
async function scenario(monday: string) {
  const shop = await createRetailer(db, { districtId, passwordHash, grade: 12, orderWeekday: 3 });
  const previous = await ensureCycle(db, addDays(monday, -7));
  const cycle = await ensureCycle(db, monday);
  const product = await createProduct(db, { scarce: true });
  const source = await createPolicy(db, {
    cycleId: previous.id,
    createdById: marketing.id,
    publishedAt: chinaDateTime(addDays(monday, -9), '12:00'),
    limits: [{ productId: product.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 6 }],
  });
  const saturday = (time: string) => () => chinaDateTime(addDays(monday, -2), time);
  return { shop, previous, cycle, product, source, saturday };
}

describe('carry-forward, read side', () => {
  it('before the publish time the next cycle is simply not published; after it the last policy carries forward, marked', async () => {
    const monday = '2081-01-06';
    const { shop, previous, cycle, product, source, saturday } = await scenario(monday);
    await createOrder(db, {
      retailerId: shop.id,
      cycleId: cycle.id,
      orderDate: addDays(monday, 2),
      lines: [{ productId: product.id, quantity: 2 }],
    });

    const before = await portalCallerFor(db, retailerActor(shop), saturday('11:59')).allocation.mine({ cycle: 'next' });
    expect(before.cycle.start).toBe(monday);
    expect(before.policy).toBeNull();
    expect(before.publishAt).toEqual(chinaDateTime(addDays(monday, -2), '12:00'));
    // At 11:59 the shop's current cycle is still last week's, with its own policy, not carried.
    const current = await portalCallerFor(db, retailerActor(shop), saturday('11:59')).allocation.mine({ cycle: 'current' });
    expect(current.cycle.start).toBe(addDays(monday, -7));
    expect(current.policy).toMatchObject({ id: source.id, carriedForward: false, carriedFromCycle: null });

    const after = await portalCallerFor(db, retailerActor(shop), saturday('12:30')).allocation.mine({ cycle: 'current' });
    expect(after.cycle.start).toBe(monday);
    expect(after.policy).toMatchObject({ id: source.id, carriedForward: true, carriedFromCycle: previous.code });
    // The limits are last week's; what I ordered counts against this cycle.
    expect(after.items).toHaveLength(1);
    expect(after.items[0]!.allowance).toEqual({ effectiveLimit: 6, ordered: 2, remaining: 4, overBy: 0 });

    const home = await portalCallerFor(db, retailerActor(shop), saturday('12:30')).home();
    expect(home.allowance).toMatchObject({
      version: 1,
      carriedForward: true,
      carriedFromCycle: previous.code,
      limitTotal: 6,
      orderedTotal: 2,
    });
  });
});

describe('carry-forward job', () => {
  it('at the publish time writes one carried version with the same limits, audit-logged, and alerts marketing and managers once', async () => {
    const monday = '2081-03-03';
    const { shop, previous, cycle, source, saturday } = await scenario(monday);

    // Before the publish time the current cycle is last week's, which has its policy: nothing to do.
    expect(await carryForwardPolicy(db, saturday('11:59')())).toEqual({ carried: false, reason: 'published' });

    const result = await carryForwardPolicy(db, saturday('12:00')());
    expect(result).toMatchObject({ carried: true, cycle: cycle.code, from: previous.code });
    const created = await db.allocationPolicy.findFirstOrThrow({ where: { cycleId: cycle.id }, include: { limits: true } });
    expect(created).toMatchObject({ state: 'PUBLISHED', carriedFromId: source.id, version: 1, publishedAt: saturday('12:00')() });
    expect(created.limits.map((l) => [l.gradeFrom, l.gradeTo, l.limitQuantity])).toEqual([[1, 30, 6]]);
    expect(await db.auditLog.count({ where: { action: 'allocationPolicy.carryForward', entityId: String(created.id) } })).toBe(1);

    // A second worker or a later sweep does nothing more.
    expect(await carryForwardPolicy(db, saturday('12:05')())).toEqual({ carried: false, reason: 'published' });
    expect(await db.allocationPolicy.count({ where: { cycleId: cycle.id } })).toBe(1);
    const link = `/allocation/policies/${created.id}`;
    expect(await db.notification.count({ where: { staffUserId: marketing.id, link } })).toBe(1);
    expect(await db.notification.count({ where: { staffUserId: manager.id, link } })).toBe(1);
    expect(await db.notification.count({ where: { staffUserId: agent.id, link } })).toBe(0);

    // The portal now reads the carried version itself, still marked; the back office marks it too.
    const mine = await portalCallerFor(db, retailerActor(shop), saturday('12:30')).allocation.mine({ cycle: 'current' });
    expect(mine.policy).toMatchObject({ id: created.id, carriedForward: true, carriedFromCycle: previous.code });
    const cycles = await backofficeCallerFor(db, staffActor(marketing), saturday('12:30')).allocation.cycles({ page: 1 });
    expect(cycles.currentMonday).toBe(monday);
    expect(cycles.items.find((c) => c.weekStart === monday)?.policies[0]).toMatchObject({ id: created.id, carriedFromId: source.id });
  });

  it('leaves a cycle alone when its own version is published, or an approved one is due', async () => {
    const monday = '2081-05-05';
    const { cycle, product, saturday } = await scenario(monday);
    const approved = await db.allocationPolicy.create({
      data: {
        cycleId: cycle.id,
        version: 1,
        state: 'APPROVED',
        createdById: marketing.id,
        approvedById: manager.id,
        publishAt: saturday('12:00')(),
        limits: { create: [{ productId: product.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 9 }] },
      },
    });
    expect(await carryForwardPolicy(db, saturday('12:01')())).toEqual({ carried: false, reason: 'due' });
    await db.allocationPolicy.update({ where: { id: approved.id }, data: { state: 'PUBLISHED', publishedAt: saturday('12:01')() } });
    expect(await carryForwardPolicy(db, saturday('12:10')())).toEqual({ carried: false, reason: 'published' });
    expect(await db.allocationPolicy.count({ where: { cycleId: cycle.id } })).toBe(1);
  });
});
