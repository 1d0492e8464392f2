import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { addDays, mondayOf } from '../schedule/calendar.rules';
import { portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createOrder, createPolicy, createProduct, createPromotion, ensureCycle } from '../testing/portal-fixtures';

const db = testDb();
let passwordHash: string;
let districtId: number;
let marketing: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  marketing = await createStaff(db, { roles: ['MARKETING'], passwordHash });
});

// Each test takes its own week in 2062 so that the cycles' policies never meet. Tuesdays, 10:00 China time.
function weekOf(n: number) {
  const tuesday = addDays('2062-01-03', 7 * n);
  return { monday: mondayOf(tuesday), clock: () => new Date(`${tuesday}T02:00:00Z`) };
}

describe('allocation.mine', () => {
  it('lists my limits with what I ordered, what remains, the adjustment and the why', async () => {
    const { monday, clock } = weekOf(1);
    const shop = await createRetailer(db, { districtId, passwordHash, grade: 12, orderWeekday: 4 });
    const other = await createRetailer(db, { districtId, passwordHash, grade: 12, orderWeekday: 4 });
    const cycle = await ensureCycle(db, monday);
    const scarce = await createProduct(db, { scarce: true, brand: '中华' });
    const plain = await createProduct(db, { brand: '利群', productClass: 2 });
    const unlimited = await createProduct(db);
    await createPolicy(db, {
      cycleId: cycle.id,
      createdById: marketing.id,
      version: 1,
      state: 'SUPERSEDED',
      limits: [{ productId: scarce.id, gradeFrom: 11, gradeTo: 15, limitQuantity: 2 }],
    });
    const policy = await createPolicy(db, {
      cycleId: cycle.id,
      createdById: marketing.id,
      version: 2,
      limits: [
        { productId: scarce.id, gradeFrom: 11, gradeTo: 15, limitQuantity: 5 },
        { productId: scarce.id, gradeFrom: 1, gradeTo: 10, limitQuantity: 1 },
        { productId: plain.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 10 },
      ],
    });
    await db.allocationAdjustment.create({
      data: { retailerId: shop.id, cycleId: cycle.id, productId: scarce.id, delta: 2, reason: '重点保供', createdById: marketing.id },
    });
    await createOrder(db, {
      retailerId: shop.id,
      cycleId: cycle.id,
      orderDate: monday,
      lines: [
        { productId: scarce.id, quantity: 4 },
        { productId: plain.id, quantity: 12 },
        { productId: unlimited.id, quantity: 50 },
      ],
    });
    // Another shop's orders and a cancelled order of mine do not count.
    await createOrder(db, { retailerId: other.id, cycleId: cycle.id, orderDate: monday, lines: [{ productId: scarce.id, quantity: 3 }] });
    await createOrder(db, {
      retailerId: shop.id,
      cycleId: cycle.id,
      orderDate: monday,
      status: 'CANCELLED',
      lines: [{ productId: scarce.id, quantity: 3 }],
    });
    await createPromotion(db, {
      createdById: marketing.id,
      startsAt: new Date('2062-01-01T00:00:00Z'),
      endsAt: new Date('2062-12-31T00:00:00Z'),
      namedList: [shop.id],
      productIds: [plain.id],
    });

    const mine = await portalCallerFor(db, retailerActor(shop), clock).allocation.mine({ cycle: 'current' });
    expect(mine.policy).toMatchObject({ id: policy.id, version: 2 });
    expect(mine.cycle.start).toBe(monday);
    const byId = new Map(mine.items.map((i) => [i.productId, i]));
    expect(mine.items.map((i) => i.productId)).toEqual([scarce.id, plain.id]);
    expect(byId.get(scarce.id)).toMatchObject({
      gradeFrom: 11,
      gradeTo: 15,
      limitQuantity: 5,
      adjustment: 2,
      ordered: 4,
      scarce: true,
      promoted: false,
    });
    expect(byId.get(scarce.id)!.allowance).toEqual({ effectiveLimit: 7, ordered: 4, remaining: 3, overBy: 0 });
    expect(byId.get(scarce.id)!.adjustments[0]).toMatchObject({ delta: 2, reason: '重点保供' });
    // Ordered beyond the limit: remaining is 0 on screen, never negative.
    expect(byId.get(plain.id)!.allowance).toEqual({ effectiveLimit: 10, ordered: 12, remaining: 0, overBy: 2 });
    expect(byId.get(plain.id)!.promoted).toBe(true);
    expect(mine.brands.sort()).toEqual(['中华', '利群'].sort());

    const filtered = await portalCallerFor(db, retailerActor(shop), clock).allocation.mine({ brand: '利群' });
    expect(filtered.items.map((i) => i.productId)).toEqual([plain.id]);
    const byClass = await portalCallerFor(db, retailerActor(shop), clock).allocation.mine({ productClass: 1 });
    expect(byClass.items.map((i) => i.productId)).toEqual([scarce.id]);
  });

  it('says so when the cycle has no published policy yet, and ignores drafts', async () => {
    const { monday, clock } = weekOf(12);
    const shop = await createRetailer(db, { districtId, passwordHash, grade: 5, orderWeekday: 5 });
    const cycle = await ensureCycle(db, addDays(monday, 7));
    const product = await createProduct(db);
    await createPolicy(db, {
      cycleId: cycle.id,
      createdById: marketing.id,
      state: 'DRAFT',
      limits: [{ productId: product.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 3 }],
    });
    const next = await portalCallerFor(db, retailerActor(shop), clock).allocation.mine({ cycle: 'next' });
    expect(next.cycle.start).toBe(addDays(monday, 7));
    expect(next.policy).toBeNull();
    expect(next.items).toEqual([]);
  });

  it('shows the history of my limit for a product across versions', async () => {
    const { monday, clock } = weekOf(16);
    const shop = await createRetailer(db, { districtId, passwordHash, grade: 20, orderWeekday: 3 });
    const product = await createProduct(db);
    const earlier = await ensureCycle(db, addDays(monday, -7));
    const current = await ensureCycle(db, monday);
    await createPolicy(db, {
      cycleId: earlier.id,
      createdById: marketing.id,
      limits: [{ productId: product.id, gradeFrom: 16, gradeTo: 20, limitQuantity: 4 }],
    });
    await createPolicy(db, {
      cycleId: current.id,
      createdById: marketing.id,
      version: 1,
      state: 'SUPERSEDED',
      limits: [{ productId: product.id, gradeFrom: 16, gradeTo: 20, limitQuantity: 5 }],
    });
    await createPolicy(db, {
      cycleId: current.id,
      createdById: marketing.id,
      version: 2,
      limits: [{ productId: product.id, gradeFrom: 1, gradeTo: 10, limitQuantity: 2 }],
    });
    const history = await portalCallerFor(db, retailerActor(shop), clock).allocation.limitHistory({ productId: product.id });
    expect(history.items.map((h) => [h.cycleCode, h.version, h.limitQuantity])).toEqual([
      [current.code, 2, null],
      [current.code, 1, 5],
      [earlier.code, 1, 4],
    ]);
  });

  it('refuses staff and anonymous callers', async () => {
    await expect(portalCallerFor(db, staffActor(marketing)).allocation.mine({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(portalCallerFor(db, null).allocation.limitHistory({ productId: 1 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('orders.history', () => {
  it('pages my orders by cycle, newest first, each line against its limit', async () => {
    const { monday, clock } = weekOf(24);
    const shop = await createRetailer(db, { districtId, passwordHash, grade: 12, orderWeekday: 2 });
    const other = await createRetailer(db, { districtId, passwordHash, grade: 12, orderWeekday: 2 });
    const product = await createProduct(db);
    const cycles = [];
    for (let k = 3; k >= 1; k -= 1) cycles.push(await ensureCycle(db, addDays(monday, -7 * k)));
    await createPolicy(db, {
      cycleId: cycles[2]!.id,
      createdById: marketing.id,
      limits: [{ productId: product.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 6 }],
    });
    for (const cycle of cycles) {
      await createOrder(db, {
        retailerId: shop.id,
        cycleId: cycle.id,
        orderDate: addDays(cycle.weekStart.toISOString().slice(0, 10), 1),
        lines: [{ productId: product.id, quantity: 4 }],
      });
    }
    await createOrder(db, {
      retailerId: shop.id,
      cycleId: cycles[2]!.id,
      orderDate: addDays(cycles[2]!.weekStart.toISOString().slice(0, 10), 1),
      lines: [{ productId: product.id, quantity: 3 }],
    });
    await createOrder(db, {
      retailerId: other.id,
      cycleId: cycles[2]!.id,
      orderDate: monday,
      lines: [{ productId: product.id, quantity: 9 }],
    });

    const caller = portalCallerFor(db, retailerActor(shop), clock);
    const page1 = await caller.orders.history({ page: 1, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(page1.pages).toBe(2);
    expect(page1.cycles.map((c) => c.id)).toEqual([cycles[2]!.id, cycles[1]!.id]);
    const newest = page1.cycles[0]!;
    expect(newest.orders).toHaveLength(2);
    expect(newest.totalQuantity).toBe(7);
    expect(newest.orders[0]!.lines[0]!.limit).toMatchObject({ effectiveLimit: 6, ordered: 7, remaining: 0, overBy: 1 });
    expect(page1.cycles[1]!.orders[0]!.lines[0]!.limit).toBeNull();
    const page2 = await caller.orders.history({ page: 2, pageSize: 2 });
    expect(page2.cycles.map((c) => c.id)).toEqual([cycles[0]!.id]);
  });
});

describe('schedule.mine', () => {
  it('gives 8 cycles with order day, window and delivery, moving an order day off a holiday', async () => {
    const { monday, clock } = weekOf(32);
    const holiday = addDays(monday, 7 + 2); // next week's Wednesday
    await db.calendarDay.upsert({
      where: { date: new Date(`${holiday}T00:00:00Z`) },
      create: { date: new Date(`${holiday}T00:00:00Z`), kind: 'HOLIDAY', name: '测试节', year: 2062 },
      update: {},
    });
    const shop = await createRetailer(db, { districtId, passwordHash, orderWeekday: 3 });
    const mine = await portalCallerFor(db, retailerActor(shop), clock).schedule.mine({ count: 8 });
    expect(mine.cycles).toHaveLength(8);
    expect(mine.current?.cycleStart).toBe(monday);
    expect(mine.current?.status.status).toBe('open');
    const moved = mine.cycles[1]!;
    expect(moved.orderDay).toMatchObject({ scheduled: holiday, actual: addDays(holiday, 1), moved: true, reason: '测试节' });
    expect(mine.specialDays.map((d) => d.date)).toContain(holiday);
    expect(mine.unconfirmedYears).toContain(2062);
  });
});
