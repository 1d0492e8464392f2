import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { Prisma } from '@tobacco/db/client';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createProduct, createPromotion } from '../testing/portal-fixtures';
import { matchPromotionTarget, type PromotionTarget } from './promotions.rules';
import { promotionTargetsRetailerSql } from './promotions.target-sql';

const db = testDb();
let passwordHash: string;
let districtA: number;
let districtB: number;
let marketing: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtA = (await createDistrict(db)).id;
  districtB = (await createDistrict(db)).id;
  marketing = await createStaff(db, { roles: ['MARKETING'], passwordHash });
});

// Each test its own month of 2063, so that live windows never overlap another test's promotions.
function monthOf(m: number) {
  const mm = String(m).padStart(2, '0');
  return {
    startsAt: new Date(`2063-${mm}-01T00:00:00Z`),
    endsAt: new Date(`2063-${mm}-25T00:00:00Z`),
    clock: () => new Date(`2063-${mm}-10T02:00:00Z`),
  };
}

describe('promotions.list and promotions.open', () => {
  it('lists only live promotions that target me, newest first, and says why I see one', async () => {
    const { startsAt, endsAt, clock } = monthOf(1);
    const me = await createRetailer(db, { districtId: districtA, passwordHash, grade: 22, integrityLevel: 'AA' });
    const product = await createProduct(db);
    const forGrade = await createPromotion(db, {
      createdById: marketing.id,
      startsAt,
      endsAt,
      targetGradeMin: 20,
      targetGradeMax: 30,
      targetIntegrityLevels: ['AAA', 'AA'],
      productIds: [product.id],
    });
    const forDistrict = await createPromotion(db, {
      createdById: marketing.id,
      startsAt: new Date(startsAt.getTime() + 86_400_000),
      endsAt,
      targetDistrictIds: [districtA],
    });
    await createPromotion(db, { createdById: marketing.id, startsAt, endsAt, targetDistrictIds: [districtB] });
    await createPromotion(db, { createdById: marketing.id, startsAt, endsAt, targetGradeMax: 10 });
    await createPromotion(db, { createdById: marketing.id, startsAt, endsAt, state: 'DRAFT' });
    await createPromotion(db, { createdById: marketing.id, startsAt, endsAt, state: 'WITHDRAWN' });
    await createPromotion(db, { createdById: marketing.id, startsAt: new Date('2063-01-20T00:00:00Z'), endsAt });

    const caller = portalCallerFor(db, retailerActor(me), clock);
    const list = await caller.promotions.list({});
    expect(list.items.map((p) => p.id)).toEqual([forDistrict.id, forGrade.id]);
    expect(list.items[1]).toMatchObject({ productCount: 1, openedAt: null });

    const opened = await caller.promotions.open({ id: forGrade.id });
    expect(opened.products.map((p) => p.id)).toEqual([product.id]);
    expect(opened.reasons).toEqual([
      { kind: 'GRADE', min: 20, max: 30, grade: 22 },
      { kind: 'INTEGRITY', levels: ['AAA', 'AA'], level: 'AA' },
    ]);
    const delivery = await db.promotionDelivery.findUnique({
      where: { promotionId_retailerId: { promotionId: forGrade.id, retailerId: me.id } },
    });
    expect(delivery?.openedAt?.toISOString()).toBe(clock().toISOString());
    // Opening again keeps the first time.
    await portalCallerFor(db, retailerActor(me), () => new Date('2063-01-11T00:00:00Z')).promotions.open({ id: forGrade.id });
    const again = await db.promotionDelivery.findUnique({
      where: { promotionId_retailerId: { promotionId: forGrade.id, retailerId: me.id } },
    });
    expect(again?.openedAt?.toISOString()).toBe(clock().toISOString());
    expect((await caller.promotions.list({})).items[1]!.openedAt).not.toBeNull();
  });

  it('shows the body as safe HTML on the detail and as plain text in the list', async () => {
    const { startsAt, endsAt, clock } = monthOf(3);
    const me = await createRetailer(db, { districtId: districtA, passwordHash });
    const long = '长'.repeat(200);
    // Written around the service (a hand-made row): what reaches the page is still sanitised.
    const promo = await createPromotion(db, {
      createdById: marketing.id,
      startsAt,
      endsAt,
      body: `<p>陈列<strong>奖励</strong></p><img src=x onerror=alert(1)><p>${long}</p>`,
    });
    const caller = portalCallerFor(db, retailerActor(me), clock);
    const [item] = (await caller.promotions.list({})).items;
    expect(item?.excerpt).toBe(`陈列奖励 ${long}`.slice(0, 140) + '…');
    const opened = await caller.promotions.open({ id: promo.id });
    expect(opened.body).toBe(`<p>陈列<strong>奖励</strong></p><p>${long}</p>`);
  });

  it('answers NOT_FOUND for a promotion that does not target me, one that is not live, and an unknown id', async () => {
    const { startsAt, endsAt, clock } = monthOf(2);
    const me = await createRetailer(db, { districtId: districtA, passwordHash, grade: 5 });
    const theirs = await createPromotion(db, { createdById: marketing.id, startsAt, endsAt, targetDistrictIds: [districtB] });
    const listed = await createRetailer(db, { districtId: districtA, passwordHash });
    const named = await createPromotion(db, { createdById: marketing.id, startsAt, endsAt, namedList: [listed.id] });
    const draft = await createPromotion(db, { createdById: marketing.id, startsAt, endsAt, state: 'DRAFT' });
    const caller = portalCallerFor(db, retailerActor(me), clock);
    for (const id of [theirs.id, named.id, draft.id, 999_999_999]) {
      await expect(caller.promotions.open({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await db.promotionDelivery.count({ where: { retailerId: me.id } })).toBe(0);
    const onList = await portalCallerFor(db, retailerActor(listed), clock).promotions.open({ id: named.id });
    expect(onList.reasons).toEqual([{ kind: 'NAMED_LIST' }]);
  });

  it('the SQL target and the pure rule agree', async () => {
    const shops = await Promise.all([
      createRetailer(db, { districtId: districtA, passwordHash, grade: 3, integrityLevel: 'B', market: 'X', businessForm: 'Z' }),
      createRetailer(db, { districtId: districtB, passwordHash, grade: 25, integrityLevel: 'AAA' }),
      createRetailer(db, { districtId: districtA, passwordHash, grade: null }),
    ]);
    const targets: PromotionTarget[] = [
      {
        targetGradeMin: null,
        targetGradeMax: null,
        targetClassifications: [],
        targetDistrictIds: [],
        targetIntegrityLevels: [],
        targetNamedList: false,
      },
      {
        targetGradeMin: 20,
        targetGradeMax: null,
        targetClassifications: [],
        targetDistrictIds: [],
        targetIntegrityLevels: [],
        targetNamedList: false,
      },
      {
        targetGradeMin: null,
        targetGradeMax: 10,
        targetClassifications: ['XZ2'],
        targetDistrictIds: [districtA],
        targetIntegrityLevels: ['B', 'C'],
        targetNamedList: false,
      },
      {
        targetGradeMin: null,
        targetGradeMax: null,
        targetClassifications: [],
        targetDistrictIds: [districtB],
        targetIntegrityLevels: ['A'],
        targetNamedList: false,
      },
    ];
    for (const target of targets) {
      const promo = await db.promotion.create({
        data: {
          ...target,
          targetClassifications: [...target.targetClassifications],
          targetDistrictIds: [...target.targetDistrictIds],
          targetIntegrityLevels: [...target.targetIntegrityLevels],
          title: 't',
          body: 'b',
          terms: 't',
          startsAt: new Date(),
          endsAt: new Date(),
          createdById: marketing.id,
        },
      });
      const rows = await db.$queryRaw<{ id: number; hit: boolean }[]>`
        SELECT r.id, ${promotionTargetsRetailerSql('pr', 'r')} AS hit FROM "Promotion" pr JOIN "Retailer" r ON r.id IN (${Prisma.join(shops.map((s) => s.id))}) WHERE pr.id = ${promo.id}`;
      for (const shop of shops) {
        const expected = matchPromotionTarget(target, { ...shop, onNamedList: false }).matches;
        expect(Boolean(rows.find((r) => r.id === shop.id)?.hit), `target ${JSON.stringify(target)} shop grade ${shop.grade}`).toBe(
          expected,
        );
      }
    }
  });

  it('refuses staff and anonymous callers', async () => {
    await expect(portalCallerFor(db, staffActor(marketing)).promotions.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(portalCallerFor(db, null).promotions.open({ id: 1 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
