import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb, uniqueNumber } from '@tobacco/db/testing';
import { computeMonthlyRankings } from '../rankings/rankings.service';
import { createPortalRoutesCaller } from '../routes';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createOrder, createProduct, ensureCycle } from '../testing/portal-fixtures';
import { computeMonthlyProductSales, runMonthlyReports } from './business-report.service';

const db = testDb();
// Months of their own: the monthly sums and rankings cover every shop of the database.
const year = 2600 + (uniqueNumber() % 300);
const M = `${year}-05`;
const PREVIOUS = `${year}-04`;
const LAST_YEAR = `${year - 1}-05`;

type Shop = Awaited<ReturnType<typeof createRetailer>>;
let me: Shop;
let peers: Shop[];
let products: Awaited<ReturnType<typeof createProduct>>[];
let districtId: number;
let myManager: Awaited<ReturnType<typeof createStaff>>;
let otherManager: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  const passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  [myManager, otherManager] = await Promise.all([
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
  ]);
  me = await createRetailer(db, { districtId, passwordHash, grade: 15, accountManagerId: myManager.id });
  peers = [];
  for (let i = 0; i < 6; i++) peers.push(await createRetailer(db, { districtId, passwordHash, grade: 12 + i }));
  products = [
    await createProduct(db, { productClass: 1, priceFen: 30_000 }),
    await createProduct(db, { productClass: 4, priceFen: 8_000, scarce: true }),
    await createProduct(db, { productClass: 3, priceFen: 12_000 }),
  ];
  const [premium, scarce, popular] = products as [(typeof products)[number], (typeof products)[number], (typeof products)[number]];
  const order = async (
    shop: Shop,
    date: string,
    lines: { productId: number; quantity: number; unitPriceFen?: number }[],
    status?: 'CANCELLED',
  ) => createOrder(db, { retailerId: shop.id, cycleId: (await ensureCycle(db, date)).id, orderDate: date, lines, status });
  await order(me, `${M}-03`, [
    { productId: premium.id, quantity: 10, unitPriceFen: 30_000 },
    { productId: scarce.id, quantity: 2, unitPriceFen: 8_000 },
  ]);
  await order(me, `${M}-17`, [{ productId: premium.id, quantity: 50 }], 'CANCELLED');
  await order(me, `${PREVIOUS}-12`, [{ productId: premium.id, quantity: 5, unitPriceFen: 30_000 }]);
  await order(me, `${LAST_YEAR}-20`, [{ productId: premium.id, quantity: 8, unitPriceFen: 30_000 }]);
  for (const [i, peer] of peers.entries()) {
    await order(peer, `${M}-10`, [
      { productId: popular.id, quantity: 3 + i, unitPriceFen: 12_000 },
      { productId: premium.id, quantity: 20 + i, unitPriceFen: 30_000 },
    ]);
  }
  for (const month of [LAST_YEAR, PREVIOUS, M]) await computeMonthlyProductSales(db, month);
  await computeMonthlyRankings(db, M);
});

