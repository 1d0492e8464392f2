import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import type { PrismaClient } from '@tobacco/db/client';
import { createDistrict, createRetailer, createStaff, uniqueNumber } from '@tobacco/db/testing';
import { isolatedTestDatabase } from '../testing/isolated-database';
import { createBackofficeRoutesCaller } from '../routes';
import { backofficeCallerFor, staffActor } from '../testing/callers';
import { createOrder, createPolicy, createProduct, ensureCycle } from '../testing/portal-fixtures';
import { computeProductMonth } from './products.service';

// A database of its own: a month's summary covers every shop, and the month's limits come from the newest
// published policy of each cycle, which another file's policy in the same far-future week would replace.
const isolated = isolatedTestDatabase('products');
let db: PrismaClient;
const base = 2900 + (uniqueNumber() % 500);
const FEB = `${base}-02`;
const MARCH = `${base}-03`;
const EMPTY = `${base}-08`;

type Shop = Awaited<ReturnType<typeof createRetailer>>;
let shops: Shop[];
let districtId: number;
let loneDistrictId: number;
let manager: Awaited<ReturnType<typeof createStaff>>;
let am: Awaited<ReturnType<typeof createStaff>>;
let products: Awaited<ReturnType<typeof createProduct>>[];

afterAll(() => isolated.close());

beforeAll(async () => {
  db = await isolated.open();
  const passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  loneDistrictId = (await createDistrict(db)).id;
  [manager, am] = await Promise.all([
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
  ]);
  // Band 1, band 2, band 2, not graded; one shop alone in the other district.
  shops = [];
  for (const grade of [5, 15, 16, null]) shops.push(await createRetailer(db, { districtId, passwordHash, grade }));
  const lone = await createRetailer(db, { districtId: loneDistrictId, passwordHash, grade: 25 });
  // A, B ordered; C limited but never ordered.
  products = [await createProduct(db), await createProduct(db, { priceFen: 60_000, scarce: true }), await createProduct(db)];
  const [a, b, c] = products as [(typeof products)[number], (typeof products)[number], (typeof products)[number]];
  const cycle1 = (await ensureCycle(db, `${MARCH}-04`)).id;
  const cycle2 = (await ensureCycle(db, `${MARCH}-11`)).id;
  const febCycle = (await ensureCycle(db, `${FEB}-05`)).id;
  const order = (shop: Shop, cycleId: number, date: string, lines: [number, number][], status?: 'CANCELLED') =>
    createOrder(db, {
      retailerId: shop.id,
      cycleId,
      orderDate: date,
      lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
      status,
    });
  await order(shops[0]!, cycle1, `${MARCH}-05`, [
    [a.id, 10],
    [b.id, 5],
  ]);
  await order(shops[1]!, cycle1, `${MARCH}-06`, [[a.id, 20]]);
  await order(shops[2]!, cycle2, `${MARCH}-12`, [
    [a.id, 30],
    [b.id, 1],
  ]);
  await order(shops[3]!, cycle2, `${MARCH}-13`, [[b.id, 4]]);
  await order(shops[3]!, cycle2, `${MARCH}-13`, [[a.id, 500]], 'CANCELLED');
  await order(shops[1]!, febCycle, `${FEB}-06`, [[a.id, 10]]);
  await order(lone, cycle1, `${MARCH}-07`, [[a.id, 3]]);
  // Cycle 1's newest published version limits A in grades 11–20 and C in grades 1–10; the superseded one is ignored.
  await createPolicy(db, {
    cycleId: cycle1,
    createdById: manager.id,
    version: 1,
    state: 'SUPERSEDED',
    limits: [{ productId: a.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 999 }],
  });
  await createPolicy(db, {
    cycleId: cycle1,
    createdById: manager.id,
    version: 2,
    limits: [
      { productId: a.id, gradeFrom: 11, gradeTo: 20, limitQuantity: 40 },
      { productId: c.id, gradeFrom: 1, gradeTo: 10, limitQuantity: 7 },
    ],
  });
  await computeProductMonth(db, FEB);
  await computeProductMonth(db, MARCH);
});

async function rowsOf(month: string) {
  const rows = await db.productMonthSales.findMany({
    where: { month: new Date(`${month}-01T00:00:00Z`), districtId },
    orderBy: [{ productId: 'asc' }, { gradeBand: 'asc' }],
  });
  return rows.map(({ computedAt: _computedAt, month: _month, districtId: _d, ...rest }) => ({
    ...rest,
    amountFen: Number(rest.amountFen),
    limitTiao: rest.limitTiao === null ? null : Number(rest.limitTiao),
  }));
}

