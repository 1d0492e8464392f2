import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { JOB_HANDLERS } from '../jobs/jobs.handlers';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createOrder, createProduct, createRewardItem, ensureCycle } from '../testing/portal-fixtures';
import { appendPointsEntry } from './rewards.ledger';
import { REWARD_RUN_QUEUE, runRewardPeriod } from './rewards.jobs';
import { meetsRule, type RetailerMeasures } from './rewards.run.rules';
import { findJob } from '../jobs/jobs.service';

const db = testDb();
let passwordHash: string;
let districtId: number;
type Staff = Awaited<ReturnType<typeof createStaff>>;
let marketing: Staff;
let manager: Staff;
let executive: Staff;
let agent: Staff;

// Runs here are for periods in 2071 and later, which no other file orders in, so the rules below grant
// points to these tests' shops only; years go up test by test (a rule cannot change a period already run).
const as = (user: Staff, now: Date) => backofficeCallerFor(db, staffActor(user), () => now);

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  [marketing, manager, executive, agent] = await Promise.all([
    createStaff(db, { roles: ['MARKETING'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['EXECUTIVE'], passwordHash }),
    createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash }),
  ]);
});

/** The six rules effective from `period`: only contribution and growth on, so only shops with orders then earn. */
async function rulesFrom(period: string, now: Date) {
  const save = (
    kind: 'SETTLEMENT_RATE' | 'INTEGRITY' | 'CONTRIBUTION' | 'GROWTH' | 'SURVEY_COMPLETE' | 'PRICE_COMPLIANCE',
    params: Record<string, unknown>,
    points: number,
    active: boolean,
  ) =>
    as(marketing, now).rewards.saveRule({
      kind,
      name: `${kind} 规则`,
      nameEn: `${kind} rule`,
      params,
      points,
      active,
      effectiveFrom: period,
    });
  await save('SETTLEMENT_RATE', { minRate: 0.98 }, 300, false);
  await save('INTEGRITY', { levels: ['AAA', 'AA'] }, 200, false);
  const contribution = await save('CONTRIBUTION', { minShare: 0.01 }, 400, true);
  const growth = await save('GROWTH', { minGrowth: 0.05 }, 200, true);
  await save('SURVEY_COMPLETE', {}, 50, false);
  await save('PRICE_COMPLIANCE', {}, 100, false);
  return { contribution: contribution.id, growth: growth.id };
}

async function orderIn(retailerId: number, monday: string, quantity: number) {
  const cycle = await ensureCycle(db, monday);
  const product = await createProduct(db);
  await createOrder(db, { retailerId, cycleId: cycle.id, orderDate: monday, lines: [{ productId: product.id, quantity }] });
}

