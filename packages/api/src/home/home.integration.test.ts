import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { addDays } from '../schedule/calendar.rules';
import { portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createOrder, createPolicy, createProduct, createPromotion, ensureCycle } from '../testing/portal-fixtures';

const db = testDb();
let passwordHash: string;
let districtId: number;
let marketing: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  marketing = await createStaff(db, { roles: ['MARKETING'], passwordHash, name: '李经理' });
});

describe('home (portal)', () => {
  it('brings the shop, the order window, the allowance, promotions, points and unread count in one call', async () => {
    // Monday 7 Jan 2064, 10:00 China time; a Thursday shop; window Sat 5 Jan 12:00 → Wed 9 Jan 23:59.
    const clock = () => new Date('2064-01-07T02:00:00Z');
    const monday = '2064-01-07';
    const shop = await createRetailer(db, { districtId, passwordHash, grade: 15, orderWeekday: 4, accountManagerId: marketing.id });
    const cycle = await ensureCycle(db, monday);
    const a = await createProduct(db);
    const b = await createProduct(db);
    await createPolicy(db, {
      cycleId: cycle.id,
      createdById: marketing.id,
      limits: [
        { productId: a.id, gradeFrom: 11, gradeTo: 20, limitQuantity: 5 },
        { productId: b.id, gradeFrom: 11, gradeTo: 20, limitQuantity: 2 },
      ],
    });
    await createOrder(db, { retailerId: shop.id, cycleId: cycle.id, orderDate: monday, lines: [{ productId: b.id, quantity: 3 }] });
    for (let i = 0; i < 4; i += 1) {
      await createPromotion(db, {
        createdById: marketing.id,
        startsAt: new Date(Date.UTC(2063, 11, 20 + i)),
        endsAt: new Date('2064-02-01T00:00:00Z'),
        namedList: [shop.id],
        title: `活动${i}`,
      });
    }
    await db.notification.createMany({
      data: [
        { retailerId: shop.id, kind: 'SYSTEM', messageKey: 'notifications.stored', params: { title: 'x' } },
        { retailerId: shop.id, kind: 'SYSTEM', messageKey: 'notifications.stored', params: { title: 'x' }, readAt: new Date() },
      ],
    });

    const home = await portalCallerFor(db, retailerActor(shop), clock).home();
    expect(home.shop).toMatchObject({ licenceNo: shop.licenceNo, grade: 15, accountManager: { name: '李经理' } });
    expect(home.cycle).toMatchObject({ cycleStart: monday, orderDay: { actual: addDays(monday, 3) }, status: { status: 'open' } });
    expect(home.allowance).toMatchObject({ version: 1, products: 2, limitTotal: 7, orderedTotal: 2, remainingTotal: 5, usedUp: 1 });
    expect(home.promotions.map((p) => p.title)).toEqual(['活动3', '活动2', '活动1']);
    expect(home.promotionCount).toBe(4);
    expect(home.unread).toBe(1);
    expect(home.points.balance).toBe(0);
  });

  it('refuses staff and anonymous callers', async () => {
    await expect(portalCallerFor(db, staffActor(marketing)).home()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(portalCallerFor(db, null).home()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
