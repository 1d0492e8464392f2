import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { addDays } from '../schedule/calendar.rules';
import { backofficeCallerFor, staffActor } from '../testing/callers';
import { createOrder, createProduct, ensureCycle } from '../testing/portal-fixtures';
import { runCycleAnomalies } from '../alerts/alerts.run';

const db = testDb();
let passwordHash: string;
let districtId: number;

const NOW = new Date('2031-06-10T04:00:00Z');
const clock = () => NOW;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
});

/** A shop with a history of many kinds, some of them at the very same instant (ties the keyset must break). */
async function shopWithHistory(accountManagerId: number) {
  const shop = await createRetailer(db, { districtId, passwordHash, accountManagerId });
  const product = await createProduct(db);
  const monday = '2031-05-12';
  for (let k = 0; k < 6; k += 1) {
    const weekStart = addDays(monday, -7 * k);
    const cycle = await ensureCycle(db, weekStart);
    await createOrder(db, {
      retailerId: shop.id,
      cycleId: cycle.id,
      orderDate: weekStart,
      lines: [{ productId: product.id, quantity: k === 0 ? 200 : 40 }],
    });
  }
  // Same date as an order: both sit at midnight of that day.
  await db.integrityRecord.createMany({
    data: [
      { retailerId: shop.id, level: 'AA', effectiveFrom: new Date(`${monday}T00:00:00Z`), source: '导入' },
      { retailerId: shop.id, level: 'A', effectiveFrom: new Date('2030-01-01T00:00:00Z'), source: '导入' },
    ],
  });
  const tie = new Date('2031-05-20T02:00:00Z');
  await db.visit.createMany({
    data: [
      { retailerId: shop.id, staffId: accountManagerId, visitedAt: tie, purpose: '月度走访' },
      { retailerId: shop.id, staffId: accountManagerId, visitedAt: tie, purpose: '新品推介' },
    ],
  });
  await db.changeRequest.create({
    data: {
      retailerId: shop.id,
      requestedByStaffId: accountManagerId,
      changes: { phone: '13900000000' },
      previous: { phone: shop.phone },
      createdAt: tie,
    },
  });
  await db.pointsEntry.create({ data: { retailerId: shop.id, points: 50, balanceAfter: 50, reason: 'MANUAL', createdAt: tie } });
  await runCycleAnomalies(db, { cycleId: (await ensureCycle(db, monday)).id }, NOW);
  return shop;
}

describe('retailer 360', () => {
  it('shows the shop card, orders per cycle and open alerts to its account manager; another account manager gets NOT_FOUND', async () => {
    const [am1, am2, manager] = await Promise.all([
      createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
      createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
      createStaff(db, { roles: ['MANAGER'], passwordHash }),
    ]);
    const shop = await shopWithHistory(am1.id);
    const page = await backofficeCallerFor(db, staffActor(am1), clock).retailers.get360({ id: shop.id });
    expect(page.shop).toMatchObject({ id: shop.id, licenceNo: shop.licenceNo, accountManager: { id: am1.id } });
    expect(page.openAlerts).toBe(1);
    expect(page.perCycle.find((c) => c.weekStart.toISOString().startsWith('2031-05-12'))).toMatchObject({ quantity: 200 });
    expect(page.integrity.map((i) => i.level)).toEqual(['AA', 'A']);
    await expect(backofficeCallerFor(db, staffActor(manager), clock).retailers.get360({ id: shop.id })).resolves.toMatchObject({
      shop: { id: shop.id },
    });

    const other = backofficeCallerFor(db, staffActor(am2), clock);
    await expect(other.retailers.get360({ id: shop.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.retailers.timeline({ retailerId: shop.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.alerts.list({ retailerId: shop.id })).resolves.toMatchObject({ total: 0 });
  });

  it('the timeline pages by keyset, newest first, every event exactly once; filtered by kind', async () => {
    const am = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    const shop = await shopWithHistory(am.id);
    const caller = backofficeCallerFor(db, staffActor(am), clock);
    const all = await caller.retailers.timeline({ retailerId: shop.id, limit: 100 });
    // 6 orders, 2 integrity records, 2 visits, 1 change request, 1 points entry, 1 alert
    expect(all.items).toHaveLength(13);
    expect(all.next).toBeNull();

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await caller.retailers.timeline({ retailerId: shop.id, limit: 3, cursor: after });
      seen.push(...page.items.map((e) => `${e.kind}:${e.id}`));
      after = page.next ?? undefined;
      pages += 1;
    } while (after && pages < 20);
    expect(seen).toEqual(all.items.map((e) => `${e.kind}:${e.id}`));
    expect(new Set(seen).size).toBe(13);
    const times = all.items.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const visits = await caller.retailers.timeline({ retailerId: shop.id, kinds: ['VISIT', 'ALERT'] });
    expect(visits.items.map((e) => e.kind).sort()).toEqual(['ALERT', 'VISIT', 'VISIT']);
    expect(visits.items.find((e) => e.kind === 'ALERT')!.data).toMatchObject({ rule: 'ORDER_SPIKE', state: 'OPEN' });
    await expect(caller.retailers.timeline({ retailerId: shop.id, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
