import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import type { PrismaClient } from '@tobacco/db/client';
import { createDistrict, createRetailer, createStaff } from '@tobacco/db/testing';
import { JOB_HANDLERS } from '../jobs/jobs.handlers';
import { createBackofficeRoutesCaller } from '../routes';
import { addDays, mondayOf } from '../schedule/calendar.rules';
import { backofficeCallerFor, staffActor } from '../testing/callers';
import { isolatedTestDatabase } from '../testing/isolated-database';
import { listQueuedJobs } from '../testing/jobs';
import { createOrder, createPolicy, createProduct, ensureCycle } from '../testing/portal-fixtures';
import { backtest, forecastCalendar, weightedMape, type Point } from './forecast.rules';
import { backfillCycleDemand, computeCycleDemand, CYCLE_DEMAND_QUEUE, enqueueCycleDemand } from './forecast.service';

// A database of its own: the forecast reads the newest computed cycles of the whole company, and the backfill
// computes every closed cycle there is.
const isolated = isolatedTestDatabase('forecast');
let db: PrismaClient;

const FIRST = mondayOf('2031-03-05');
const CYCLES = 12;
const weeks = Array.from({ length: CYCLES }, (_, i) => addDays(FIRST, 7 * i));
const LAST = weeks.at(-1)!;
const TARGET_1 = addDays(LAST, 7);
const TARGET_2 = addDays(LAST, 14);
// Two days after the last cycle closed, 10:00 in China.
const NOW = new Date(`${addDays(LAST, 8)}T02:00:00Z`);
const clock = () => NOW;
// B's orders, cycle by cycle: the back-test has something to be wrong about.
const B_ORDERS = [5, 6, 7, 8, 5, 6, 7, 8, 5, 6, 7, 8];

type Shop = Awaited<ReturnType<typeof createRetailer>>;
let districtId: number;
let loneDistrictId: number;
let shops: Shop[];
let manager: Awaited<ReturnType<typeof createStaff>>;
let am: Awaited<ReturnType<typeof createStaff>>;
let agent: Awaited<ReturnType<typeof createStaff>>;
let a: number, b: number, c: number;
const cycleIds: number[] = [];
let target1: number;

afterAll(() => isolated.close());

beforeAll(async () => {
  db = await isolated.open();
  const passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  loneDistrictId = (await createDistrict(db)).id;
  [manager, am, agent] = await Promise.all([
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
    createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash }),
  ]);
  shops = [];
  for (const grade of [5, 15, 16, null]) shops.push(await createRetailer(db, { districtId, passwordHash, grade }));
  const lone = await createRetailer(db, { districtId: loneDistrictId, passwordHash, grade: 25 });
  // A sells steadily, B varies, C is on the list but nobody has ordered it.
  // One after the other, so that their ids are in this order.
  a = (await createProduct(db)).id;
  b = (await createProduct(db)).id;
  c = (await createProduct(db)).id;
  for (const [i, week] of weeks.entries()) {
    const cycleId = (await ensureCycle(db, week)).id;
    cycleIds.push(cycleId);
    const date = addDays(week, 2);
    await createOrder(db, {
      retailerId: shops[0]!.id,
      cycleId,
      orderDate: date,
      lines: [
        { productId: a, quantity: 10 },
        { productId: b, quantity: B_ORDERS[i]! },
      ],
    });
    await createOrder(db, { retailerId: shops[1]!.id, cycleId, orderDate: date, lines: [{ productId: a, quantity: 10 }] });
    await createOrder(db, {
      retailerId: shops[2]!.id,
      cycleId,
      orderDate: date,
      lines: [{ productId: a, quantity: 500 }],
      status: 'CANCELLED',
    });
    await createOrder(db, { retailerId: lone.id, cycleId, orderDate: date, lines: [{ productId: a, quantity: 3 }] });
  }
  // Cycle 6 was limited: A for grades 11–20 (two shops of the district), C for grades 1–10 (one), which nobody ordered.
  await createPolicy(db, {
    cycleId: cycleIds[5]!,
    createdById: manager.id,
    limits: [
      { productId: a, gradeFrom: 11, gradeTo: 20, limitQuantity: 40 },
      { productId: c, gradeFrom: 1, gradeTo: 10, limitQuantity: 7 },
    ],
  });
  // Ahead: the next cycle is published (B 1–10 at 5, C 1–30 at 2); the one after has only a draft (B 1–30 at 3).
  target1 = (await ensureCycle(db, TARGET_1)).id;
  const target2 = (await ensureCycle(db, TARGET_2)).id;
  await createPolicy(db, {
    cycleId: target1,
    createdById: manager.id,
    limits: [
      { productId: b, gradeFrom: 1, gradeTo: 10, limitQuantity: 5 },
      { productId: c, gradeFrom: 1, gradeTo: 30, limitQuantity: 2 },
    ],
  });
  await createPolicy(db, {
    cycleId: target2,
    createdById: manager.id,
    state: 'DRAFT',
    limits: [{ productId: b, gradeFrom: 1, gradeTo: 30, limitQuantity: 3 }],
  });
  expect(await backfillCycleDemand(db, NOW)).toBe(CYCLES);
});