describe('the monthly business report', () => {
  it('sums each shop’s confirmed order lines per product, equal to a direct sum, and a rerun gives the same rows', async () => {
    const ids = [me, ...peers].map((s) => s.id);
    const from = new Date(`${M}-01T00:00:00Z`);
    const direct = await db.$queryRaw<{ retailerId: number; productId: number; quantity: bigint; amount: bigint }[]>`
      SELECT o."retailerId", l."productId", SUM(l.quantity)::bigint AS quantity, SUM(l."amountFen")::bigint AS amount
      FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
      WHERE o.status = 'CONFIRMED' AND o."orderDate" >= ${from} AND o."orderDate" < ${new Date(`${year}-06-01T00:00:00Z`)}
        AND o."retailerId" = ANY(${ids}) GROUP BY 1, 2 ORDER BY 1, 2`;
    const read = async () =>
      (
        await db.retailerProductMonth.findMany({
          where: { month: from, retailerId: { in: ids } },
          orderBy: [{ retailerId: 'asc' }, { productId: 'asc' }],
        })
      ).map((r) => ({ retailerId: r.retailerId, productId: r.productId, quantity: BigInt(r.quantityTiao), amount: r.amountFen }));
    const before = await read();
    expect(before).toEqual(direct);
    await computeMonthlyProductSales(db, M);
    expect(await read()).toEqual(before);
    // The peer group's product counts: the six peers ordered the popular product, they and the shop the premium
    // one; the scarce product only the shop (one shop, under five: not kept).
    const group = await db.peerGroupProductMonth.findMany({
      where: { month: from, districtId, gradeBand: 2 },
      select: { productId: true, shops: true },
      orderBy: { productId: 'asc' },
    });
    expect(group).toEqual(
      [
        { productId: products[0]!.id, shops: 7 },
        { productId: products[2]!.id, shops: 6 },
      ].sort((a, b) => a.productId - b.productId),
    );
  });

  it('shows the shop its month against last month and last year, by class, scarce share and standing band', async () => {
    const report = await portalCallerFor(db, retailerActor(me)).report.mine({ month: M });
    expect(report.totals.current).toEqual({ quantityTiao: 12, amountFen: 10 * 30_000 + 2 * 8_000, orderCount: 1 });
    expect(report.totals.previous.quantityTiao).toBe(5);
    expect(report.totals.lastYear.quantityTiao).toBe(8);
    expect(report.byClass).toEqual([
      { productClass: 1, quantityTiao: 10, previousTiao: 5, lastYearTiao: 8, amountFen: 300_000 },
      { productClass: 4, quantityTiao: 2, previousTiao: 0, lastYearTiao: 0, amountFen: 16_000 },
    ]);
    expect(report.scarce).toEqual({ quantityTiao: 2, share: 16.7 });
    // Seven shops of band 2; the six peers each ordered more: the shop is last.
    expect(report.standing).toMatchObject({ sales: 'bottom50', groupTooSmall: false });
    expect(report.summary[0]).toEqual({ key: 'report.summary.up', params: { quantity: 12, percent: 140 } });
  });

  it('suggests what the peers stock as a share of them, and never carries another shop’s figures', async () => {
    const report = await portalCallerFor(db, retailerActor(me)).report.mine({ month: M });
    expect(report.peerProducts).toEqual([
      { productId: products[2]!.id, brand: products[2]!.brand, name: products[2]!.name, peerShare: 100 },
    ]);
    const text = JSON.stringify(report);
    for (const peer of peers) {
      expect(text).not.toContain(peer.licenceNo);
      expect(text).not.toContain(peer.shopName);
    }
    // The peers' own volumes (20–25 of the premium product, 3–8 of the popular one) appear nowhere.
    expect(report.byBrand.map((b) => b.quantityTiao)).toEqual(
      report.byBrand.map((b) => (b.brand === products[0]!.brand ? 10 : b.quantityTiao)),
    );
  });

  it('a peer sees its own report only', async () => {
    const report = await portalCallerFor(db, retailerActor(peers[5]!)).report.mine({ month: M });
    expect(report.totals.current.quantityTiao).toBe(8 + 25);
    // Rank 1 of 7 is the top 14 %: the top-25 % band.
    expect(report.standing.sales).toBe('top25');
  });

  it('the shop’s account manager reads the same report; another account manager gets NOT_FOUND', async () => {
    const shops = await portalCallerFor(db, retailerActor(me)).report.mine({ month: M });
    const managers = await backofficeCallerFor(db, staffActor(myManager)).report.forRetailer({ retailerId: me.id, month: M });
    expect(managers).toEqual(shops);
    await expect(
      backofficeCallerFor(db, staffActor(otherManager)).report.forRetailer({ retailerId: me.id, month: M }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('the Excel download carries the same figures, the standing and the account manager’s commentary', async () => {
    const exportAs = async (locale: 'zh-CN' | 'en') => {
      const { body, filename } = await createPortalRoutesCaller({
        db,
        actor: retailerActor(me),
        requestId: 't',
        clock: () => new Date(),
      }).reportExport({ month: M, locale });
      expect(filename).toBe(`report-${M}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await new Response(body).arrayBuffer());
      const rows: unknown[][] = [];
      workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const before = await exportAs('zh-CN');
    expect(before).toContainEqual(['订货总览', '订货量（条）', 12, 5, 8]);
    expect(before).toContainEqual(['与同类客户相比', '销售额', '后 50%']);
    expect(JSON.stringify(before)).not.toContain('客户经理点评');

    const comment = await db.reportComment.create({
      data: { retailerId: me.id, month: new Date(`${M}-01`), body: '本月高档烟订得好，紧俏品可多试。', authorId: myManager.id },
    });
    try {
      const zh = await exportAs('zh-CN');
      expect(zh.find((r) => r[0] === '客户经理点评')?.slice(0, 2)).toEqual(['客户经理点评', '本月高档烟订得好，紧俏品可多试。']);
      const en = await exportAs('en');
      expect(en).toContainEqual(['Orders overview', 'Quantity (cartons)', 12, 5, 8]);
      expect(en.find((r) => r[1] === '本月高档烟订得好，紧俏品可多试。')?.[0]).toBe('Account manager’s commentary');
    } finally {
      await db.reportComment.delete({ where: { id: comment.id } });
    }
  });

  it('the monthly job tells each shop once', async () => {
    await runMonthlyReports(db, { month: M }, new Date());
    await runMonthlyReports(db, { month: M }, new Date());
    const notices = await db.notification.findMany({ where: { retailerId: me.id, link: `/report?month=${M}` } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.messageKey).toBe('report.notice.ready');
  });

  it('a month with nothing says so; a malformed month is refused', async () => {
    const fresh = await portalCallerFor(db, retailerActor(me)).report.mine({ month: `${year}-01` });
    expect(fresh.totals.current.quantityTiao).toBe(0);
    expect(fresh.summary).toEqual([{ key: 'report.summary.noOrders', params: {} }]);
    await expect(portalCallerFor(db, retailerActor(me)).report.mine({ month: '2026-13' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
