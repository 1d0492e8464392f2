import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { JOB_HANDLERS } from '../jobs/jobs.handlers';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createProduct } from '../testing/portal-fixtures';
import { goLivePromotion, PROMOTION_GO_LIVE_QUEUE, sweepPromotions } from './promotions.jobs';
import type { TPromotionDraft } from './promotions.staff.schema';
import { findJob } from '../jobs/jobs.service';

const db = testDb();
let passwordHash: string;
type Staff = Awaited<ReturnType<typeof createStaff>>;
let marketing: Staff;
let marketing2: Staff;
let manager: Staff;
let managerWhoDrafts: Staff;
let executive: Staff;
let agent: Staff;

// Promotions here live in 2063; "now" is a fixed instant so windows never meet other files' rows.
const now = new Date('2063-03-01T02:00:00Z');
const clock = () => now;
const as = (user: Staff) => backofficeCallerFor(db, staffActor(user), clock);

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  [marketing, marketing2, manager, managerWhoDrafts, executive, agent] = await Promise.all([
    createStaff(db, { roles: ['MARKETING'], passwordHash }),
    createStaff(db, { roles: ['MARKETING'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['MARKETING', 'MANAGER'], passwordHash }),
    createStaff(db, { roles: ['EXECUTIVE'], passwordHash }),
    createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash }),
  ]);
});

/** A district of its own with shops of grade 24 (A), 21, 8 (B) and a suspended 25. */
async function town() {
  const district = await createDistrict(db);
  const [shopA, shop21, shopB, suspended] = await Promise.all([
    createRetailer(db, { districtId: district.id, passwordHash, grade: 24, integrityLevel: 'AA' }),
    createRetailer(db, { districtId: district.id, passwordHash, grade: 21 }),
    createRetailer(db, { districtId: district.id, passwordHash, grade: 8 }),
    createRetailer(db, { districtId: district.id, passwordHash, grade: 25, status: 'SUSPENDED' }),
  ]);
  return { district, shopA, shop21, shopB, suspended };
}

function draft(districtId: number, over: Partial<TPromotionDraft> = {}): TPromotionDraft {
  return {
    title: '高档位客户陈列奖励',
    body: '<p>陈列达标奖励 <strong>积分</strong></p><script>alert(1)</script><a href="javascript:alert(1)">x</a>',
    terms: '以客户经理检查为准',
    productIds: [],
    startsAt: '2063-02-28T00:00',
    endsAt: '2063-03-31T00:00',
    target: {
      targetGradeMin: 20,
      targetGradeMax: 30,
      targetClassifications: [],
      targetDistrictIds: [districtId],
      targetIntegrityLevels: [],
      targetNamedList: false,
    },
    ...over,
  };
}