async function summaryRows() {
  const rows = await db.productCycleDemand.findMany({ orderBy: [{ cycleId: 'asc' }, { productId: 'asc' }, { districtId: 'asc' }] });
  return rows.map(({ computedAt: _computedAt, ...r }) => ({ ...r, limitTiao: r.limitTiao === null ? null : Number(r.limitTiao) }));
}

describe('the per-cycle demand summary', () => {
  it('equals a direct computation from the order lines', async () => {
    const direct = await db.$queryRaw<{ cycleId: number; productId: number; districtId: number; quantity: bigint; shops: bigint }[]>`
      SELECT o."cycleId", l."productId", r."districtId", SUM(l.quantity)::bigint AS quantity, COUNT(DISTINCT o."retailerId")::bigint AS shops
      FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" JOIN "Retailer" r ON r.id = o."retailerId"
      WHERE o.status = 'CONFIRMED'
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    const summary = (await summaryRows()).filter((r) => r.quantityTiao > 0);
    expect(summary.map((r) => [r.cycleId, r.productId, r.districtId, r.quantityTiao, r.shops])).toEqual(
      direct.map((d) => [d.cycleId, d.productId, d.districtId, Number(d.quantity), Number(d.shops)]),
    );
    // 20 条 of A a cycle in the district: the cancelled 500 are not in it.
    expect(summary.find((r) => r.productId === a && r.districtId === districtId)).toMatchObject({ quantityTiao: 20, shops: 2 });
  });

  it('carries the cycle’s published limits, and a row of 0 for a product limited but not ordered', async () => {
    const rows = (await summaryRows()).filter((r) => r.cycleId === cycleIds[5]);
    expect(rows.filter((r) => r.districtId === districtId).map((r) => [r.productId, r.quantityTiao, r.limitTiao])).toEqual([
      [a, 20, 80],
      [b, 6, null],
      [c, 0, 7],
    ]);
    // The lone shop (grade 25) is in no limited range: its district's A has no limit.
    expect(rows.find((r) => r.districtId === loneDistrictId)).toMatchObject({ productId: a, quantityTiao: 3, limitTiao: null });
    const cycle = await db.orderCycle.findUniqueOrThrow({ where: { id: cycleIds[5]! } });
    expect(cycle.demandComputedAt).toBeInstanceOf(Date);
  });

  it('is idempotent: the job run again gives the same rows', async () => {
    const before = await summaryRows();
    await computeCycleDemand(db, [cycleIds[5]!]);
    await JOB_HANDLERS[CYCLE_DEMAND_QUEUE]!(db, { cycleId: cycleIds[5]! }, NOW);
    await backfillCycleDemand(db, NOW);
    // Two workers refreshing two cycles at once wait for each other rather than collide.
    await Promise.all([computeCycleDemand(db, [cycleIds[0]!]), computeCycleDemand(db, [cycleIds[1]!])]);
    expect(await summaryRows()).toEqual(before);
    expect(
      await db.districtGradeShops.findMany({ where: { districtId }, orderBy: { grade: 'asc' }, select: { grade: true, shops: true } }),
    ).toEqual([
      { grade: 0, shops: 1 },
      { grade: 5, shops: 1 },
      { grade: 15, shops: 1 },
      { grade: 16, shops: 1 },
    ]);
  });

  it('a closed cycle the summary lacks is enqueued once, and the screen says the summary lags', async () => {
    // A week later the next cycle has closed and nothing computed it yet.
    const later = new Date(`${addDays(TARGET_1, 8)}T02:00:00Z`);
    await enqueueCycleDemand(db, later);
    await enqueueCycleDemand(db, later);
    const jobs = await listQueuedJobs(db, { uniqueKeyPrefix: 'products:cycleDemand:' });
    expect(jobs.map((j) => [j.queue, j.uniqueKey, j.payload])).toEqual([
      [CYCLE_DEMAND_QUEUE, `products:cycleDemand:${target1}`, { cycleId: target1 }],
    ]);
    const api = backofficeCallerFor(db, staffActor(manager), () => later);
    const r = await api.products.demand({ districtId });
    expect(r.source).toMatchObject({ lastCycle: `T-${LAST}`, lagging: `T-${TARGET_1}` });
  });
});

describe('the demand procedure', () => {
  const series = (values: readonly number[]): Point[] => values.map((quantity, i) => ({ week: weeks[i]!, quantity }));
  const lastEight = weeks.slice(-8);

  it('forecasts each product beside the planned limits, with the back-test error', async () => {
    const api = backofficeCallerFor(db, staffActor(manager), clock);
    const r = await api.products.demand({ districtId });
    expect(r.source).toMatchObject({ firstCycle: `T-${FIRST}`, lastCycle: `T-${LAST}`, cycles: CYCLES, lagging: null });
    expect(r.scope).toEqual({ districtId, shops: 4 });
    expect(r.targets.map((t) => [t.week, t.code, t.policy])).toEqual([
      [TARGET_1, `T-${TARGET_1}`, { state: 'PUBLISHED', version: 1 }],
      [TARGET_2, `T-${TARGET_2}`, { state: 'DRAFT', version: 1 }],
      [addDays(LAST, 21), null, null],
      [addDays(LAST, 28), null, null],
    ]);
    // Largest expected demand first; C, with no history, last.
    expect(r.items.map((x) => x.productId)).toEqual([a, b, c]);
    const [rowA, rowB, rowC] = r.items as [(typeof r.items)[number], (typeof r.items)[number], (typeof r.items)[number]];
    expect(rowA).toMatchObject({
      method: 'seasonal',
      level: 20,
      levelCycles: 8,
      historyCycles: CYCLES,
      backtest: { mape: 0, skippedZero: 0, counted: 8 },
    });
    expect(rowA.cells.map((x) => [x.forecast, x.limit])).toEqual([
      [20, 'unlimited'],
      [20, 'unlimited'],
      [20, null],
      [20, null],
    ]);
    // B: the trimmed mean of 5 6 7 8 5 6 7 8 is 6.5; the published limit is 5 × the one shop of grades 1–10, the draft's 3 × three graded shops.
    expect(rowB.cells.map((x) => [x.forecast, x.limit, x.difference])).toEqual([
      [6.5, 5, -1.5],
      [6.5, 9, 2.5],
      [6.5, null, null],
      [6.5, null, null],
    ]);
    const bTest = backtest(series(B_ORDERS), lastEight, forecastCalendar([]), () => null);
    expect(rowB.backtest.mape).toBeCloseTo(bTest.mape!, 12);
    expect(rowB.backtest.mape).toBeGreaterThan(0);
    // C has no history: it says so, with no forecast and no error, and still shows its planned limit (2 × the three graded shops).
    expect(rowC).toMatchObject({ method: 'noHistory', level: null, historyCycles: 0, backtest: { mape: null, counted: 0 } });
    expect(rowC.cells[0]).toMatchObject({ forecast: null, limit: 6, difference: null });
    // The screen's MAPE weighs the products by what they sold over the same eight cycles.
    const aTest = backtest(series(Array.from({ length: CYCLES }, () => 20)), lastEight, forecastCalendar([]), () => null);
    expect(r.backtest).toMatchObject({ firstCycle: `T-${lastEight[0]}`, lastCycle: `T-${LAST}`, cycles: 8, series: 2, skippedZero: 0 });
    expect(r.backtest!.mape).toBeCloseTo(weightedMape([aTest, bTest])!, 12);
    // The chart is the first product's: its orders, the back-test's forecasts and the cycles ahead.
    expect(r.chart!.productId).toBe(a);
    expect(r.chart!.points.slice(-5).map((p) => [p.actual, p.backtest, p.forecast])).toEqual([
      [20, 20, null],
      [null, null, 20],
      [null, null, 20],
      [null, null, 20],
      [null, null, 20],
    ]);
  });

  it('adds the cycle’s per-shop adjustments to its planned limits, never taking a shop below 0', async () => {
    const api = backofficeCallerFor(db, staffActor(manager), clock);
    const created = await db.allocationAdjustment.createManyAndReturn({
      data: [
        // The grade-5 shop: B +3 (its limit 5 becomes 8) and C −10 (its limit 2 becomes 0, not −8).
        { retailerId: shops[0]!.id, cycleId: target1, productId: b, delta: 3, reason: '新开门面', createdById: manager.id },
        { retailerId: shops[0]!.id, cycleId: target1, productId: c, delta: -10, reason: '暂停', createdById: manager.id },
        // The grade-15 shop: B is not limited for grades 11–20 in the published policy, so this changes nothing.
        { retailerId: shops[1]!.id, cycleId: target1, productId: b, delta: 4, reason: '活动', createdById: manager.id },
      ],
    });
    try {
      const r = await api.products.demand({ districtId });
      const cell = (productId: number) => r.items.find((x) => x.productId === productId)!.cells[0]!;
      expect(cell(b)).toMatchObject({ limit: 8, difference: 1.5 });
      expect(cell(c)).toMatchObject({ limit: 4 });
      // Another district's screen is not moved by this district's adjustments.
      const lone = await api.products.demand({ districtId: loneDistrictId });
      expect(lone.items.find((x) => x.productId === b)!.cells[0]!.limit).toBe(0);
    } finally {
      await db.allocationAdjustment.deleteMany({ where: { id: { in: created.map((x) => x.id) } } });
    }
  });

  it('a product with no history says so; its chart is not drawn', async () => {
    const api = backofficeCallerFor(db, staffActor(manager), clock);
    const r = await api.products.demand({ districtId, productId: c });
    expect(r.total).toBe(1);
    expect(r.items[0]).toMatchObject({ productId: c, method: 'noHistory' });
    expect(r.items[0]!.cells.every((x) => x.forecast === null)).toBe(true);
    expect(r.chart!.points.every((p) => p.actual === null && p.forecast === null)).toBe(true);
    // The pooled figures are still the district's: the MAPE does not change with the product picked.
    expect(r.backtest!.series).toBe(2);
  });

  it('tells a one-shop district, and sums the whole company without a district', async () => {
    const api = backofficeCallerFor(db, staffActor(manager), clock);
    const lone = await api.products.demand({ districtId: loneDistrictId });
    expect(lone.scope!.shops).toBe(1);
    expect(lone.items.find((x) => x.productId === a)!.cells[0]!.forecast).toBe(3);
    const all = await api.products.demand({});
    expect(all.scope).toEqual({ districtId: null, shops: 5 });
    expect(all.items.find((x) => x.productId === a)!.cells[0]!.forecast).toBe(23);
  });

  it('refuses roles without the permission; the export carries the same rows', async () => {
    for (const staff of [am, agent])
      await expect(backofficeCallerFor(db, staffActor(staff), clock).products.demand({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, staffActor(manager), clock).products.demand({ districtId: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const { body, filename } = await createBackofficeRoutesCaller({
      db,
      actor: staffActor(manager),
      requestId: 'test',
      clock,
    }).productsDemandExport({
      districtId,
      format: 'csv',
      locale: 'zh-CN',
    });
    expect(filename).toBe(`demand-${districtId}.csv`);
    const lines = (await new Response(body).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain(`T-${TARGET_1} 预测（条）`);
    expect(lines).toHaveLength(4);
    // B: forecast, limit and difference per cycle ahead (a cell starting with '-' is quoted against spreadsheet formulas).
    expect(lines[2]).toContain(",7,5,'-2,7,9,3,7,尚无策略,,7,尚无策略,,");
    await expect(
      createBackofficeRoutesCaller({ db, actor: staffActor(am), requestId: 'test', clock }).productsDemandExport({
        format: 'csv',
        locale: 'zh-CN',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
