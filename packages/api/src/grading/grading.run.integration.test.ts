import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import type { PrismaClient } from '@tobacco/db/client';
import { createDistrict, createRetailer, createStaff } from '@tobacco/db/testing';
import { DEFAULT_GRADE_SHARES, SETTINGS } from '../admin/settings.registry';
import { JOB_HANDLERS } from '../jobs/jobs.handlers';
import { createBackofficeRoutesCaller } from '../routes';
import { GRADE_RUN_QUEUE } from './grading.run.service';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createOrder, createPolicy, createProduct, ensureCycle } from '../testing/portal-fixtures';
import { isolatedTestDatabase } from '../testing/isolated-database';
import { assignGrades, scoreRetailers } from './grading.rules';

// A run grades the whole company and publishing changes every retailer's grade, so these tests run in a
// database of their own (other files' retailers would otherwise be graded too).
const isolated = isolatedTestDatabase('grading');
let db: PrismaClient;

// Period 2077Q1 (1 January – 31 March 2077); its last cycle runs Monday 29 March – Sunday 4 April.
const openClock = () => new Date('2077-04-02T02:00:00Z'); // Friday 2 April, 10:00 China time: last cycle still open
const clock = () => new Date('2077-04-08T02:00:00Z'); // Thursday 8 April: all closed; 2077Q2 in force since 1 April
const Q1_MONDAYS = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2076, 11, 28 + 7 * i)).toISOString().slice(0, 10));

type Staff = Awaited<ReturnType<typeof createStaff>>;
let marketing: Staff;
let managerA: Staff;
let managerB: Staff;
let accountManager: Staff;
let admin: Staff;
const shops: Awaited<ReturnType<typeof createRetailer>>[] = [];
let newShop: Awaited<ReturnType<typeof createRetailer>>;
let violator: Awaited<ReturnType<typeof createRetailer>>;
let closed: Awaited<ReturnType<typeof createRetailer>>;

