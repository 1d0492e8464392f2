import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb, uniqueNumber } from '@tobacco/db/testing';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createOrder, createProduct, ensureCycle } from '../testing/portal-fixtures';
import { analysisWindow, orderDaysInMonth } from './business-analysis.rules';
import { computeMonthlyProductSales } from './business-report.service';

const db = testDb();
// Years of their own: the monthly job covers every shop of the database for a month.
const year = 2300 + (uniqueNumber() % 250);
const M = `${year}-06`;
const WINDOW = analysisWindow(M);
// Inside the commentary window of M (July, China time), and after it (September).
const open = () => new Date(`${year}-07-10T04:00:00Z`);
const closed = () => new Date(`${year}-09-01T04:00:00Z`);

type Shop = Awaited<ReturnType<typeof createRetailer>>;
type Staff = Awaited<ReturnType<typeof createStaff>>;
let me: Shop;
let peers: Shop[];
let otherBand: Shop;
let lonely: Shop;
let newShop: Shop;
let futureShop: Shop;
let myManager: Staff;
let otherManager: Staff;
let manager: Staff;
let marketing: Staff;
let premium: Awaited<ReturnType<typeof createProduct>>;
let plain: Awaited<ReturnType<typeof createProduct>>;

/** The dates of ISO weekday `weekday` in `month`. */
function weekdays(month: string, weekday: number): string[] {
  const out: string[] = [];
  for (let d = new Date(`${month}-01T00:00:00Z`); d.toISOString().startsWith(month); d = new Date(d.getTime() + 86_400_000)) {
    if (((d.getUTCDay() + 6) % 7) + 1 === weekday) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}

async function order(
  shop: Shop,
  date: string,
  lines: { productId: number; quantity: number; unitPriceFen?: number }[],
  status?: 'CANCELLED',
) {
  return createOrder(db, { retailerId: shop.id, cycleId: (await ensureCycle(db, mondayOf(date))).id, orderDate: date, lines, status });
}

beforeAll(async () => {
  const passwordHash = await hashPassword('irrelevant-1');
  const [district, smallDistrict] = [await createDistrict(db), await createDistrict(db)];
  [myManager, otherManager, manager, marketing] = await Promise.all([
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['MARKETING'], passwordHash }),
  ]);
  premium = await createProduct(db, { productClass: 1, priceFen: 30_000 });
  plain = await createProduct(db, { productClass: 3, priceFen: 12_000 });
  // Wednesday is the shop's order day (orderWeekday 3).
  me = await createRetailer(db, { districtId: district.id, passwordHash, grade: 15, accountManagerId: myManager.id, orderWeekday: 3 });
  peers = [];
  for (let i = 0; i < 5; i++) {
    peers.push(await createRetailer(db, { districtId: district.id, passwordHash, grade: 11 + i, accountManagerId: otherManager.id }));
  }
  otherBand = await createRetailer(db, { districtId: district.id, passwordHash, grade: 25 });
  lonely = await createRetailer(db, { districtId: smallDistrict.id, passwordHash, grade: 15, accountManagerId: myManager.id });
  newShop = await createRetailer(db, { districtId: smallDistrict.id, passwordHash, grade: 5, accountManagerId: myManager.id });
  futureShop = await createRetailer(db, { districtId: smallDistrict.id, passwordHash, grade: 5, accountManagerId: myManager.id });
  await db.retailer.update({ where: { id: newShop.id }, data: { openedOn: new Date(`${year}-05-10`) } });
  await db.retailer.update({ where: { id: futureShop.id }, data: { openedOn: new Date(`${year + 1}-01-10`) } });

  // The shop: an order the December before the window (the first gap reaches back to it), then every
  // Wednesday of April, two of May (one with a second order the same day), one of June, a cancelled one.
  await order(me, weekdays(`${year - 1}-12`, 3)[1]!, [{ productId: plain.id, quantity: 4, unitPriceFen: 12_000 }]);
  for (const d of weekdays(`${year}-04`, 3)) await order(me, d, [{ productId: premium.id, quantity: 3, unitPriceFen: 30_000 }]);
  const may = weekdays(`${year}-05`, 3);
  await order(me, may[0]!, [
    { productId: premium.id, quantity: 2, unitPriceFen: 30_000 },
    { productId: plain.id, quantity: 6, unitPriceFen: 12_000 },
  ]);
  await order(me, may[0]!, [{ productId: plain.id, quantity: 1, unitPriceFen: 12_000 }]);
  await order(me, may[2]!, [{ productId: plain.id, quantity: 5, unitPriceFen: 12_000 }]);
  await order(me, weekdays(M, 3)[1]!, [{ productId: premium.id, quantity: 10, unitPriceFen: 30_000 }]);
  await order(me, weekdays(M, 3)[2]!, [{ productId: premium.id, quantity: 99, unitPriceFen: 30_000 }], 'CANCELLED');
  for (const [i, peer] of peers.entries()) {
    for (const d of weekdays(M, 3)) await order(peer, d, [{ productId: plain.id, quantity: 10 + i, unitPriceFen: 12_000 }]);
  }
  await order(otherBand, weekdays(M, 3)[0]!, [{ productId: premium.id, quantity: 500, unitPriceFen: 30_000 }]);
  await order(lonely, weekdays(M, 3)[0]!, [{ productId: plain.id, quantity: 7, unitPriceFen: 12_000 }]);
  await order(newShop, weekdays(M, 3)[0]!, [{ productId: plain.id, quantity: 2, unitPriceFen: 12_000 }]);
  for (const month of [`${year - 1}-12`, ...WINDOW]) await computeMonthlyProductSales(db, month);
});

