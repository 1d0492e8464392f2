import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import type { PrismaClient } from '@tobacco/db/client';
import { createDepartment, createDistrict, createRetailer, createStaff, uniqueNumber } from '@tobacco/db/testing';
import { endedPeriods } from '../grading/grading.rules';
import { computeGradeRun, createGradeRun, publishGradeRun } from '../grading/grading.run.service';
import { computeProductMonth } from '../products/products.service';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { isolatedTestDatabase } from '../testing/isolated-database';
import { createOrder, createProduct, createPromotion, ensureCycle } from '../testing/portal-fixtures';
import { computeExecutiveSummaries } from './executive.service';
import type { TSurveyDefinition } from '../surveys/surveys.schema';

// A database of its own: the dashboard's summaries and the product summary cover every shop, and a grading
// run ranks every shop of the database.
const isolated = isolatedTestDatabase('executive');
let db: PrismaClient;

// The clock is pinned: the dashboard shows 2030-08 … 2031-07 (July to date).
const NOW = new Date('2031-07-15T04:00:00Z');
const clock = () => NOW;
const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const index = 2030 * 12 + 7 + i;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
});

type Shop = Awaited<ReturnType<typeof createRetailer>>;
type Staff = Awaited<ReturnType<typeof createStaff>>;
let big: number; // a district with eight shops
let lone: number; // a district with one shop
let shops: Shop[];
let loneShop: Shop;
let manager: Staff;
let manager2: Staff;
let executive: Staff;
let marketing: Staff;
let agent: Staff;
let accountManager: Staff;
let surveyId: number;
const ratings: { district: number; value: number }[] = [];

const api = (user: Staff) => backofficeCallerFor(db, staffActor(user), clock);

afterAll(() => isolated.close());

const definition: TSurveyDefinition = {
  sections: [
    {
      key: 'supply',
      dimension: 'SUPPLY',
      weight: 1,
      title: '卷烟供应',
      questions: [{ key: 'supply_a', type: 'RATING', label: '货源满足', required: true, scaleMin: 1, scaleMax: 5 }],
    },
  ],
} as TSurveyDefinition;