describe('promotions reach preview', () => {
  it('counts the active retailers a target covers, by grade and by district, in SQL', async () => {
    const { district, shopA, shop21 } = await town();
    const reach = await as(marketing).promotions.reach({ target: draft(district.id).target });
    expect(reach.total).toBe(2);
    expect(reach.byGrade).toEqual([
      { grade: 21, n: 1 },
      { grade: 24, n: 1 },
    ]);
    expect(reach.byDistrict).toEqual([{ districtId: district.id, n: 2, name: district.name, nameEn: district.nameEn }]);
    // Narrower: integrity AA only.
    const aa = await as(marketing).promotions.reach({ target: { ...draft(district.id).target, targetIntegrityLevels: ['AA'] } });
    expect(aa.total).toBe(1);
    expect(aa.byGrade).toEqual([{ grade: shopA.grade, n: 1 }]);
    expect(shop21.grade).toBe(21);
  });

  it('counts an uploaded list of licence numbers and names the unknown ones', async () => {
    const { district, shopA, shopB, suspended } = await town();
    const target = { ...draft(district.id).target, targetNamedList: true };
    const reach = await as(marketing).promotions.reach({
      target,
      namedListLicences: [shopA.licenceNo, shopB.licenceNo, suspended.licenceNo, '999999999998'],
    });
    expect(reach.total).toBe(2);
    expect(reach.byGrade).toEqual([
      { grade: 8, n: 1 },
      { grade: 24, n: 1 },
    ]);
    expect(reach.unknownLicences).toEqual(['999999999998']);
  });

  it('lets an executive read it but refuses retailers and anonymous callers', async () => {
    const { district, shopA } = await town();
    await expect(as(executive).promotions.reach({ target: draft(district.id).target })).resolves.toMatchObject({ total: 2 });
    await expect(
      backofficeCallerFor(db, retailerActor(shopA), clock).promotions.reach({ target: draft(district.id).target }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, null, clock).promotions.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(as(agent).promotions.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('promotions workflow', () => {
  it('drafts (sanitised), submits, is approved by another manager, goes live for the target only, and counts opens', async () => {
    const { district, shopA, shopB, suspended } = await town();
    const product = await createProduct(db);
    const { id } = await as(marketing).promotions.create(draft(district.id, { productIds: [product.id] }));
    const created = await as(marketing).promotions.get({ id });
    expect(created.state).toBe('DRAFT');
    expect(created.body).toBe('<p>陈列达标奖励 <strong>积分</strong></p>');
    expect(created.products.map((p) => p.id)).toEqual([product.id]);
    expect(created.startsAtLocal).toBe('2063-02-28T00:00');

    // Marketing cannot approve; nor can it be approved before it is submitted.
    await expect(as(marketing).promotions.approve({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(manager).promotions.approve({ id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await as(marketing).promotions.submit({ id });
    const inbox = await db.notification.findMany({ where: { staffUserId: manager.id, link: `/promotions/${id}` } });
    expect(inbox).toHaveLength(1);
    await expect(as(marketing).promotions.update({ id, draft: draft(district.id) })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(as(executive).promotions.approve({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await as(manager).promotions.approve({ id, comment: '同意' });
    await expect(as(manager).promotions.approve({ id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const job = await findJob(db, `promotions:goLive:${id}`);
    expect(job).toMatchObject({ queue: PROMOTION_GO_LIVE_QUEUE, state: 'PENDING' });
    expect(job!.runAt.getTime()).toBe(now.getTime());

    // The registered handler runs the go-live: deliveries and inbox entries for the targeted active shops only.
    await JOB_HANDLERS[PROMOTION_GO_LIVE_QUEUE]!(db, { promotionId: id }, now);
    expect((await db.promotion.findUniqueOrThrow({ where: { id } })).state).toBe('LIVE');
    const delivered = await db.promotionDelivery.findMany({ where: { promotionId: id }, orderBy: { retailerId: 'asc' } });
    expect(delivered.map((d) => d.retailerId).sort()).toEqual(
      [shopA.id, (await db.retailer.findFirstOrThrow({ where: { districtId: district.id, grade: 21 } })).id].sort(),
    );
    expect(await db.notification.count({ where: { retailerId: shopA.id, kind: 'PROMOTION' } })).toBe(1);
    expect(await db.notification.count({ where: { retailerId: shopB.id } })).toBe(0);
    expect(await db.notification.count({ where: { retailerId: suspended.id } })).toBe(0);
    // Running it again delivers nothing twice.
    await goLivePromotion(db, { promotionId: id }, now);
    expect(await db.notification.count({ where: { retailerId: shopA.id, kind: 'PROMOTION' } })).toBe(1);

    // Shop A sees it in the portal, shop B does not.
    const listA = await portalCallerFor(db, retailerActor(shopA), clock).promotions.list({});
    expect(listA.items.map((p) => p.id)).toContain(id);
    const listB = await portalCallerFor(db, retailerActor(shopB), clock).promotions.list({});
    expect(listB.items.map((p) => p.id)).not.toContain(id);
    await portalCallerFor(db, retailerActor(shopA), clock).promotions.open({ id });

    const stats = await as(executive).promotions.stats({ id });
    expect(stats.total).toEqual({ targeted: 2, delivered: 2, opened: 1 });
    expect(stats.byGrade).toEqual([
      { grade: 21, targeted: 1, delivered: 1, opened: 0 },
      { grade: 24, targeted: 1, delivered: 1, opened: 1 },
    ]);
    expect(stats.byDistrict).toEqual([
      { districtId: district.id, name: district.name, nameEn: district.nameEn, targeted: 2, delivered: 2, opened: 1 },
    ]);

    const audit = await db.auditLog.findMany({ where: { entityType: 'Promotion', entityId: String(id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorStaffId])).toEqual([
      ['promotion.create', marketing.id],
      ['promotion.submit', marketing.id],
      ['promotion.approve', manager.id],
      ['promotion.goLive', null],
    ]);
    expect(audit[2]!.after).toMatchObject({ state: 'APPROVED', comment: '同意' });
  });

  it('never lets a manager approve or reject a promotion they drafted', async () => {
    const { district } = await town();
    const { id } = await as(managerWhoDrafts).promotions.create(draft(district.id));
    await as(managerWhoDrafts).promotions.submit({ id });
    expect((await as(managerWhoDrafts).promotions.get({ id })).can).toMatchObject({ decide: false, ownPending: true });
    await expect(as(managerWhoDrafts).promotions.approve({ id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { messageKey: 'promotions.staff.errors.ownPromotion' },
    });
    await expect(as(managerWhoDrafts).promotions.reject({ id, comment: '自己退回' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await as(manager).promotions.get({ id })).can.decide).toBe(true);
    expect(
      await db.auditLog.count({
        where: { entityType: 'Promotion', entityId: String(id), action: { in: ['promotion.approve', 'promotion.reject'] } },
      }),
    ).toBe(0);
  });

  it('rejects with a comment; editing makes it a draft again, which can be resubmitted', async () => {
    const { district } = await town();
    const { id } = await as(marketing).promotions.create(draft(district.id));
    await as(marketing).promotions.submit({ id });
    await expect(as(manager).promotions.reject({ id, comment: ' ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await as(manager).promotions.reject({ id, comment: '请补充活动规则' });
    const rejected = await as(marketing2).promotions.get({ id });
    expect(rejected).toMatchObject({ state: 'REJECTED', decisionComment: '请补充活动规则' });
    expect(rejected.can).toMatchObject({ edit: true, submit: false });
    await as(marketing2).promotions.update({ id, draft: draft(district.id, { terms: '补充后的规则' }) });
    expect((await as(marketing2).promotions.get({ id })).state).toBe('DRAFT');
    await as(marketing2).promotions.submit({ id });
    expect((await as(manager).promotions.get({ id })).state).toBe('PENDING_APPROVAL');
    const actions = (await db.auditLog.findMany({ where: { entityType: 'Promotion', entityId: String(id) }, orderBy: { id: 'asc' } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['promotion.create', 'promotion.submit', 'promotion.reject', 'promotion.update', 'promotion.submit']);
  });

  it('withdraws with a reason; a withdrawn promotion never goes live', async () => {
    const { district, shopA } = await town();
    const { id } = await as(marketing).promotions.create(draft(district.id));
    await as(marketing).promotions.submit({ id });
    await as(manager).promotions.approve({ id });
    await expect(as(executive).promotions.withdraw({ id, reason: '领导要求' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(manager).promotions.withdraw({ id, reason: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await as(manager).promotions.withdraw({ id, reason: '货源不足，活动取消' });
    await goLivePromotion(db, { promotionId: id }, now);
    expect(await db.promotionDelivery.count({ where: { promotionId: id } })).toBe(0);
    expect((await portalCallerFor(db, retailerActor(shopA), clock).promotions.list({})).items.map((p) => p.id)).not.toContain(id);
    const last = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Promotion', entityId: String(id) }, orderBy: { id: 'desc' } });
    expect(last).toMatchObject({
      action: 'promotion.withdraw',
      actorStaffId: manager.id,
      after: { state: 'WITHDRAWN', reason: '货源不足，活动取消' },
    });
    await expect(as(manager).promotions.withdraw({ id, reason: '再次撤回' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('saves a named list from licence numbers and refuses unknown ones without saving anything', async () => {
    const { district, shopA, shopB } = await town();
    const target = { ...draft(district.id).target, targetNamedList: true };
    await expect(
      as(marketing).promotions.create(draft(district.id, { target, namedListLicences: [shopA.licenceNo, '999999999997'] })),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { messageKey: 'promotions.staff.errors.unknownLicences' },
    });
    const { id } = await as(marketing).promotions.create(draft(district.id, { target, namedListLicences: [shopB.licenceNo] }));
    expect(await as(marketing).promotions.namedList({ id })).toEqual([shopB.licenceNo]);
    const reach = await as(marketing).promotions.reach({ target, promotionId: id });
    expect(reach.total).toBe(1);
  });

  it('answers NOT_FOUND for an unknown promotion and ends promotions past their window', async () => {
    await expect(as(manager).promotions.get({ id: 987_654_321 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { district } = await town();
    const { id } = await as(marketing).promotions.create(draft(district.id));
    await as(marketing).promotions.submit({ id });
    await as(manager).promotions.approve({ id });
    await goLivePromotion(db, { promotionId: id }, now);
    await sweepPromotions(db, new Date('2063-04-01T00:00:00Z'), [id]);
    expect((await db.promotion.findUniqueOrThrow({ where: { id } })).state).toBe('ENDED');
  });
});