/** The capability computed straight from the order lines, independently of the summary and the rules. */
async function direct(shop: Shop) {
  const lines = await db.$queryRaw<
    { orderDate: Date; cycleId: number; productId: number; productClass: number; quantity: number; amountFen: bigint }[]
  >`
    SELECT o."orderDate", o."cycleId", l."productId", p."productClass", l.quantity, l."amountFen"
    FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id JOIN "Product" p ON p.id = l."productId"
    WHERE o."retailerId" = ${shop.id} AND o.status = 'CONFIRMED'`;
  const inWindow = lines.filter((l) => WINDOW.includes(l.orderDate.toISOString().slice(0, 7)));
  const quantity = inWindow.reduce((s, l) => s + l.quantity, 0);
  const amount = inWindow.reduce((s, l) => s + Number(l.amountFen), 0);
  const byMonth = new Map<string, Set<number>>();
  for (const l of inWindow) {
    const m = l.orderDate.toISOString().slice(0, 7);
    byMonth.set(m, (byMonth.get(m) ?? new Set()).add(l.productId));
  }
  const variety = [...byMonth.values()].reduce((s, p) => s + p.size, 0) / byMonth.size;
  const premiumShare = inWindow.filter((l) => l.productClass <= 2).reduce((s, l) => s + l.quantity, 0) / quantity;
  const cycles = new Set(inWindow.map((l) => `${l.orderDate.toISOString().slice(0, 7)}:${l.cycleId}`)).size;
  const orderDays = WINDOW.reduce((s, m) => s + orderDaysInMonth(m, shop.orderWeekday), 0);
  const dates = [...new Set(lines.map((l) => l.orderDate.getTime()))].sort((a, b) => a - b);
  const gaps = dates
    .map((d, i) => ({ d, gap: i === 0 ? null : (d - dates[i - 1]!) / 86_400_000 }))
    .filter((g) => g.gap !== null && WINDOW.includes(new Date(g.d).toISOString().slice(0, 7)))
    .map((g) => g.gap!);
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
  const r1 = (n: number) => Math.round(n * 10) / 10;
  return {
    activeMonths: 12,
    volumePerMonth: r1(quantity / 12),
    amountFenPerMonth: Math.round(amount / 12),
    variety: r1(variety),
    premiumShare: r1(premiumShare * 100),
    regularity: r1(Math.min(1, cycles / orderDays) * 100),
    intervals: { meanDays: r1(mean), sdDays: r1(sd) },
  };
}

