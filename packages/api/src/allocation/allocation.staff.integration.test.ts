import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { getSettings } from '../admin/settings.service';
import { JOB_HANDLERS } from '../jobs/jobs.handlers';
import { addDays, mondayOf } from '../schedule/calendar.rules';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createPolicy, createProduct, ensureCycle } from '../testing/portal-fixtures';
import { ALLOCATION_PUBLISH_QUEUE, publishPolicy } from './allocation.jobs';
import { scheduledPublishAt } from './allocation.versions.rules';
import { findJob } from '../jobs/jobs.service';

const db = testDb();
let passwordHash: string;
let districtId: number;
type Staff = Awaited<ReturnType<typeof createStaff>>;
let marketing: Staff;
let manager: Staff;
let managerWhoDrafts: Staff;
let executive: Staff;
let accountManager: Staff;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  [marketing, manager, managerWhoDrafts, executive, accountManager] = await Promise.all([
    createStaff(db, { roles: ['MARKETING'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['MARKETING', 'MANAGER'], passwordHash }),
    createStaff(db, { roles: ['EXECUTIVE'], passwordHash }),
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
  ]);
});

// Each test takes its own weeks in 2064. "Now" is the Tuesday of week n, 10:00 China time; the policy
// being made is for the week after (the next cycle).
function weekOf(n: number) {
  const tuesday = addDays('2064-01-08', 14 * n);
  const monday = mondayOf(tuesday);
  return { lastMonday: monday, nextMonday: addDays(monday, 7), now: new Date(`${tuesday}T02:00:00Z`) };
}

async function setting() {
  const s = await getSettings(db, ['allocation.publishWeekday', 'allocation.publishTime']);
  return { weekday: s['allocation.publishWeekday'], time: s['allocation.publishTime'] };
}

/** Last cycle's published policy and the next cycle with a published version 1: what marketing starts from. */
async function scene(n: number) {
  const w = weekOf(n);
  const [last, next, scarce, plain] = await Promise.all([
    ensureCycle(db, w.lastMonday),
    ensureCycle(db, w.nextMonday),
    createProduct(db, { scarce: true }),
    createProduct(db),
  ]);
  const lastPolicy = await createPolicy(db, {
    cycleId: last.id,
    createdById: marketing.id,
    limits: [
      { productId: scarce.id, gradeFrom: 1, gradeTo: 20, limitQuantity: 2 },
      { productId: scarce.id, gradeFrom: 21, gradeTo: 30, limitQuantity: 5 },
      { productId: plain.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 10 },
    ],
  });
  const clock = () => w.now;
  return { ...w, last, next, scarce, plain, lastPolicy, clock, as: (user: Staff) => backofficeCallerFor(db, staffActor(user), clock) };
}

