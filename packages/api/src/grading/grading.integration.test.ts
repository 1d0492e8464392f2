import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createGradePeriod, gradeRetailer } from '../testing/portal-fixtures';

const db = testDb();
// A fixed clock far from other files' dates: Wednesday 16 May 2061, 10:00 China time.
const clock = () => new Date('2061-05-16T02:00:00Z');
let passwordHash: string;
let districtId: number;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
});

async function gradedShop(grade = 12) {
  const shop = await createRetailer(db, { districtId, passwordHash, grade });
  const old = await createGradePeriod(db, {
    ordersFrom: '2060-10-01',
    ordersTo: '2060-12-31',
    effectiveFrom: '2061-01-01',
    effectiveTo: '2061-03-31',
  });
  const period = await createGradePeriod(db, {
    ordersFrom: '2061-01-01',
    ordersTo: '2061-03-31',
    effectiveFrom: '2061-04-01',
    effectiveTo: '2061-06-30',
  });
  await gradeRetailer(db, { periodId: old.id, retailerId: shop.id, grade: grade - 1, score: 40 });
  await gradeRetailer(db, { periodId: period.id, retailerId: shop.id, grade, score: 50 });
  await db.gradeBoundary.createMany({
    data: [
      { periodId: period.id, grade, minScore: 48, maxScore: 52.5, retailerCount: 300 },
      { periodId: period.id, grade: grade + 1, minScore: 52.6, maxScore: 55, retailerCount: 280 },
    ],
  });
  return { shop, period };
}

describe('grading.mine', () => {
  it('explains the grade: components, the bounding scores, the next grade, the history and the next regrade', async () => {
    const { shop, period } = await gradedShop(12);
    const mine = await portalCallerFor(db, retailerActor(shop), clock).grading.mine();
    expect(mine.grade).toBe(12);
    expect(mine.period?.code).toBe(period.code);
    expect(mine.nextRegradeOn).toBe('2061-07-01');
    expect(mine.score?.components.map((c) => c.weight)).toEqual([35, 55, 5, 5]);
    expect(mine.score?.band).toEqual({ min: 48, max: 52.5, retailers: 300 });
    expect(mine.score?.nextBand).toMatchObject({ grade: 13, min: 52.6, gap: 2.6 });
    expect(mine.history.map((h) => h.grade)).toEqual([11, 12]);
    expect(mine.openAppeal).toBeNull();
  });

  it('shows the weights the period was graded with (the setting may have changed since)', async () => {
    const { shop, period } = await gradedShop(14);
    await db.gradePeriod.update({
      where: { id: period.id },
      data: { scoreWeights: { volume: 40, amount: 50, variety: 5, classShare: 5 } },
    });
    const mine = await portalCallerFor(db, retailerActor(shop), clock).grading.mine();
    expect(mine.score?.components.map((c) => c.weight)).toEqual([40, 50, 5, 5]);
  });

  it('answers for a shop without a grade yet', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash, grade: null });
    const mine = await portalCallerFor(db, retailerActor(shop), clock).grading.mine();
    expect(mine.period).toBeNull();
    expect(mine.score).toBeNull();
  });
});

describe('grading.appeal', () => {
  it('lodges an appeal with a due date in working time and an audit row', async () => {
    const { shop } = await gradedShop(9);
    const caller = portalCallerFor(db, retailerActor(shop), clock);
    const appeal = await caller.grading.appeal({ reason: '本季度有两笔订单漏记，请核实。' });
    expect(appeal.state).toBe('SUBMITTED');
    // 10 working days from Wednesday 16 May 2061 10:00 (no holidays entered for 2061): Wednesday 30 May 10:00.
    expect(appeal.dueAt.toISOString()).toBe('2061-05-30T02:00:00.000Z');
    const audit = await db.auditLog.findFirst({ where: { entityType: 'GradeAppeal', entityId: String(appeal.id) } });
    expect(audit?.actorLoginId).toBe(shop.logins[0]!.id);
    const mine = await caller.grading.mine();
    expect(mine.openAppeal?.id).toBe(appeal.id);
  });

  it('refuses a second appeal while one is open, with a translated CONFLICT, and writes nothing', async () => {
    const { shop } = await gradedShop(10);
    const caller = portalCallerFor(db, retailerActor(shop), clock);
    await caller.grading.appeal({ reason: '第一次申请复核的理由。' });
    await expect(caller.grading.appeal({ reason: '第二次申请复核的理由。' })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { messageKey: 'grading.errors.appealOpen' },
    });
    expect(await db.gradeAppeal.count({ where: { retailerId: shop.id } })).toBe(1);
  });

  it('lets two tabs race: the partial unique index keeps one open appeal', async () => {
    const { shop } = await gradedShop(11);
    const caller = portalCallerFor(db, retailerActor(shop), clock);
    const results = await Promise.allSettled([
      caller.grading.appeal({ reason: '两个窗口同时提交的理由一。' }),
      caller.grading.appeal({ reason: '两个窗口同时提交的理由二。' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.gradeAppeal.count({ where: { retailerId: shop.id } })).toBe(1);
  });

  it('refuses a too-short reason before any write', async () => {
    const { shop } = await gradedShop(8);
    await expect(portalCallerFor(db, retailerActor(shop), clock).grading.appeal({ reason: '太短' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await db.gradeAppeal.count({ where: { retailerId: shop.id } })).toBe(0);
  });

  it('shows a shop only its own appeals', async () => {
    const { shop: a } = await gradedShop(7);
    const { shop: b } = await gradedShop(7);
    await portalCallerFor(db, retailerActor(a), clock).grading.appeal({ reason: '甲店的复核申请理由。' });
    const mineB = await portalCallerFor(db, retailerActor(b), clock).grading.mine();
    expect(mineB.appeals).toEqual([]);
    expect(mineB.openAppeal).toBeNull();
  });

  it('refuses staff and anonymous callers', async () => {
    const staff = await createStaff(db, { roles: ['MANAGER'], passwordHash });
    await expect(portalCallerFor(db, staffActor(staff), clock).grading.mine()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(portalCallerFor(db, null, clock).grading.appeal({ reason: '匿名用户提交的复核理由。' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
