import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createGradePeriod, gradeRetailer } from '../testing/portal-fixtures';
import { remindOverdueAppeals } from './grading.appeals.service';
import { recordIntegrityChanges } from './grading.integrity.service';

const db = testDb();
// Wednesday 14 July 2083, 10:00 China time; the period graded on 2083Q1 is in force 1 April – 30 June…
// so a period in force today is created below for each shop (2083Q2 orders, in force July – September).
const clock = () => new Date('2083-07-14T02:00:00Z');
let passwordHash: string;
let districtId: number;
type Staff = Awaited<ReturnType<typeof createStaff>>;
let admin: Staff;
let manager: Staff;
let marketing: Staff;
let am: Staff;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  [admin, manager, marketing, am] = await Promise.all([
    createStaff(db, { roles: ['ADMIN'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['MARKETING'], passwordHash }),
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
  ]);
});

const staff = (s: Staff) => backofficeCallerFor(db, staffActor(s), clock);

async function gradedShop(grade: number, o: { integrityLevel?: 'A' | 'C'; accountManagerId?: number } = {}) {
  const shop = await createRetailer(db, {
    districtId,
    passwordHash,
    grade,
    integrityLevel: o.integrityLevel ?? 'A',
    accountManagerId: o.accountManagerId ?? null,
  });
  const period = await createGradePeriod(db, {
    ordersFrom: '2083-04-01',
    ordersTo: '2083-06-30',
    effectiveFrom: '2083-07-01',
    effectiveTo: '2083-09-30',
  });
  await gradeRetailer(db, { periodId: period.id, retailerId: shop.id, grade, score: 60 });
  return { shop, period };
}