describe('the business analysis', () => {
  it('profiles the shop from the monthly summary, equal to a direct computation from the order lines', async () => {
    const analysis = await backofficeCallerFor(db, staffActor(myManager), open).report.analysis({ retailerId: me.id, month: M });
    expect(analysis.capability).toEqual(await direct(me));
    // Sanity of the data set itself: 11 cartons … not a vacuous equality.
    expect(analysis.capability!.premiumShare).toBeGreaterThan(0);
    expect(analysis.capability!.intervals!.sdDays).toBeGreaterThan(0);
  });

  it('a rerun of the monthly job gives the same summary, capability and peer bands', async () => {
    const read = () =>
      Promise.all([
        db.retailerMonthProfile.findMany({ where: { retailerId: me.id }, orderBy: { month: 'asc' }, omit: { computedAt: true } }),
        db.retailerMonthCapability.findMany({
          where: { retailerId: { in: [me.id, ...peers.map((p) => p.id)] } },
          orderBy: [{ month: 'asc' }, { retailerId: 'asc' }],
          omit: { computedAt: true },
        }),
      ]);
    const before = await read();
    expect(before[1].filter((c) => c.month.toISOString().startsWith(M))).toHaveLength(6);
    await computeMonthlyProductSales(db, M);
    expect(await read()).toEqual(before);
  });

  it('says when the job has not computed the month’s capability, and shows it once the job has run', async () => {
    const caller = backofficeCallerFor(db, staffActor(myManager), open);
    await db.retailerMonthCapability.delete({ where: { month_retailerId: { month: new Date(`${M}-01`), retailerId: me.id } } });
    const missing = await caller.report.analysis({ retailerId: me.id, month: M });
    expect(missing).toMatchObject({ computedAt: null, capability: null, peers: { bands: [] } });
    // The months it ordered are still shown.
    expect(missing.trend.map((p) => p.month)).toContain(M);
    await computeMonthlyProductSales(db, M);
    const back = await caller.report.analysis({ retailerId: me.id, month: M });
    expect(back.computedAt).toBeInstanceOf(Date);
    expect(back.capability).toEqual(await direct(me));
  });

  it('shows twelve months of trend, months without orders as zeros', async () => {
    const analysis = await backofficeCallerFor(db, staffActor(myManager), open).report.analysis({ retailerId: me.id, month: M });
    expect(analysis.trend.map((p) => p.month)).toEqual(WINDOW);
    const quantities = Object.fromEntries(analysis.trend.map((p) => [p.month, p.quantityTiao]));
    expect(quantities[`${year}-04`]).toBe(3 * weekdays(`${year}-04`, 3).length);
    expect(quantities[`${year}-05`]).toBe(14);
    expect(quantities[M]).toBe(10);
    expect(quantities[`${year}-01`]).toBe(0);
  });

  it('places each figure in a percentile band among the district’s shops of the same grade band, without their figures', async () => {
    const analysis = await backofficeCallerFor(db, staffActor(myManager), open).report.analysis({ retailerId: me.id, month: M });
    // Five peers and the shop; the grade-25 shop of the same district is another band.
    expect(analysis.peers).toMatchObject({ groupSize: 6, groupTooSmall: false, gradeBand: 2 });
    const band = Object.fromEntries(analysis.peers.bands.map((b) => [b.metric, b.band]));
    // The only shop of the group with class-1 cartons, and the one that ordered in most cycles: rank 1 of 6.
    expect(band.premium).toBe('top25');
    expect(band.regularity).toBe('top25');
    // The peers' June alone (40–70 条, i.e. 3.3–5.8 a month over the year) against the shop's 3.3: last.
    expect(band.volume).toBe('bottom50');
    const text = JSON.stringify(analysis);
    for (const shop of [...peers, otherBand]) {
      expect(text).not.toContain(shop.licenceNo);
      expect(text).not.toContain(shop.shopName);
    }
  });

  it('says so for a district with one shop, a new shop and a shop not yet open, never zeros or NaN', async () => {
    const caller = backofficeCallerFor(db, staffActor(myManager), open);
    const alone = await caller.report.analysis({ retailerId: lonely.id, month: M });
    expect(alone.peers).toMatchObject({ groupSize: 1, groupTooSmall: true, bands: [] });
    const fresh = await caller.report.analysis({ retailerId: newShop.id, month: M });
    expect(fresh.trend.map((p) => p.month)).toEqual([`${year}-05`, M]);
    expect(fresh.capability).toMatchObject({ activeMonths: 2, volumePerMonth: 1, premiumShare: 0, intervals: null });
    const future = await caller.report.analysis({ retailerId: futureShop.id, month: M });
    expect(future).toMatchObject({ trend: [], capability: null });
    for (const a of [alone, fresh, future]) expect(JSON.stringify(a)).not.toContain('NaN');
  });

  it('another account manager’s shop is NOT_FOUND; a manager sees every shop; marketing is refused', async () => {
    await expect(
      backofficeCallerFor(db, staffActor(otherManager), open).report.analysis({ retailerId: me.id, month: M }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const seen = await backofficeCallerFor(db, staffActor(manager), open).report.analysis({ retailerId: me.id, month: M });
    expect(seen.capability).toEqual(await direct(me));
    await expect(
      backofficeCallerFor(db, staffActor(marketing), open).report.analysis({ retailerId: me.id, month: M }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the account manager’s commentary', () => {
  const text = '本月高档烟订货明显增加，订货日都按时下单，继续保持。建议试订同类客户常订的规格。';

  it('is refused to another account manager (NOT_FOUND), to marketing and to a retailer, and changes nothing', async () => {
    await expect(
      backofficeCallerFor(db, staffActor(otherManager), open).report.saveComment({ retailerId: me.id, month: M, body: text, version: 0 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      backofficeCallerFor(db, staffActor(marketing), open).report.saveComment({ retailerId: me.id, month: M, body: text, version: 0 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      backofficeCallerFor(db, retailerActor(me), open).report.saveComment({ retailerId: me.id, month: M, body: text, version: 0 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Too long: a translated message, nothing stored.
    await expect(
      backofficeCallerFor(db, staffActor(myManager), open).report.saveComment({
        retailerId: me.id,
        month: M,
        body: '好'.repeat(501),
        version: 0,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('report.comment.tooLong') });
    // After the window: closed.
    await expect(
      backofficeCallerFor(db, staffActor(myManager), closed).report.saveComment({ retailerId: me.id, month: M, body: text, version: 0 }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: 'report.comment.closed' });
    expect(await db.reportComment.count({ where: { retailerId: me.id } })).toBe(0);
  });

  it('the shop’s account manager writes it; the shop reads it in its report and gets one notice; the write is audited', async () => {
    const saved = await backofficeCallerFor(db, staffActor(myManager), open).report.saveComment({
      retailerId: me.id,
      month: M,
      body: `  ${text}  `,
      version: 0,
    });
    expect(saved).toEqual({ version: 1 });
    const report = await portalCallerFor(db, retailerActor(me)).report.mine({ month: M });
    expect(report.comment).toMatchObject({ body: text, authorName: myManager.name, edited: false });
    const notices = await db.notification.findMany({ where: { retailerId: me.id, messageKey: 'report.notice.comment' } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ params: { month: M }, link: `/report?month=${M}` });
    const audit = await db.auditLog.findMany({ where: { entityType: 'ReportComment', actorStaffId: myManager.id } });
    expect(audit.map((a) => a.action)).toEqual(['reportComment.create']);
    // Another shop's report carries nothing of it.
    const peerReport = await portalCallerFor(db, retailerActor(peers[0]!)).report.mine({ month: M });
    expect(peerReport.comment).toBeNull();
    expect(JSON.stringify(peerReport)).not.toContain(text);
  });

  it('a manager edits it with the version seen; a stale version is a CONFLICT; an edit sends no second notice', async () => {
    const edited = `${text}（经理补充：下月注意紧俏货源。）`;
    await backofficeCallerFor(db, staffActor(manager), open).report.saveComment({ retailerId: me.id, month: M, body: edited, version: 1 });
    await expect(
      backofficeCallerFor(db, staffActor(myManager), open).report.saveComment({ retailerId: me.id, month: M, body: text, version: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      backofficeCallerFor(db, staffActor(myManager), open).report.saveComment({ retailerId: me.id, month: M, body: text, version: 0 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const analysis = await backofficeCallerFor(db, staffActor(myManager), open).report.analysis({ retailerId: me.id, month: M });
    expect(analysis.comment).toMatchObject({ body: edited, authorName: manager.name, edited: true, version: 2 });
    expect(analysis.canComment).toBe(true);
    expect(await db.notification.count({ where: { retailerId: me.id, messageKey: 'report.notice.comment' } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'ReportComment', action: 'reportComment.update' } });
    expect(audit).toMatchObject({ actorStaffId: manager.id, before: { body: text }, after: { body: edited } });
    // Read by the shop's own report only; another account manager cannot read it either.
    await expect(
      backofficeCallerFor(db, staffActor(otherManager), open).report.forRetailer({ retailerId: me.id, month: M }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const closedView = await backofficeCallerFor(db, staffActor(myManager), closed).report.analysis({ retailerId: me.id, month: M });
    expect(closedView).toMatchObject({ canComment: false, commentWindow: { open: false, reason: 'closed' } });
  });
});
