import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb, uniqueNumber } from '@tobacco/db/testing';
import { createBackofficeRoutesCaller } from '../routes';
import { backofficeCallerFor, staffActor } from '../testing/callers';
import { createGradePeriod, createOrder, createProduct, ensureCycle, gradeRetailer } from '../testing/portal-fixtures';
import { computeMonthlyRankings } from './rankings.service';

const db = testDb();
// Months of their own, far from any other test's orders: a ranking covers every shop of the database.
const base = 2400 + (uniqueNumber() % 500);
const MARCH = `${base}-03`;
const APRIL = `${base}-04`;

type Shop = Awaited<ReturnType<typeof createRetailer>>;
let shops: Shop[];
let districtId: number;
let am: Awaited<ReturnType<typeof createStaff>>;
let manager: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  const passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  [am, manager] = await Promise.all([
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
  ]);
  // Four shops of band 2 (grades 11–20); the first two are am's.
  shops = [];
  for (let i = 0; i < 4; i++) {
    shops.push(await createRetailer(db, { districtId, passwordHash, grade: 12 + i, accountManagerId: i < 2 ? am.id : null }));
  }
  const product = await createProduct(db);
  const cycleOf = async (date: string) => (await ensureCycle(db, date)).id;
  const order = async (shop: Shop, date: string, quantity: number, status: 'CONFIRMED' | 'CANCELLED' = 'CONFIRMED') =>
    createOrder(db, {
      retailerId: shop.id,
      cycleId: await cycleOf(date),
      orderDate: date,
      lines: [{ productId: product.id, quantity }],
      status,
    });
  // March: shop 0 sells most; 1 and 2 tie; shop 3 orders nothing but has a big cancelled order.
  const mon = (d: number) => `${MARCH}-${String(d).padStart(2, '0')}`;
  await order(shops[0]!, mon(5), 30);
  await order(shops[0]!, mon(12), 30);
  await order(shops[1]!, mon(5), 20);
  await order(shops[2]!, mon(12), 20);
  await order(shops[3]!, mon(19), 500, 'CANCELLED');
  // April: shop 3 overtakes everyone.
  await order(shops[3]!, `${APRIL}-02`, 100);
  await order(shops[0]!, `${APRIL}-09`, 10);
  // Evaluation: a published grade with a score for shops 0–2; shop 3 has none.
  const period = await createGradePeriod(db, {
    ordersFrom: `${base - 1}-10-01`,
    ordersTo: `${base - 1}-12-31`,
    effectiveFrom: `${base}-01-01`,
    effectiveTo: `${base}-12-31`,
  });
  for (const [i, score] of [70, 90, 80].entries())
    await gradeRetailer(db, { periodId: period.id, retailerId: shops[i]!.id, grade: 12 + i, score });
  await computeMonthlyRankings(db, MARCH);
  await computeMonthlyRankings(db, APRIL);
});

async function ranksOf(month: string) {
  const rows = await db.retailerMonthRank.findMany({
    where: { month: new Date(`${month}-01T00:00:00Z`), retailerId: { in: shops.map((s) => s.id) } },
  });
  return shops.map((s) => rows.find((r) => r.retailerId === s.id)!);
}

describe('monthly rankings', () => {
  it('ranks each shop within its district and band from the month’s confirmed orders, ties sharing a rank', async () => {
    const march = await ranksOf(MARCH);
    expect(march.map((r) => r.groupSize)).toEqual([4, 4, 4, 4]);
    expect(march.map((r) => Number(r.amountFen))).toEqual([60 * 20_000, 20 * 20_000, 20 * 20_000, 0]);
    expect(march.map((r) => r.salesRank)).toEqual([1, 2, 2, 4]);
    expect(march.map((r) => r.orderCount)).toEqual([2, 1, 1, 0]);
    expect(march.map((r) => r.frequencyRank)).toEqual([1, 2, 2, 4]);
    expect(march.map((r) => r.scoreRank)).toEqual([3, 1, 2, null]);
    expect(march.map((r) => r.violationsRank)).toEqual([1, 1, 1, 1]);
  });

  it('agrees with the order lines summed directly', async () => {
    const direct = await db.$queryRaw<{ retailerId: number; amount: bigint }[]>`
      SELECT o."retailerId", SUM(l."amountFen")::bigint AS amount FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
      WHERE o.status = 'CONFIRMED' AND o."orderDate" >= ${new Date(`${APRIL}-01T00:00:00Z`)} AND o."orderDate" < ${new Date(`${base}-05-01T00:00:00Z`)}
        AND o."retailerId" = ANY(${shops.map((s) => s.id)}) GROUP BY 1`;
    const april = await ranksOf(APRIL);
    for (const row of april) {
      expect(Number(row.amountFen)).toBe(Number(direct.find((d) => d.retailerId === row.retailerId)?.amount ?? 0n));
    }
  });

  it('running a month again gives the same rows', async () => {
    const before = await ranksOf(MARCH);
    await computeMonthlyRankings(db, MARCH);
    const after = await ranksOf(MARCH);
    const strip = (rows: typeof before) => rows.map(({ computedAt: _computedAt, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
  });

  it('a manager sees every shop with its movement since last month; an account manager only their own', async () => {
    const all = await backofficeCallerFor(db, staffActor(manager)).rankings.list({ month: APRIL, districtId, gradeBand: 2 });
    expect(all.items.map((r) => r.licenceNo)).toEqual([shops[3], shops[0], shops[1], shops[2]].map((s) => s!.licenceNo));
    // April ranks 1, 2, 3, 3 against March's 4, 1, 2, 2.
    expect(all.items.map((r) => r.movement)).toEqual([3, -1, -1, -1]);

    const mine = await backofficeCallerFor(db, staffActor(am)).rankings.list({ month: APRIL, districtId, metric: 'score' });
    expect(mine.total).toBe(2);
    expect(mine.items.map((r) => [r.licenceNo, r.rank])).toEqual([
      [shops[1]!.licenceNo, 1],
      [shops[0]!.licenceNo, 3],
    ]);
  });

  it('the export carries the same scoped rows', async () => {
    const { body } = await createBackofficeRoutesCaller({
      db,
      actor: staffActor(am),
      requestId: 't',
      clock: () => new Date(),
    }).rankingsExport({
      month: APRIL,
      districtId,
      format: 'csv',
      locale: 'zh-CN',
    });
    const text = await new Response(body).text();
    expect(text).toContain(shops[0]!.licenceNo);
    expect(text).toContain(shops[1]!.licenceNo);
    expect(text).not.toContain(shops[3]!.licenceNo);
  });

  it('refuses a malformed month with a translated message', async () => {
    await expect(backofficeCallerFor(db, staffActor(manager)).rankings.list({ month: '2026-13' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