beforeAll(async () => {
  db = await isolated.open();
  const passwordHash = await hashPassword('irrelevant-1');
  big = (await createDistrict(db)).id;
  lone = (await createDistrict(db)).id;
  [manager, manager2, executive, marketing, agent, accountManager] = await Promise.all([
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['EXECUTIVE'], passwordHash }),
    createStaff(db, { roles: ['MARKETING'], passwordHash }),
    createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash }),
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
  ]);
  shops = [];
  for (let i = 0; i < 8; i++) shops.push(await createRetailer(db, { districtId: big, passwordHash, grade: 5 + i * 3 }));
  loneShop = await createRetailer(db, { districtId: lone, passwordHash, grade: 12 });

  // Sales: 2031-03 and the same month a year before; 2031-05 computed with sales in the big district only.
  const product = await createProduct(db);
  const order = async (shop: Shop, date: string, quantity: number, price = 20_000) => {
    const monday = new Date(`${date}T00:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const cycle = await ensureCycle(db, monday.toISOString().slice(0, 10));
    return createOrder(db, {
      retailerId: shop.id,
      cycleId: cycle.id,
      orderDate: date,
      lines: [{ productId: product.id, quantity, unitPriceFen: price }],
    });
  };
  await order(shops[0]!, '2031-03-05', 10);
  await order(shops[1]!, '2031-03-06', 20, 30_000);
  await order(loneShop, '2031-03-07', 4);
  await order(shops[0]!, '2030-03-05', 15);
  await order(loneShop, '2030-03-07', 1);
  await order(shops[2]!, '2031-05-14', 7);
  for (const month of ['2030-03', '2031-03', '2031-05']) await computeProductMonth(db, month);

  // Complaints closed in 2031-02 (big: 3, two in time; lone: 1 late) and 2031-04 (big: 1 in time); one still open.
  const department = await createDepartment(db);
  const category = await db.complaintCategory.create({
    data: { code: `C${uniqueNumber()}`, name: '送货服务', nameEn: 'Delivery', dimension: 'DELIVERY', departmentId: department.id },
  });
  const closedCase = (shop: Shop, closedAt: string, inTime: boolean | null, state: 'CLOSED' | 'IN_PROGRESS' = 'CLOSED') => {
    const due = new Date(new Date(closedAt).getTime() - 3 * 86_400_000);
    return db.complaint.create({
      data: {
        caseNo: `T${uniqueNumber()}`,
        retailerId: shop.id,
        kind: 'COMPLAINT',
        categoryId: category.id,
        departmentId: department.id,
        channel: 'PORTAL',
        state,
        subject: '送货晚了',
        description: '送货晚了',
        acceptDueAt: due,
        resolveDueAt: due,
        resolvedAt: inTime === null ? null : new Date(due.getTime() + (inTime ? -3_600_000 : 3_600_000)),
        closedAt: state === 'CLOSED' ? new Date(closedAt) : null,
      },
    });
  };
  await closedCase(shops[0]!, '2031-02-10T03:00:00Z', true);
  await closedCase(shops[1]!, '2031-02-11T03:00:00Z', true);
  await closedCase(shops[2]!, '2031-02-12T03:00:00Z', false);
  await closedCase(loneShop, '2031-02-13T03:00:00Z', false);
  await closedCase(shops[3]!, '2031-04-10T03:00:00Z', true);
  // Closed at 00:30 on 1 March China time: a March case, though still February in UTC.
  await closedCase(shops[4]!, '2031-02-28T16:30:00Z', null);
  await closedCase(shops[5]!, '2031-03-20T03:00:00Z', null, 'IN_PROGRESS');

  // Alerts: two in a cycle of 2031-01 (big), one in 2031-06 (lone).
  const janCycle = await ensureCycle(db, '2031-01-13');
  const junCycle = await ensureCycle(db, '2031-06-09');
  await db.alert.createMany({
    data: [
      { retailerId: shops[0]!.id, rule: 'ORDER_SPIKE', cycleId: janCycle.id, details: {} },
      { retailerId: shops[1]!.id, rule: 'LARGE_RETAILER', cycleId: janCycle.id, details: {} },
      { retailerId: loneShop.id, rule: 'ORDER_SPIKE', cycleId: junCycle.id, details: {} },
    ],
  });

  // A promotion delivered to five shops of the big district (two opened) and the lone shop (opened).
  const promotion = await createPromotion(db, {
    createdById: marketing.id,
    startsAt: new Date('2031-04-01T00:00:00Z'),
    endsAt: new Date('2031-04-30T00:00:00Z'),
    state: 'ENDED',
    title: '测试促销',
  });
  await db.promotionDelivery.createMany({
    data: [
      ...shops
        .slice(0, 5)
        .map((s, i) => ({ promotionId: promotion.id, retailerId: s.id, openedAt: i < 2 ? new Date('2031-04-02T00:00:00Z') : null })),
      { promotionId: promotion.id, retailerId: loneShop.id, openedAt: new Date('2031-04-03T00:00:00Z') },
    ],
  });

  // A survey answered by six shops of the big district and two of the lone district's… there is only one:
  // seven in all, six in the big district and the lone shop.
  const marketingApi = backofficeCallerFor(db, staffActor(marketing));
  const { id } = await marketingApi.surveys.create({
    title: '满意度测试',
    description: '',
    opensAt: null,
    closesAt: new Date(Date.now() + 30 * 86_400_000),
    target: { kind: 'ALL' },
    definition,
  });
  surveyId = id;
  await marketingApi.surveys.submitForApproval({ id });
  await backofficeCallerFor(db, staffActor(manager)).surveys.approve({ id });
  await backofficeCallerFor(db, staffActor(manager)).surveys.open({ id });
  const answering = [...shops.slice(0, 6), loneShop];
  for (const [i, shop] of answering.entries()) {
    const value = 1 + ((i * 3) % 5);
    await portalCallerFor(db, retailerActor(shop)).surveys.submit({ surveyId, answers: { supply_a: value } });
    ratings.push({ district: shop.districtId, value });
  }
  // It was open in spring 2031 for the pinned clock.
  await db.survey.update({
    where: { id: surveyId },
    data: { opensAt: new Date('2031-03-01T00:00:00Z'), closesAt: new Date('2031-04-01T00:00:00Z') },
  });

  // Two grading periods before the pinned day, each run, computed and published by the product's own functions.
  const periods = endedPeriods('2031-07-15', 3, 2).reverse();
  for (const period of periods) {
    const at = new Date(`${period.effectiveFrom}T01:00:00Z`);
    const run = await db.$transaction((tx) => createGradeRun(tx, { period, startedById: marketing.id, now: at, reason: null }));
    await computeGradeRun(db, { runId: run.id }, at);
    await publishGradeRun({ db, actor: staffActor(manager2), clock: () => at }, { runId: run.id });
  }

  await computeExecutiveSummaries(db, NOW);
});

const index = (values: number[]) => values.reduce((s, v) => s + ((v - 1) / 4) * 100, 0) / values.length;

describe('the executive dashboard', () => {
  it('shows the last twelve months, sales with growth against the same month a year before', async () => {
    const d = await api(executive).dashboard.get({});
    expect(d.months).toEqual(MONTHS);
    expect(d.currentMonth).toBe('2031-07');
    // The current month's product summary is written once the month is over.
    expect(d.sales.points.at(-1)).toMatchObject({ month: '2031-07', computed: false, quantityTiao: null });
    const march = d.sales.points.find((p) => p.month === '2031-03')!;
    // Direct from the order lines.
    const direct = await db.$queryRaw<{ month: string; q: bigint; a: bigint }[]>`
      SELECT to_char(o."orderDate", 'YYYY-MM') AS month, sum(l.quantity)::bigint AS q, sum(l."amountFen")::bigint AS a
      FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o.status = 'CONFIRMED' GROUP BY 1`;
    const of = (m: string) => direct.find((r) => r.month === m)!;
    expect(march.quantityTiao).toBe(Number(of('2031-03').q));
    expect(march.amountFen).toBe(Number(of('2031-03').a));
    expect(march.lastYearAmountFen).toBe(Number(of('2030-03').a));
    expect(march.growth).toBeCloseTo((Number(of('2031-03').a) - Number(of('2030-03').a)) / Number(of('2030-03').a), 9);
    // A month the job never computed says so (null), not 0; a computed month without a base has no growth.
    const april = d.sales.points.find((p) => p.month === '2031-04')!;
    expect(april).toMatchObject({ computed: false, quantityTiao: null, amountFen: null, growth: null });
    const may = d.sales.points.find((p) => p.month === '2031-05')!;
    expect(may).toMatchObject({ computed: true, quantityTiao: 7, growth: null, lastYearAmountFen: null });
  });

  it('narrows every series to a district, and says when the district has a single shop', async () => {
    const d = await api(executive).dashboard.get({ districtId: lone });
    expect(d.district).toMatchObject({ id: lone, shops: 1, fewShops: true });
    const march = d.sales.points.find((p) => p.month === '2031-03')!;
    expect(march).toMatchObject({ quantityTiao: 4, amountFen: 80_000, lastYearAmountFen: 20_000, growth: 3 });
    // Computed, but the lone shop bought nothing in May: a real 0.
    expect(d.sales.points.find((p) => p.month === '2031-05')).toMatchObject({ computed: true, quantityTiao: 0 });
    expect(d.sla.points.find((p) => p.month === '2031-02')).toEqual({ month: '2031-02', closed: 1, inTime: 0, rate: 0 });
    expect(d.sla.points.find((p) => p.month === '2031-04')).toEqual({ month: '2031-04', closed: 0, inTime: 0, rate: null });
    expect(d.anomalies.points.find((p) => p.month === '2031-06')!.byRule.ORDER_SPIKE).toBe(1);
    expect(d.anomalies.points.find((p) => p.month === '2031-01')!.total).toBe(0);
    expect(d.promotions.points).toEqual([expect.objectContaining({ delivered: 1, opened: 1, rate: 1 })]);
    const bigOne = await api(executive).dashboard.get({ districtId: big });
    expect(bigOne.district).toMatchObject({ shops: 8, fewShops: false });
    expect(bigOne.promotions.points[0]).toMatchObject({ delivered: 5, opened: 2, rate: 0.4 });
  });

  it('computes SLA compliance as cases closed in time ÷ cases closed, per China month, and no rate without closed cases', async () => {
    const d = await api(manager).dashboard.get({});
    const direct = await db.$queryRaw<{ month: string; closed: bigint; inTime: bigint }[]>`
      SELECT to_char((c."closedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::bigint AS closed,
        count(*) FILTER (WHERE c."resolvedAt" <= c."resolveDueAt")::bigint AS "inTime"
      FROM "Complaint" c WHERE c.state = 'CLOSED' GROUP BY 1`;
    for (const p of d.sla.points) {
      const row = direct.find((r) => r.month === p.month);
      expect(p.closed, p.month).toBe(Number(row?.closed ?? 0));
      expect(p.inTime, p.month).toBe(Number(row?.inTime ?? 0));
    }
    expect(d.sla.points.find((p) => p.month === '2031-02')!.rate).toBe(0.5);
    expect(d.sla.points.find((p) => p.month === '2031-03')).toMatchObject({ closed: 1, inTime: 0, rate: 0 });
    expect(d.sla.points.find((p) => p.month === '2030-09')!.rate).toBeNull();
    expect(d.sla.computedAt).toEqual(NOW);
  });

  it('counts anomalies per month of their cycle and rule, and promotion reach per promotion', async () => {
    const d = await api(executive).dashboard.get({});
    const jan = d.anomalies.points.find((p) => p.month === '2031-01')!;
    expect(jan.byRule).toMatchObject({ ORDER_SPIKE: 1, LARGE_RETAILER: 1, MONTH_SPIKE: 0 });
    expect(jan.total).toBe(2);
    expect(d.anomalies.points.reduce((s, p) => s + p.total, 0)).toBe(await db.alert.count());
    const direct = await db.promotionDelivery.groupBy({ by: ['promotionId'], _count: { _all: true, openedAt: true } });
    expect(d.promotions.points.map((p) => [p.promotionId, p.delivered, p.opened])).toEqual(
      direct.map((r) => [r.promotionId, r._count._all, r._count.openedAt]),
    );
  });

  it('gives each grade’s shops now and in the period before, as the published grades say', async () => {
    const d = await api(executive).dashboard.get({});
    expect(d.grades.current).not.toBeNull();
    expect(d.grades.previous).not.toBeNull();
    const count = async (code: string) => {
      const rows = await db.retailerGrade.groupBy({ by: ['grade'], where: { period: { code } }, _count: { _all: true } });
      return new Map(rows.map((r) => [r.grade, r._count._all]));
    };
    const now = await count(d.grades.current!.code);
    const before = await count(d.grades.previous!.code);
    for (const row of d.grades.rows) {
      expect(row.now, `grade ${row.grade}`).toBe(now.get(row.grade) ?? 0);
      expect(row.previous, `grade ${row.grade}`).toBe(before.get(row.grade) ?? 0);
    }
    expect(d.grades.totalNow).toBe(9);
    expect(d.grades.current!.appealChanges).toBe(0);
    const loneGrades = await api(executive).dashboard.get({ districtId: lone });
    expect(loneGrades.grades.totalNow).toBe(1);
  });

  it('moves a shop whose appeal was approved after publication to its new grade, and says how many moved', async () => {
    const before = await api(executive).dashboard.get({ districtId: big });
    const period = await db.gradePeriod.findFirstOrThrow({ where: { code: before.grades.current!.code } });
    const published = await db.retailerGrade.findFirstOrThrow({ where: { periodId: period.id, retailerId: shops[0]!.id } });
    const to = published.grade === 30 ? 29 : published.grade + 1;
    const appeal = await db.gradeAppeal.create({
      data: {
        retailerId: shops[0]!.id,
        periodId: period.id,
        currentGrade: published.grade,
        reason: '本期新增了一个门面。',
        dueAt: new Date(NOW.getTime() + 86_400_000),
      },
    });
    await api(manager).grading.decideAppeal({ appealId: appeal.id, decision: 'CHANGE', grade: to, reason: '门面扩大属实。' });
    const after = await api(executive).dashboard.get({ districtId: big });
    const countOf = (d: typeof before, grade: number) => d.grades.rows.find((r) => r.grade === grade)?.now ?? 0;
    expect(countOf(after, published.grade)).toBe(countOf(before, published.grade) - 1);
    expect(countOf(after, to)).toBe(countOf(before, to) + 1);
    expect(after.grades.totalNow).toBe(before.grades.totalNow);
    expect(after.grades.current!.appealChanges).toBe(1);
    // The lone district's card is not touched by an appeal in the big one.
    expect((await api(executive).dashboard.get({ districtId: lone })).grades.current!.appealChanges).toBe(0);
  });

  it('shows the satisfaction index only for groups the anonymity rule allows', async () => {
    const all = await api(executive).dashboard.get({});
    const point = all.satisfaction.points.find((p) => p.surveyId === surveyId)!;
    expect(point.respondents).toBe(7);
    expect(point.hidden).toBe(false);
    expect(point.index).toBeCloseTo(index(ratings.map((r) => r.value)), 9);
    // The lone district: one respondent, under the threshold.
    const lonePoint = (await api(executive).dashboard.get({ districtId: lone })).satisfaction.points.find((p) => p.surveyId === surveyId)!;
    expect(lonePoint).toMatchObject({ respondents: 1, hidden: true, index: null });
    // The big district: six respondents, but the company minus them is one shop, which it would give away.
    const bigPoint = (await api(executive).dashboard.get({ districtId: big })).satisfaction.points.find((p) => p.surveyId === surveyId)!;
    expect(bigPoint).toMatchObject({ respondents: 6, hidden: true, index: null });
    // A manager may see named answers, so nothing is hidden from them.
    const managerView = (await api(manager).dashboard.get({ districtId: lone })).satisfaction.points.find((p) => p.surveyId === surveyId)!;
    expect(managerView.hidden).toBe(false);
    expect(managerView.index).toBeCloseTo(index(ratings.filter((r) => r.district === lone).map((r) => r.value)), 9);
  });

  it('says plainly when nothing has been computed: no NaN, no 0 %', async () => {
    const empty = await createDistrict(db);
    const d = await api(executive).dashboard.get({ districtId: empty.id });
    expect(d.district).toMatchObject({ shops: 0, fewShops: true });
    expect(d.sales.hasData).toBe(false);
    expect(d.sla.hasData).toBe(false);
    expect(d.sla.rate).toBeNull();
    expect(d.sla.points.every((p) => p.rate === null)).toBe(true);
    expect(d.anomalies.hasData).toBe(false);
    expect(d.promotions.points.every((p) => p.rate === null)).toBe(true);
    expect(JSON.stringify(d)).not.toMatch(/NaN|Infinity/);
  });

  it('refuses account managers and service agents', async () => {
    await expect(api(accountManager).dashboard.get({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api(agent).dashboard.get({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api(marketing).dashboard.get({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('rewrites its summaries idempotently', async () => {
    const before = await api(executive).dashboard.get({});
    await computeExecutiveSummaries(db, NOW);
    const after = await api(executive).dashboard.get({});
    expect(after).toEqual(before);
  });
});