describe('allocation policy versions', () => {
  it('starts from last cycle’s policy, is edited in the grid, approved by another manager and published by the job', async () => {
    const s = await scene(1);
    const shopA = await createRetailer(db, { districtId, passwordHash, grade: 24, orderWeekday: 4 });
    // Version 1 of the next cycle is published already; the new version will supersede it.
    const v1 = await createPolicy(db, {
      cycleId: s.next.id,
      createdById: marketing.id,
      version: 1,
      limits: [{ productId: s.scarce.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 3 }],
    });

    const { id, version } = await s.as(marketing).allocation.create({ cycleId: s.next.id });
    expect(version).toBe(2);
    const copied = await s.as(marketing).allocation.policy({ policyId: id });
    expect(copied.state).toBe('DRAFT');
    // Started from this cycle's published version (the latest), not from last cycle's.
    expect(copied.limits).toEqual([{ productId: s.scarce.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 3 }]);
    await expect(s.as(marketing).allocation.create({ cycleId: s.next.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { messageKey: 'allocation.staff.errors.openVersion' },
    });

    // Overlapping bands are refused and nothing changes.
    await expect(
      s.as(marketing).allocation.saveLimits({
        policyId: id,
        limits: [
          { productId: s.scarce.id, gradeFrom: 1, gradeTo: 22, limitQuantity: 2 },
          { productId: s.scarce.id, gradeFrom: 21, gradeTo: 30, limitQuantity: 6 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { messageKey: 'allocation.staff.errors.invalidBands' } });
    expect((await s.as(marketing).allocation.policy({ policyId: id })).limits).toHaveLength(1);

    await s.as(marketing).allocation.saveLimits({
      policyId: id,
      note: '紧俏规格高档位上调',
      limits: [
        { productId: s.scarce.id, gradeFrom: 1, gradeTo: 20, limitQuantity: 3 },
        { productId: s.scarce.id, gradeFrom: 21, gradeTo: 30, limitQuantity: 7 },
      ],
    });
    await expect(s.as(executive).allocation.submit({ policyId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await s.as(marketing).allocation.submit({ policyId: id });
    await expect(s.as(marketing).allocation.saveLimits({ policyId: id, limits: [] })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await expect(s.as(marketing).allocation.approve({ policyId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const approved = await s.as(manager).allocation.approve({ policyId: id });

    // Scheduled for the publish day and time before the cycle (default Saturday 12:00).
    const settings = await setting();
    const expected = scheduledPublishAt(s.nextMonday, settings.weekday, settings.time);
    expect(approved.publishAt.getTime()).toBe(expected.getTime());
    const job = (await findJob(db, `allocation:publish:${id}`))!;
    expect(job).toMatchObject({ queue: ALLOCATION_PUBLISH_QUEUE, state: 'PENDING' });
    expect(job.runAt.getTime()).toBe(expected.getTime());

    // Before the job runs the retailer still sees version 1. (On that Saturday the shop, ordering on
    // Thursdays, is already in the next cycle: it is its current one.)
    const later = new Date(expected.getTime() + 60_000);
    const portal = portalCallerFor(db, retailerActor(shopA), () => later);
    expect((await portal.allocation.mine({ cycle: 'current' })).policy).toMatchObject({ version: 1 });

    await JOB_HANDLERS[ALLOCATION_PUBLISH_QUEUE]!(db, { policyId: id }, expected);
    const mine = await portal.allocation.mine({ cycle: 'current' });
    expect(mine.policy).toMatchObject({ id, version: 2, note: '紧俏规格高档位上调' });
    expect(mine.items.find((i) => i.productId === s.scarce.id)).toMatchObject({ gradeFrom: 21, gradeTo: 30, limitQuantity: 7 });
    expect((await db.allocationPolicy.findUniqueOrThrow({ where: { id: v1.id } })).state).toBe('SUPERSEDED');
    expect((await db.allocationPolicy.findUniqueOrThrow({ where: { id } })).state).toBe('PUBLISHED');
    // Publishing twice changes nothing.
    expect(await publishPolicy(db, { policyId: id }, later)).toEqual({ published: false, superseded: [] });

    const actions = await db.auditLog.findMany({ where: { entityType: 'AllocationPolicy', entityId: String(id) }, orderBy: { id: 'asc' } });
    expect(actions.map((a) => [a.action, a.actorStaffId])).toEqual([
      ['allocationPolicy.create', marketing.id],
      ['allocationPolicy.update', marketing.id],
      ['allocationPolicy.submit', marketing.id],
      ['allocationPolicy.approve', manager.id],
      ['allocationPolicy.publish', null],
    ]);
    expect(actions[1]!.after).toMatchObject({
      rows: 2,
      changed: 1,
      changes: [{ productId: s.scarce.id, gradeFrom: 21, gradeTo: 30, before: 3, after: 7 }],
    });
    expect(actions[4]!.after).toMatchObject({ state: 'PUBLISHED', superseded: [{ id: v1.id, version: 1 }] });

    // Any two versions compare: grades 1–20 went 3 → 3 (no change), 21–30 went 3 → 7.
    const diff = await s.as(executive).allocation.compare({ a: v1.id, b: id });
    expect(diff.changes).toEqual([
      { productId: s.scarce.id, gradeFrom: 21, gradeTo: 30, before: 3, after: 7, product: expect.objectContaining({ id: s.scarce.id }) },
    ]);
  });

  it('a new cycle starts from the last published policy of an earlier cycle, and a week without a cycle row can be opened', async () => {
    const s = await scene(2);
    const { id } = await s.as(marketing).allocation.create({ weekStart: s.nextMonday });
    const policy = await s.as(marketing).allocation.policy({ policyId: id });
    expect(policy.cycle.id).toBe(s.next.id);
    expect(policy.limits).toHaveLength(3);
    expect(policy.limits).toEqual(expect.arrayContaining([{ productId: s.plain.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 10 }]));
    const farMonday = addDays(s.nextMonday, 7 * 400);
    const far = await s.as(marketing).allocation.create({ weekStart: farMonday });
    expect((await s.as(marketing).allocation.policy({ policyId: far.id })).cycle).toMatchObject({ weekStart: farMonday });
    await expect(s.as(marketing).allocation.create({ weekStart: addDays(farMonday, 1) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // A past cycle cannot get a new version.
    await expect(s.as(marketing).allocation.create({ cycleId: (await ensureCycle(db, '2020-01-06')).id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('never lets a manager approve their own draft; rejects with a comment; publishes at once when asked', async () => {
    const s = await scene(4);
    const own = await s.as(managerWhoDrafts).allocation.create({ cycleId: s.next.id });
    await s.as(managerWhoDrafts).allocation.submit({ policyId: own.id });
    await expect(s.as(managerWhoDrafts).allocation.approve({ policyId: own.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { messageKey: 'allocation.staff.errors.ownPolicy' },
    });
    await expect(s.as(manager).allocation.reject({ policyId: own.id, comment: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await s.as(manager).allocation.reject({ policyId: own.id, comment: '限量过低' });
    const rejected = await s.as(managerWhoDrafts).allocation.policy({ policyId: own.id });
    expect(rejected.state).toBe('REJECTED');
    expect(rejected.history[0]).toMatchObject({ action: 'allocationPolicy.reject', after: { comment: '限量过低' } });
    // Editing a rejected version makes it a draft again.
    await s
      .as(managerWhoDrafts)
      .allocation.saveLimits({ policyId: own.id, limits: [{ productId: s.plain.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 12 }] });
    await s.as(managerWhoDrafts).allocation.submit({ policyId: own.id });
    const approved = await s.as(manager).allocation.approve({ policyId: own.id, publishNow: true });
    expect(approved.publishAt.getTime()).toBe(s.now.getTime());
  });
});

describe('per-retailer adjustments', () => {
  it('raises one limit for one cycle with a reason, audit-logged, and refuses what makes no sense', async () => {
    const s = await scene(5);
    const shop = await createRetailer(db, { districtId, passwordHash, grade: 24, orderWeekday: 4, accountManagerId: accountManager.id });
    const ungraded = await createRetailer(db, { districtId, passwordHash, grade: null, orderWeekday: 4 });
    await createPolicy(db, {
      cycleId: s.next.id,
      createdById: marketing.id,
      limits: [{ productId: s.scarce.id, gradeFrom: 21, gradeTo: 30, limitQuantity: 5 }],
    });
    const unlimited = await createProduct(db);
    const input = { licenceNo: shop.licenceNo, cycleId: s.next.id, productId: s.scarce.id, delta: 3, reason: '新店开业保供' };

    await expect(s.as(executive).allocation.adjust(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.as(accountManager).allocation.adjust(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.as(marketing).allocation.adjust({ ...input, delta: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(s.as(marketing).allocation.adjust({ ...input, productId: unlimited.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: { messageKey: 'allocation.staff.errors.unlimited' },
    });
    await expect(s.as(marketing).allocation.adjust({ ...input, delta: -6 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { messageKey: 'allocation.staff.errors.belowZero' },
    });
    await expect(s.as(marketing).allocation.adjust({ ...input, licenceNo: '999999999996' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.as(marketing).allocation.adjust({ ...input, licenceNo: ungraded.licenceNo })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });

    const made = await s.as(manager).allocation.adjust(input);
    expect(made).toMatchObject({ limitBefore: 5, limitAfter: 8 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'AllocationAdjustment', entityId: String(made.id) } });
    expect(audit).toMatchObject({
      action: 'allocationAdjustment.create',
      actorStaffId: manager.id,
      after: { limit: 8, delta: 3, reason: '新店开业保供' },
    });

    const mine = await portalCallerFor(db, retailerActor(shop), s.clock).allocation.mine({ cycle: 'next' });
    expect(mine.items.find((i) => i.productId === s.scarce.id)!.allowance.effectiveLimit).toBe(8);
    const list = await s.as(accountManager).allocation.adjustments({ licenceNo: shop.licenceNo });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ delta: 3, reason: '新店开业保供', retailer: { licenceNo: shop.licenceNo } });

    // Another account manager sees none of it: not by the shop's licence number, not by listing everything.
    const otherManager = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    expect((await s.as(otherManager).allocation.adjustments({ licenceNo: shop.licenceNo })).total).toBe(0);
    expect((await s.as(otherManager).allocation.adjustments({})).items.map((i) => i.retailer.licenceNo)).not.toContain(shop.licenceNo);
    expect((await s.as(executive).allocation.adjustments({ licenceNo: shop.licenceNo })).total).toBe(1);
  });

  it('lists cycles with their versions for readers and refuses retailers and anonymous callers', async () => {
    const s = await scene(6);
    const cycles = await s.as(executive).allocation.cycles({});
    expect(cycles.items.length).toBeGreaterThan(0);
    await expect(backofficeCallerFor(db, null, s.clock).allocation.cycles({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const shop = await createRetailer(db, { districtId, passwordHash });
    await expect(backofficeCallerFor(db, retailerActor(shop), s.clock).allocation.cycles({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.as(executive).allocation.policy({ policyId: 987_654_321 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