beforeAll(async () => {
  db = await isolated.open();
  const passwordHash = await hashPassword('irrelevant-1');
  const districtId = (await createDistrict(db)).id;
  [marketing, managerA, managerB, accountManager, admin] = await Promise.all([
    createStaff(db, { roles: ['MARKETING'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
    createStaff(db, { roles: ['ADMIN'], passwordHash }),
  ]);
  const premium = await createProduct(db, { productClass: 1, priceFen: 30_000 });
  const plain = await Promise.all([1, 2, 3].map(() => createProduct(db, { productClass: 4, priceFen: 8_000 })));
  const cycles = await Promise.all(Q1_MONDAYS.map((m) => ensureCycle(db, m)));
  // Twelve shops ordering 1…12 cartons a week in the period; every third also buys the premium brand.
  for (let i = 1; i <= 12; i += 1) {
    const shop = await createRetailer(db, { districtId, passwordHash, grade: 5, accountManagerId: i <= 3 ? accountManager.id : null });
    shops.push(shop);
    for (const cycle of cycles.slice(1, 13)) {
      const lines = [{ productId: plain[i % 3]!.id, quantity: i, unitPriceFen: 8_000 }];
      if (i % 3 === 0) lines.push({ productId: premium.id, quantity: 1, unitPriceFen: 30_000 });
      await createOrder(db, { retailerId: shop.id, cycleId: cycle.id, orderDate: cycle.weekStart.toISOString().slice(0, 10), lines });
    }
  }
  // A cancelled order counts for nothing.
  await createOrder(db, {
    retailerId: shops[0]!.id,
    cycleId: cycles[5]!.id,
    orderDate: '2077-02-01',
    lines: [{ productId: premium.id, quantity: 500 }],
    status: 'CANCELLED',
  });
  // The biggest buyer, with integrity C: capped.
  violator = await createRetailer(db, { districtId, passwordHash, grade: 25, integrityLevel: 'C' });
  await createOrder(db, {
    retailerId: violator.id,
    cycleId: cycles[3]!.id,
    orderDate: '2077-01-20',
    lines: [{ productId: premium.id, quantity: 400 }],
  });
  // Opened in February: no full period, so an initial grade (supermarket, town, 120 m²: 12 + 2 + 2).
  newShop = await createRetailer(db, { districtId, passwordHash, grade: 3, businessForm: 'S', market: 'C' });
  await db.retailer.update({ where: { id: newShop.id }, data: { openedOn: new Date('2077-02-01'), shopAreaM2: 120 } });
  closed = await createRetailer(db, { districtId, passwordHash, grade: 9, status: 'CANCELLED' });
});

afterAll(() => isolated.close());

const caller = (staff: Staff, at = clock) => backofficeCallerFor(db, staffActor(staff), at);

async function computeAndGetRun(runId: number) {
  // The queued job's handler, as the worker would run it.
  await JOB_HANDLERS[GRADE_RUN_QUEUE]!(db, { runId }, clock());
  return db.gradeRun.findUniqueOrThrow({ where: { id: runId }, include: { rows: true } });
}

describe('a grading run, from start to publish', () => {
  let runId: number;

  it('refuses a period whose last cycle is still open, naming the reason, and writes nothing', async () => {
    await expect(caller(marketing, openClock).grading.startRun({ periodCode: '2077Q1' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: { messageKey: 'grading.errors.cyclesOpen', params: { count: 1 } },
    });
    expect(await db.gradeRun.count()).toBe(0);
  });

  it('refuses a period that has not ended', async () => {
    await expect(caller(marketing).grading.startRun({ periodCode: '2077Q2' })).rejects.toMatchObject({
      cause: { messageKey: 'grading.errors.periodNotEnded' },
    });
  });

  it('computes a draft in the queue that agrees with the grading rules, storing what it used', async () => {
    const started = await caller(marketing).grading.startRun({ periodCode: '2077Q1' });
    runId = started.id;
    expect(started.state).toBe('COMPUTING');
    // A second start while it computes is refused.
    await expect(caller(managerA).grading.startRun({ periodCode: '2077Q1' })).rejects.toMatchObject({
      cause: { messageKey: 'grading.errors.runComputing' },
    });

    const run = await computeAndGetRun(runId);
    expect(run.state).toBe('DRAFT');
    expect(run.scoreWeights).toEqual(SETTINGS['grading.scoreWeights'].default);
    expect(run.shareTable).toEqual(DEFAULT_GRADE_SHARES);
    expect(run.settings).toMatchObject({ integrityCapGrade: 10, periodMonths: 3 });
    expect(run.rows.find((r) => r.retailerId === closed.id)).toBeUndefined();
    expect(run.retailerCount).toBe(14);
    expect(run.rankedCount).toBe(13);

    // The same totals through the pure rules give the same scores, ranks and grades.
    const ranked = run.rows.filter((r) => !r.initial);
    const expected = assignGrades(
      scoreRetailers(
        ranked.map((r) => ({
          retailerId: r.retailerId,
          volume: r.volumeTiao,
          amountFen: Number(r.amountFen),
          distinctProducts: r.distinctProducts,
          premiumVolume: r.premiumTiao,
        })),
        SETTINGS['grading.scoreWeights'].default,
      ),
      DEFAULT_GRADE_SHARES,
    );
    for (const e of expected) {
      const row = ranked.find((r) => r.retailerId === e.retailerId)!;
      expect([Number(row.score), row.rank, row.computedGrade]).toEqual([e.score, e.rank, e.grade]);
    }
    // Shop 12 ordered 12 × 12 cartons plus 12 premium: hand-computed totals.
    const top = run.rows.find((r) => r.retailerId === shops[11]!.id)!;
    expect([top.volumeTiao, Number(top.amountFen), top.distinctProducts, top.premiumTiao]).toEqual([156, 144 * 8_000 + 12 * 30_000, 2, 12]);
    // The cancelled order of shop 1 is not counted.
    expect(run.rows.find((r) => r.retailerId === shops[0]!.id)!.volumeTiao).toBe(12);

    const v = run.rows.find((r) => r.retailerId === violator.id)!;
    expect(v.computedGrade).toBeGreaterThan(10);
    expect(v).toMatchObject({ grade: 10, capped: true, rank: 1 });
    const n = run.rows.find((r) => r.retailerId === newShop.id)!;
    expect(n).toMatchObject({ initial: true, rank: null, computedGrade: 16, grade: 16 });
  });

  it('refuses a second draft of the same period and publishing by the manager who started it', async () => {
    await expect(caller(marketing).grading.startRun({ periodCode: '2077Q1' })).rejects.toMatchObject({
      cause: { messageKey: 'grading.errors.draftExists' },
    });
    // Marketing may not publish at all; the starter may not approve their own run.
    await expect(caller(marketing).grading.publishRun({ runId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await db.gradeRun.findUniqueOrThrow({ where: { id: runId } })).state).toBe('DRAFT');
  });

  it('publishes by another manager: grades in force, limits follow, every retailer told once, audited', async () => {
    const shop = shops[11]!;
    const before = await db.notification.count({ where: { kind: 'GRADE_PUBLISHED' } });
    const result = await caller(managerB).grading.publishRun({ runId });
    expect(result).toEqual({ runId, published: true });
    // Publishing twice publishes once.
    expect(await caller(managerA).grading.publishRun({ runId })).toEqual({ runId, published: false });

    const rows = await db.gradeRunRow.findMany({ where: { runId } });
    const inForce = await db.retailer.findMany({ where: { id: { in: rows.map((r) => r.retailerId) } }, select: { id: true, grade: true } });
    for (const r of rows) expect(inForce.find((x) => x.id === r.retailerId)?.grade).toBe(r.grade);
    expect(await db.retailer.findUniqueOrThrow({ where: { id: closed.id } })).toMatchObject({ grade: 9 });
    expect(await db.notification.count({ where: { kind: 'GRADE_PUBLISHED' } })).toBe(before + rows.length);
    expect(await db.retailerGrade.count({ where: { period: { code: '2077Q1' } } })).toBe(rows.length);
    const audit = await db.auditLog.findFirst({
      where: { entityType: 'GradeRun', entityId: String(runId), action: 'grading.run.publish' },
    });
    expect(audit?.actorStaffId).toBe(managerB.id);

    // The portal shows the new grade, and the next cycle's limits are those of its band.
    const portal = portalCallerFor(db, retailerActor(shop), clock);
    const mine = await portal.grading.mine();
    expect(mine.period?.code).toBe('2077Q1');
    const grade = rows.find((r) => r.retailerId === shop.id)!.grade;
    expect(mine.grade).toBe(grade);
    const next = await portal.allocation.mine({ cycle: 'next' });
    const cycle = await ensureCycle(db, next.cycle.start);
    const product = await createProduct(db, { scarce: true });
    await createPolicy(db, {
      cycleId: cycle.id,
      createdById: managerA.id,
      limits: [
        { productId: product.id, gradeFrom: 1, gradeTo: grade, limitQuantity: grade },
        ...(grade < 30 ? [{ productId: product.id, gradeFrom: grade + 1, gradeTo: 30, limitQuantity: 99 }] : []),
      ],
    });
    const limits = await portal.allocation.mine({ cycle: 'next' });
    expect(limits.grade).toBe(grade);
    expect(limits.items.find((i) => i.productId === product.id)?.limitQuantity).toBe(grade);
  });

  it('shows an account manager only their own retailers, and explains one retailer', async () => {
    const am = await caller(accountManager).grading.review({ runId });
    expect(am.totals.retailers).toBe(3);
    expect(am.run.canPublish).toBe(false);
    const rows = await caller(accountManager).grading.rows({ runId, pageSize: 100 });
    expect(rows.items.map((r) => r.retailerId).sort()).toEqual(
      shops
        .slice(0, 3)
        .map((s) => s.id)
        .sort(),
    );
    await expect(caller(accountManager).grading.explain({ runId, retailerId: shops[11]!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const all = await caller(marketing).grading.review({ runId });
    expect(all.totals).toEqual({ retailers: 14, ranked: 13, initial: 1, capped: 1 });
    expect(all.distribution.reduce((s, g) => s + g.final, 0)).toBe(14);
    expect(all.distribution.find((g) => g.grade === 1)?.targetShare).toBe(7);
    const up = await caller(marketing).grading.rows({ runId, sort: 'up' });
    for (let i = 1; i < up.items.length; i += 1) expect(up.items[i]!.delta!).toBeLessThanOrEqual(up.items[i - 1]!.delta!);
    const found = await caller(marketing).grading.rows({ runId, q: shops[11]!.licenceNo });
    expect(found.items.map((r) => r.retailerId)).toEqual([shops[11]!.id]);
    const why = await caller(marketing).grading.explain({ runId, retailerId: shops[11]!.id });
    expect(why.row).toMatchObject({ volumeTiao: 156, distinctProducts: 2 });
    expect(why.peers?.maxVolume).toBe(400);
    expect(why.weights).toEqual(SETTINGS['grading.scoreWeights'].default);
  });

  it('exports the rows in the reader’s language and the caller’s scope, and refuses a retailer', async () => {
    const routes = (actor: Parameters<typeof backofficeCallerFor>[1]) =>
      createBackofficeRoutesCaller({ db, actor, requestId: 'test', clock });
    const read = async (out: { body: ReadableStream<Uint8Array> }) => (await new Response(out.body).text()).trim().split('\n');
    const mine = await read(await routes(staffActor(accountManager)).gradingRunExport({ id: runId, format: 'csv', locale: 'en' }));
    expect(mine[0]).toContain('Licence');
    expect(mine).toHaveLength(1 + 3);
    const all = await read(await routes(staffActor(marketing)).gradingRunExport({ id: runId, format: 'csv', locale: 'zh-CN' }));
    expect(all[0]).toContain('许可证号');
    expect(all).toHaveLength(1 + 14);
    await expect(routes(retailerActor(shops[0]!)).gradingRunExport({ id: runId, format: 'csv', locale: 'en' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('previews a share table on the last published period, refusing one that does not sum to 100', async () => {
    const allTop = Array.from({ length: 30 }, (_, i) => (i === 29 ? 100 : 0));
    const preview = await caller(marketing).grading.previewShares({ shares: allTop });
    expect(preview).toMatchObject({ periodCode: '2077Q1', ranked: 13 });
    expect(preview!.grades[29]!.proposed).toBe(13);
    expect(preview!.up + preview!.grades[29]!.current).toBe(13);
    expect(preview!.down).toBe(0);
    await expect(caller(marketing).grading.previewShares({ shares: Array(30).fill(1) })).rejects.toMatchObject({
      cause: { messageKey: 'grading.errors.sharesSum' },
    });
    await expect(caller(accountManager).grading.previewShares({ shares: allTop })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await caller(marketing).grading.shareTable()).toEqual(DEFAULT_GRADE_SHARES);
  });

  it('corrects a published period only with a reason, superseding the earlier run', async () => {
    // The violator's level has improved since: the correction no longer caps it (the cap lifts at a publish).
    await caller(admin).grading.setIntegrity({
      retailerId: violator.id,
      level: 'A',
      effectiveFrom: '2077-04-07',
      reason: '整改完成，恢复诚信等级',
    });
    expect((await db.retailer.findUniqueOrThrow({ where: { id: violator.id } })).grade).toBe(10);
    await expect(caller(marketing).grading.startRun({ periodCode: '2077Q1' })).rejects.toMatchObject({
      cause: { messageKey: 'grading.errors.correctionNeedsReason' },
    });
    const correction = await caller(marketing).grading.startRun({ periodCode: '2077Q1', reason: '二月订单数据补录后重新评定' });
    expect(correction.reason).toBe('二月订单数据补录后重新评定');
    await computeAndGetRun(correction.id);
    await caller(managerA).grading.publishRun({ runId: correction.id });
    expect((await db.gradeRun.findUniqueOrThrow({ where: { id: runId } })).state).toBe('SUPERSEDED');
    // The superseded run keeps its rows: its explanation never changes.
    expect(await db.gradeRunRow.count({ where: { runId } })).toBe(14);
    expect(await db.auditLog.count({ where: { action: 'grading.run.startCorrection', entityId: String(correction.id) } })).toBe(1);
    const lifted = await db.gradeRunRow.findUniqueOrThrow({
      where: { runId_retailerId: { runId: correction.id, retailerId: violator.id } },
    });
    expect(lifted.capped).toBe(false);
    expect((await db.retailer.findUniqueOrThrow({ where: { id: violator.id } })).grade).toBe(lifted.computedGrade);
  });

  it('discards a draft, and refuses staff without the permission and retailers', async () => {
    const run = await caller(managerA).grading.startRun({ periodCode: '2076Q4' });
    await computeAndGetRun(run.id);
    await expect(caller(accountManager).grading.discardRun({ runId: run.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(accountManager).grading.startRun({ periodCode: '2076Q4' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, retailerActor(shops[0]!), clock).grading.periods()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await caller(marketing).grading.discardRun({ runId: run.id });
    expect((await db.gradeRun.findUniqueOrThrow({ where: { id: run.id } })).state).toBe('DISCARDED');
    await expect(caller(managerB).grading.publishRun({ runId: run.id })).rejects.toMatchObject({
      cause: { messageKey: 'grading.errors.notDraft' },
    });
    await expect(caller(managerB).grading.publishRun({ runId: 2147483000 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