describe('the monthly product summary', () => {
  it('sums the month’s confirmed lines per product, district and band, with the published limits', async () => {
    const [a, b, c] = products.map((p) => p.id);
    expect(await rowsOf(MARCH)).toEqual([
      { productId: a, gradeBand: 1, quantityTiao: 10, amountFen: 10 * 20_000, shops: 1, limitTiao: null },
      // Two band-2 shops × 40 in the one limited cycle.
      { productId: a, gradeBand: 2, quantityTiao: 50, amountFen: 50 * 20_000, shops: 2, limitTiao: 80 },
      { productId: b, gradeBand: 0, quantityTiao: 4, amountFen: 4 * 20_000, shops: 1, limitTiao: null },
      { productId: b, gradeBand: 1, quantityTiao: 5, amountFen: 5 * 20_000, shops: 1, limitTiao: null },
      { productId: b, gradeBand: 2, quantityTiao: 1, amountFen: 1 * 20_000, shops: 1, limitTiao: null },
      // Limited and not ordered: a row with nothing sold.
      { productId: c, gradeBand: 1, quantityTiao: 0, amountFen: 0, shops: 0, limitTiao: 7 },
    ]);
  });

  it('equals a direct computation from the order lines', async () => {
    const direct = await db.$queryRaw<{ productId: number; band: number; quantity: bigint; amount: bigint; shops: bigint }[]>`
      SELECT l."productId", COALESCE(CEIL(r.grade / 10.0), 0)::int AS band, SUM(l.quantity)::bigint AS quantity,
             SUM(l."amountFen")::bigint AS amount, COUNT(DISTINCT o."retailerId")::bigint AS shops
      FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" JOIN "Retailer" r ON r.id = o."retailerId"
      WHERE o.status = 'CONFIRMED' AND r."districtId" = ${districtId}
        AND o."orderDate" >= ${new Date(`${MARCH}-01T00:00:00Z`)} AND o."orderDate" < ${new Date(`${base}-04-01T00:00:00Z`)}
      GROUP BY 1, 2 ORDER BY 1, 2`;
    const summary = (await rowsOf(MARCH)).filter((r) => r.quantityTiao > 0);
    expect(summary.map((r) => [r.productId, r.gradeBand, r.quantityTiao, r.amountFen, r.shops])).toEqual(
      direct.map((d) => [d.productId, d.band, Number(d.quantity), Number(d.amount), Number(d.shops)]),
    );
  });

  it('running a month again gives the same rows', async () => {
    const before = await rowsOf(MARCH);
    const count = await db.productMonthSales.count({ where: { month: new Date(`${MARCH}-01T00:00:00Z`) } });
    await computeProductMonth(db, MARCH);
    expect(await rowsOf(MARCH)).toEqual(before);
    expect(await db.productMonthSales.count({ where: { month: new Date(`${MARCH}-01T00:00:00Z`) } })).toBe(count);
  });
});

describe('the 80/20 and composite procedures', () => {
  it('cuts the district’s products at 80 % and says where the figures come from', async () => {
    const api = backofficeCallerFor(db, staffActor(manager));
    const r = await api.products.pareto({ period: MARCH, districtId, measure: 'volume' });
    expect(r.source).toMatchObject({ period: MARCH, monthsWithData: [MARCH], monthsMissing: [] });
    expect(r.source!.computedAt).toBeInstanceOf(Date);
    expect(r.total).toBe(70);
    expect(r.rows.map((x) => [x.productId, x.value, x.core])).toEqual([
      [products[0]!.id, 60, true],
      [products[1]!.id, 10, false],
    ]);
    expect(r.scopeShops).toBe(4);
    // A quarter reads the months of it that are computed (February and March) and names the one that is not.
    const q = await api.products.pareto({ period: `${base}-Q1`, districtId, measure: 'amount' });
    expect(q.source!.monthsWithData).toEqual([FEB, MARCH]);
    expect(q.source!.monthsMissing).toEqual([`${base}-01`]);
    expect(q.rows[0]).toMatchObject({ productId: products[0]!.id, value: 70 * 20_000 });
  });

  it('answers plainly for an empty period and tells a one-shop district', async () => {
    const api = backofficeCallerFor(db, staffActor(manager));
    const empty = await api.products.pareto({ period: EMPTY, districtId });
    expect(empty.rows).toEqual([]);
    expect(empty.source!.monthsWithData).toEqual([]);
    const lone = await api.products.pareto({ period: MARCH, districtId: loneDistrictId });
    expect(lone.scopeShops).toBe(1);
    expect(lone.rows).toHaveLength(1);
    await expect(api.products.pareto({ period: `${base}-13` })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('the composite shows sales, growth, reach per month, fulfilment, price band and scarce', async () => {
    const api = backofficeCallerFor(db, staffActor(manager));
    const r = await api.products.composite({ period: MARCH, districtId, sort: 'amount' });
    const row = (i: number) => r.items.find((x) => x.productId === products[i]!.id)!;
    expect(row(0)).toMatchObject({
      quantityTiao: 60,
      amountFen: 60 * 20_000,
      previousAmountFen: 10 * 20_000,
      growth: 5,
      reach: [{ month: MARCH, shops: 3 }],
      limitTiao: 80,
      fulfilment: 50 / 80,
      priceBand: 'from200',
      scarce: false,
    });
    // No sales in February: no growth, rather than a division by zero.
    expect(row(1)).toMatchObject({ quantityTiao: 10, growth: null, limitTiao: null, fulfilment: null, priceBand: 'from500', scarce: true });
    expect(row(2)).toMatchObject({ quantityTiao: 0, fulfilment: 0, reach: [{ month: MARCH, shops: 0 }] });
    expect(r.hasSales).toBe(true);
    expect((await api.products.composite({ period: EMPTY, districtId })).hasSales).toBe(false);
    const ours = r.items.filter((x) => products.some((p) => p.id === x.productId)).map((x) => x.productId);
    expect(ours).toEqual([products[0]!.id, products[1]!.id, products[2]!.id]);
  });

  it('exports the 80/20 list; an account manager is refused', async () => {
    const { body } = await createBackofficeRoutesCaller({
      db,
      actor: staffActor(manager),
      requestId: 'test',
      clock: () => new Date(),
    }).productsParetoExport({ period: MARCH, districtId, measure: 'volume', format: 'csv', locale: 'en' });
    const csv = await new Response(body).text();
    expect(csv).toContain(products[0]!.code);
    expect(csv).toContain('Core 80 %');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    await expect(backofficeCallerFor(db, staffActor(am)).products.pareto({ period: MARCH })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