describe('integrity changes', () => {
  it('caps a C at once: grade, history, notices to the shop and its account manager, audit rows', async () => {
    const { shop } = await gradedShop(22, { accountManagerId: am.id });
    const result = await staff(admin).grading.setIntegrity({
      retailerId: shop.id,
      level: 'C',
      effectiveFrom: '2083-07-13',
      reason: '无证经营处罚',
    });
    expect(result.capped).toEqual([{ retailerId: shop.id, from: 22, to: 10 }]);
    expect(await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).toMatchObject({ grade: 10, integrityLevel: 'C' });
    expect(await db.notification.count({ where: { retailerId: shop.id, kind: 'SYSTEM' } })).toBe(1);
    expect(await db.notification.count({ where: { staffUserId: am.id, link: `/retailers/${shop.id}` } })).toBe(1);
    const audits = await db.auditLog.findMany({
      where: { entityType: 'Retailer', entityId: String(shop.id), action: { startsWith: 'grading.integrity' } },
    });
    expect(audits.map((a) => a.action).sort()).toEqual(['grading.integrity.cap', 'grading.integrity.change']);
    const history = await staff(admin).grading.integrityHistory({ retailerId: shop.id });
    expect(history.items.map((h) => [h.level, h.source, h.note])).toEqual([['C', 'MANUAL', '无证经营处罚']]);
    // The shop sees the cap and when it can lift.
    const mine = await portalCallerFor(db, retailerActor(shop), clock).grading.mine();
    expect(mine.cap).toEqual({ level: 'C', capGrade: 10, publishedGrade: 22, liftsOn: '2083-10-01' });
  });

  it('leaves a grade already under the cap alone, and records an improvement without raising the grade', async () => {
    const { shop } = await gradedShop(6);
    const result = await recordIntegrityChanges({ db, actor: staffActor(admin) as never, clock }, [
      { retailerId: shop.id, level: 'D', effectiveFrom: '2083-07-01', reason: '严重违规', source: 'IMPORT' },
    ]);
    expect(result.capped).toEqual([]);
    await recordIntegrityChanges({ db, actor: staffActor(admin) as never, clock }, [
      { retailerId: shop.id, level: 'A', effectiveFrom: '2083-07-14', reason: '整改完成', source: 'IMPORT' },
    ]);
    expect(await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).toMatchObject({ grade: 6, integrityLevel: 'A' });
    expect(await db.integrityRecord.count({ where: { retailerId: shop.id } })).toBe(2);
  });

  it('applies a batch all or nothing: one bad row refuses every row, naming it', async () => {
    const { shop: a } = await gradedShop(20);
    const { shop: b } = await gradedShop(20);
    const actor = staffActor(admin) as never;
    await expect(
      recordIntegrityChanges({ db, actor, clock }, [
        { retailerId: a.id, level: 'C', effectiveFrom: '2083-07-01', reason: '违规', source: 'IMPORT' },
        { retailerId: b.id, level: 'B', effectiveFrom: '2083-08-01', reason: '违规', source: 'IMPORT' },
      ]),
    ).rejects.toMatchObject({ messageKey: 'grading.integrity.errors.futureDate', params: { row: 2 } });
    await expect(
      recordIntegrityChanges({ db, actor, clock }, [
        { retailerId: a.id, level: 'C', effectiveFrom: '2083-07-01', reason: '违规', source: 'IMPORT' },
        { retailerId: 2147483000, level: 'B', effectiveFrom: '2083-07-01', reason: '违规', source: 'IMPORT' },
      ]),
    ).rejects.toMatchObject({ messageKey: 'grading.integrity.errors.unknownRetailer', params: { row: 2 } });
    expect(await db.retailer.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ grade: 20, integrityLevel: 'A' });
    expect(await db.integrityRecord.count({ where: { retailerId: { in: [a.id, b.id] } } })).toBe(0);
  });

  it('lets only administrators edit, and answers NOT_FOUND outside an account manager’s retailers', async () => {
    const { shop } = await gradedShop(15);
    await expect(
      staff(manager).grading.setIntegrity({ retailerId: shop.id, level: 'C', effectiveFrom: '2083-07-01', reason: '违规经营' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(am).grading.integrityHistory({ retailerId: shop.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      staff(admin).grading.setIntegrity({ retailerId: shop.id, level: 'C', effectiveFrom: '2083-07-01', reason: '' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).integrityLevel).toBe('A');
  });
});

describe('appeals decided by a manager', () => {
  async function appealed(grade: number) {
    const g = await gradedShop(grade);
    const appeal = await portalCallerFor(db, retailerActor(g.shop), clock).grading.appeal({ reason: '本季度订货量被少算，请复核。' });
    return { ...g, appeal };
  }

  it('changes the grade with a reason: the period row, the grade in force, an audit row and the answer in the portal', async () => {
    const { shop, period, appeal } = await appealed(12);
    const peer = await createRetailer(db, { districtId, passwordHash, grade: 12 });
    await gradeRetailer(db, { periodId: period.id, retailerId: peer.id, grade: 12, score: 70 });
    const view = await staff(manager).grading.appeal({ appealId: appeal.id });
    expect(view.own?.grade).toBe(12);
    expect(view.peers).toMatchObject({ grade: 12, count: 1, score: 70 });

    const decided = await staff(manager).grading.decideAppeal({
      appealId: appeal.id,
      decision: 'CHANGE',
      grade: 14,
      reason: '核实后补录两笔订单',
    });
    expect(decided).toEqual({ appealId: appeal.id, state: 'APPROVED', grade: 14 });
    expect(await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).toMatchObject({ grade: 14 });
    expect(await db.retailerGrade.findFirstOrThrow({ where: { retailerId: shop.id, periodId: period.id } })).toMatchObject({
      grade: 14,
      appealId: appeal.id,
    });
    const audit = await db.auditLog.findFirst({
      where: { entityType: 'GradeAppeal', entityId: String(appeal.id), action: 'grading.appeal.change' },
    });
    expect(audit).toMatchObject({ actorStaffId: manager.id, after: { grade: 14, reason: '核实后补录两笔订单', state: 'APPROVED' } });
    const mine = await portalCallerFor(db, retailerActor(shop), clock).grading.mine();
    expect(mine.appeals[0]).toMatchObject({ state: 'APPROVED', decidedGrade: 14, decisionNote: '核实后补录两笔订单' });
    expect(await db.notification.count({ where: { retailerId: shop.id, kind: 'APPEAL_DECIDED' } })).toBe(1);
    // Decided once.
    await expect(
      staff(manager).grading.decideAppeal({ appealId: appeal.id, decision: 'UPHOLD', reason: '重复处理' }),
    ).rejects.toMatchObject({ cause: { messageKey: 'grading.appeals.errors.decided' } });
  });

  it('upholds with a reason and leaves the grade', async () => {
    const { shop, appeal } = await appealed(9);
    await staff(manager).grading.decideAppeal({ appealId: appeal.id, decision: 'UPHOLD', reason: '数据核对无误' });
    expect(await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).toMatchObject({ grade: 9 });
    expect(await db.gradeAppeal.findUniqueOrThrow({ where: { id: appeal.id } })).toMatchObject({
      state: 'REJECTED',
      decidedGrade: 9,
      decidedById: manager.id,
    });
  });

  it('refuses a change without a new grade, above the integrity cap, or by someone who is not a manager', async () => {
    const { shop, appeal } = await appealed(8);
    await expect(
      staff(manager).grading.decideAppeal({ appealId: appeal.id, decision: 'CHANGE', reason: '调整档位' }),
    ).rejects.toMatchObject({ cause: { messageKey: 'grading.appeals.errors.newGrade' } });
    await db.retailer.update({ where: { id: shop.id }, data: { integrityLevel: 'D' } });
    await expect(
      staff(manager).grading.decideAppeal({ appealId: appeal.id, decision: 'CHANGE', grade: 15, reason: '调整档位' }),
    ).rejects.toMatchObject({ cause: { messageKey: 'grading.appeals.errors.aboveCap' } });
    await expect(
      staff(marketing).grading.decideAppeal({ appealId: appeal.id, decision: 'UPHOLD', reason: '维持原档' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(am).grading.appeals({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(manager).grading.appeal({ appealId: 2147483000 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.gradeAppeal.findUniqueOrThrow({ where: { id: appeal.id } })).state).toBe('SUBMITTED');
  });

  it('lists overdue appeals first and reminds every manager of them', async () => {
    const { appeal } = await appealed(7);
    const later = () => new Date(clock().getTime() + 40 * 86_400_000);
    const queue = await backofficeCallerFor(db, staffActor(manager), later).grading.appeals({ overdueOnly: true, pageSize: 100 });
    expect(queue.items.find((a) => a.id === appeal.id)).toMatchObject({ overdue: true });
    const sent = await remindOverdueAppeals(db, later());
    expect(sent).toBeGreaterThan(0);
    expect(await db.notification.count({ where: { staffUserId: manager.id, kind: 'SLA_REMINDER', createdAt: later() } })).toBe(1);
    expect(await db.notification.count({ where: { staffUserId: marketing.id, kind: 'SLA_REMINDER', createdAt: later() } })).toBe(0);
  });
});