describe('period runs', () => {
  it('previews who gets what, runs once as a job with progress, and never grants a period twice', async () => {
    const now = new Date('2071-05-01T02:00:00Z');
    const rules = await rulesFrom('2071-Q1', now);
    const grower = await createRetailer(db, { districtId, passwordHash });
    const shrinker = await createRetailer(db, { districtId, passwordHash });
    const idle = await createRetailer(db, { districtId, passwordHash });
    await orderIn(grower.id, '2070-01-06', 50);
    await orderIn(grower.id, '2071-01-05', 100);
    await orderIn(shrinker.id, '2070-01-06', 20);
    await orderIn(shrinker.id, '2071-01-05', 10);

    const preview = await as(executive, now).rewards.previewRun({ periodCode: '2071q1' });
    expect(preview.periodCode).toBe('2071-Q1');
    expect(preview.range).toEqual({ from: '2071-01-01', to: '2071-03-31' });
    expect(preview.run).toBeNull();
    expect(preview.rules.map((r) => [r.kind, r.retailers, r.totalPoints])).toEqual([
      ['CONTRIBUTION', 2, 800],
      ['GROWTH', 1, 200],
    ]);
    expect(preview).toMatchObject({ earning: 2, points: 1000 });
    expect(preview.items.map((i) => [i.licenceNo, i.points])).toEqual([
      [grower.licenceNo, 600],
      [shrinker.licenceNo, 400],
    ]);
    // A preview writes nothing.
    expect(await db.pointsEntry.count({ where: { retailerId: { in: [grower.id, shrinker.id] } } })).toBe(0);

    await expect(as(executive, now).rewards.startRun({ periodCode: '2071-Q1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { id } = await as(marketing, now).rewards.startRun({ periodCode: '2071-q1' });
    // The same period, in any spelling, is refused.
    await expect(as(marketing, now).rewards.startRun({ periodCode: '2071-Q1' })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { messageKey: 'rewards.staff.errors.alreadyRun' },
    });
    await expect(as(marketing, now).rewards.startRun({ periodCode: '2071Q1' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const job = await findJob(db, 'rewards:run:2071-Q1');
    expect(job).toMatchObject({ queue: REWARD_RUN_QUEUE, payload: { runId: id } });
    expect(JOB_HANDLERS[REWARD_RUN_QUEUE]).toBeDefined();

    // Small batches, to go through several transactions with progress.
    await runRewardPeriod(db, { runId: id }, now, 25);
    const run = await as(executive, now).rewards.run({ id });
    expect(run.state).toBe('COMMITTED');
    expect(run.processed).toBe(run.total);
    expect(run.total).toBeGreaterThanOrEqual(3);

    const entries = await db.pointsEntry.findMany({ where: { runId: id }, orderBy: [{ retailerId: 'asc' }, { ruleId: 'asc' }] });
    expect(entries.map((e) => [e.retailerId, e.ruleId, e.points, e.balanceAfter])).toEqual([
      [grower.id, rules.contribution, 400, 400],
      [grower.id, rules.growth, 200, 600],
      [shrinker.id, rules.contribution, 400, 400],
    ]);
    expect((await db.retailer.findUniqueOrThrow({ where: { id: grower.id } })).pointsBalance).toBe(600);
    expect((await db.retailer.findUniqueOrThrow({ where: { id: idle.id } })).pointsBalance).toBe(0);

    // A retried job grants nothing twice.
    await db.rewardRun.update({ where: { id }, data: { state: 'FAILED' } });
    await runRewardPeriod(db, { runId: id }, now, 25);
    expect(await db.pointsEntry.count({ where: { runId: id } })).toBe(3);
    expect((await db.retailer.findUniqueOrThrow({ where: { id: grower.id } })).pointsBalance).toBe(600);

    // The retailer sees the entries in the portal ledger.
    const ledger = await portalCallerFor(db, retailerActor(grower), () => now).rewards.ledger({});
    expect(ledger.items).toHaveLength(2);

    const preview2 = await as(marketing, now).rewards.previewRun({ periodCode: '2071-Q1' });
    expect(preview2.run).toMatchObject({ id, state: 'COMMITTED' });
    const audit = await db.auditLog.findMany({ where: { entityType: 'RewardRun', entityId: String(id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorStaffId])).toEqual([
      ['rewardRun.start', marketing.id],
      ['rewardRun.commit', null],
      ['rewardRun.commit', null],
    ]);
    expect(audit[1]!.after).toMatchObject({ retailers: 2, points: 1000 });
  });

  it('refuses a period that has not ended', async () => {
    const now = new Date('2072-02-01T02:00:00Z');
    await rulesFrom('2072-Q1', now);
    await expect(as(marketing, now).rewards.startRun({ periodCode: '2072-Q1' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: { messageKey: 'rewards.staff.errors.periodNotOver' },
    });
    await expect(as(marketing, now).rewards.startRun({ periodCode: '2072-Q5' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('evaluates a rule in SQL as the pure rule does', async () => {
    const now = new Date('2073-05-01T02:00:00Z');
    await rulesFrom('2073-Q1', now);
    const shops = await Promise.all([1, 2, 3].map(() => createRetailer(db, { districtId, passwordHash })));
    const volumes: [number, number][] = [
      [100, 104],
      [100, 106],
      [0, 40],
    ];
    for (const [i, [prev, vol]] of volumes.entries()) {
      if (prev) await orderIn(shops[i]!.id, '2072-01-05', prev);
      await orderIn(shops[i]!.id, '2073-01-02', vol);
    }
    const preview = await as(marketing, now).rewards.previewRun({ periodCode: '2073-Q1' });
    const totalVolume = volumes.reduce((s, [, v]) => s + v, 0);
    const growthRule = { kind: 'GROWTH' as const, params: { minGrowth: 0.05 } };
    const expected = shops.filter((_, i) => {
      const [prev, vol] = volumes[i]!;
      const m: RetailerMeasures = {
        grade: 10,
        integrityLevel: 'A',
        volume: vol,
        prevVolume: prev,
        share: vol / totalVolume,
        surveyComplete: false,
        settlementRate: null,
        priceCompliant: null,
      };
      return meetsRule(growthRule, m);
    });
    expect(preview.rules.find((r) => r.kind === 'GROWTH')!.retailers).toBe(expected.length);
    expect(expected.map((s) => s.id)).toEqual([shops[1]!.id]);
  });
});

describe('rule changes', () => {
  it('adds a version effective from a period, changes an unused one in place, audit-logged, and never rewrites a period already run', async () => {
    const now = new Date('2091-01-15T02:00:00Z');
    const input = {
      kind: 'INTEGRITY' as const,
      name: '诚信经营',
      nameEn: 'Integrity',
      params: { levels: ['AAA'] },
      points: 150,
      active: true,
      effectiveFrom: '2090-Q3',
    };
    await expect(as(agent, now).rewards.saveRule(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(manager, now).rewards.saveRule(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(marketing, now).rewards.saveRule({ ...input, params: { levels: [] } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { messageKey: 'rewards.staff.validation.params' },
    });
    const first = await as(marketing, now).rewards.saveRule(input);
    expect(first.created).toBe(true);
    const again = await as(marketing, now).rewards.saveRule({ ...input, effectiveFrom: '2090q3', points: 180 });
    expect(again).toEqual({ id: first.id, created: false });
    const audit = await db.auditLog.findMany({ where: { entityType: 'RewardRule', entityId: String(first.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['rewardRule.create', 'rewardRule.update']);
    expect(audit[1]).toMatchObject({
      actorStaffId: marketing.id,
      before: { points: 150 },
      after: { points: 180, effectiveFrom: '2090-Q3' },
    });
    const listed = await as(executive, now).rewards.rules();
    expect(listed.rules.find((r) => r.id === first.id)).toMatchObject({ points: 180, effectiveFrom: '2090-Q3' });

    await expect(as(marketing, now).rewards.saveRule({ ...input, effectiveFrom: '2071-Q1' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: { messageKey: 'rewards.staff.errors.periodAlreadyRun' },
    });
  });
});

describe('catalogue and fulfilment', () => {
  it('manages items with an audit row; only marketing may', async () => {
    const now = new Date('2071-06-01T02:00:00Z');
    const item = {
      name: '门头灯箱维护',
      nameEn: 'Sign box service',
      description: '上门维护一次',
      kind: 'SERVICE' as const,
      points: 300,
      stock: 20,
      active: true,
    };
    await expect(as(agent, now).rewards.saveItem(item)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { id } = await as(marketing, now).rewards.saveItem(item);
    await as(marketing, now).rewards.saveItem({ ...item, id, stock: 5, active: false });
    expect(await db.rewardItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ stock: 5, active: false });
    expect(
      (await db.auditLog.findMany({ where: { entityType: 'RewardItem', entityId: String(id) }, orderBy: { id: 'asc' } })).map(
        (a) => a.action,
      ),
    ).toEqual(['rewardItem.create', 'rewardItem.update']);
    await expect(as(marketing, now).rewards.saveItem({ ...item, id, stock: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(marketing, now).rewards.saveItem({ ...item, id: 987_654_321 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const page = await as(executive, now).rewards.items({ q: '门头灯箱' });
    expect(page.items.map((i) => i.id)).toContain(id);
  });

  it('fulfils a redemption, or rejects it with the points and the stock given back', async () => {
    const now = new Date('2071-06-02T02:00:00Z');
    const shop = await createRetailer(db, { districtId, passwordHash });
    await db.$transaction((tx) => appendPointsEntry(tx, { retailerId: shop.id, points: 1000, reason: 'MANUAL', note: '测试' }));
    const item = await createRewardItem(db, { points: 200, stock: 10 });
    const portal = portalCallerFor(db, retailerActor(shop), () => now);
    const first = await portal.rewards.redeem({ itemId: item.id, quantity: 2, idempotencyKey: `test-${shop.id}-aaaaaaaaaaaa` });
    const second = await portal.rewards.redeem({ itemId: item.id, quantity: 1, idempotencyKey: `test-${shop.id}-bbbbbbbbbbbb` });
    expect((await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).pointsBalance).toBe(400);

    const queue = await as(agent, now).rewards.redemptions({ licenceNo: shop.licenceNo });
    expect(queue.items.map((r) => r.id)).toEqual([first.id, second.id]);
    await expect(as(executive, now).rewards.rejectRedemption({ id: first.id, reason: '缺货' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(as(agent, now).rewards.rejectRedemption({ id: first.id, reason: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const rejected = await as(agent, now).rewards.rejectRedemption({ id: first.id, reason: '该礼品暂停供应' });
    expect(rejected).toMatchObject({ state: 'REJECTED', refunded: 400 });
    expect((await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).pointsBalance).toBe(800);
    expect((await db.rewardItem.findUniqueOrThrow({ where: { id: item.id } })).stock).toBe(9);
    const refund = await db.pointsEntry.findFirstOrThrow({ where: { redemptionId: first.id, reason: 'REDEMPTION_REFUND' } });
    expect(refund).toMatchObject({ points: 400, balanceAfter: 800 });
    expect(await db.notification.count({ where: { retailerId: shop.id, kind: 'REDEMPTION_UPDATE' } })).toBe(1);

    await as(marketing, now).rewards.fulfil({ id: second.id, note: '已由客户经理送达' });
    await expect(as(marketing, now).rewards.fulfil({ id: second.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(as(agent, now).rewards.rejectRedemption({ id: first.id, reason: '再次退回' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect((await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).pointsBalance).toBe(800);
    await expect(as(agent, now).rewards.fulfil({ id: 987_654_321 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const audit = await db.auditLog.findMany({
      where: { entityType: 'Redemption', entityId: { in: [String(first.id), String(second.id)] }, actorStaffId: { not: null } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.actorStaffId])).toEqual([
      ['redemption.reject', agent.id],
      ['redemption.fulfil', marketing.id],
    ]);
    const handled = await as(agent, now).rewards.redemptions({ state: 'FULFILLED', licenceNo: shop.licenceNo });
    expect(handled.items[0]).toMatchObject({ id: second.id, note: '已由客户经理送达', handledBy: { name: marketing.name } });
  });
});
