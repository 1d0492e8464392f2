import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { PrismaClient } from '../../packages/db/src/generated/prisma/client';
import type { BusinessForm, IntegrityLevel, Market } from '../../packages/db/src/generated/prisma/enums';
import { DEFAULT_GRADE_SHARES, SETTINGS } from '../../packages/api/src/admin/settings.registry';
import {
  assignGrades,
  endedPeriods,
  lastEndedPeriod,
  scoreRetailers,
  type GradingInput,
} from '../../packages/api/src/grading/grading.rules';
import { computeGradeRun, createGradeRun, publishGradeRun } from '../../packages/api/src/grading/grading.run.service';
import { lodgeAppeal } from '../../packages/api/src/grading/grading.service';
import { addDays, chinaDate, chinaDateTime, mondayOf } from '../../packages/api/src/schedule/calendar.rules';
import { currentCycleStart, scheduledPublishAt, toScheduleSettings } from '../../packages/api/src/schedule/schedule.rules';
import { ensureCyclesAhead } from '../../packages/api/src/schedule/schedule.jobs';
import { hashPassword } from '../../packages/auth/src/password';
import { createRandom, type Random } from './random';
import { COMPANY, DEPARTMENTS, DISTRICTS, FORM_SUFFIX, GIVEN, PRODUCTS, SHOP_PREFIX, SURNAMES } from './reference';
import { seedComplaints } from './demo-complaints';
import { seedKnowledge } from './demo-knowledge';
import { seedSurveys } from './demo-surveys';
import { runCycleAnomalies } from '../../packages/api/src/alerts/alerts.run';
import { computeMonthlyRankings } from '../../packages/api/src/rankings/rankings.service';
import { computeMonthlyProductSales, runMonthlyReports } from '../../packages/api/src/analytics/business-report.service';
import { saveReportComment } from '../../packages/api/src/analytics/business-analysis.service';
import { lastClosedMonth, shiftMonth } from '../../packages/api/src/rankings/rankings.rules';
import { computeProductMonth } from '../../packages/api/src/products/products.service';
import { backfillCycleDemand } from '../../packages/api/src/products/forecast.service';
import { computeExecutiveSummaries } from '../../packages/api/src/analytics/executive.service';
import { isoWeekCode } from '../../packages/api/src/allocation/allocation.versions.rules';

export const DEMO_PASSWORD = 'demo-2026';
export const SHOP_A_LICENCE = '330100000001';
export const SHOP_B_LICENCE = '330100000002';
const RETAILER_COUNT = 2000;
const PAST_CYCLES = 52;
const FUTURE_CYCLES = 8;

const day = (date: string) => new Date(`${date}T00:00:00Z`);

export type SeedContext = {
  db: PrismaClient;
  random: Random;
  today: string;
  now: Date;
  staff: Record<string, number>;
  shopA: number;
  shopB: number;
  departments: Record<string, number>;
};

/** Seeds the demo company into an empty database. Deterministic for a given `today`. */
export async function seedDemo(db: PrismaClient, options: { today?: Date } = {}): Promise<void> {
  const now = options.today ?? new Date();
  const today = chinaDate(now);
  const random = createRandom(20_261_122);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.company.create({ data: COMPANY });
  // One at a time, so district ids follow their codes on every run.
  const districts = [];
  for (const d of DISTRICTS) districts.push(await db.district.create({ data: { code: d.code, name: d.name, nameEn: d.nameEn } }));
  const departments: Record<string, number> = {};
  for (const d of DEPARTMENTS) departments[d.kind] = (await db.department.create({ data: d })).id;

  const staff = await seedStaff(
    db,
    random,
    passwordHash,
    districts.map((d) => d.id),
    departments,
  );
  const { shopA, shopB } = await seedRetailers(
    db,
    random,
    passwordHash,
    districts.map((d) => d.id),
    staff,
  );
  await seedProducts(db, today);
  await seedCycles(db, today);
  await ensureCyclesAhead(db, now);
  await seedOrders(db, today, shopA, shopB);
  await seedCalendar(db, Number(today.slice(0, 4)));
  await seedGrades(db, today, now, staff, shopB);

  const ctx: SeedContext = { db, random, today, now, staff, shopA, shopB, departments };
  await seedAllocation(ctx);
  await seedPromotions(ctx);
  await seedSurveys(ctx);
  await seedRewards(ctx);
  await seedComplaints(ctx);
  await seedKnowledge(ctx);
  await seedRetailerServiceRecords(ctx);
  await seedAlerts(ctx);
  await seedRankings(ctx);
  await seedBusinessReports(ctx);
  await seedProductMonths(ctx);
  await seedCycleDemand(ctx);
  await seedExecutiveSummaries(ctx);
  await db.$executeRawUnsafe('ANALYZE');
}

async function seedStaff(
  db: PrismaClient,
  random: Random,
  passwordHash: string,
  districtIds: number[],
  departments: Record<string, number>,
) {
  const people: { username: string; name: string; roles: string[]; districtId?: number; departmentId?: number }[] = [
    { username: 'admin', name: '系统管理员', roles: ['ADMIN'] },
    { username: 'manager', name: '周建华', roles: ['MANAGER'], departmentId: departments.MARKETING_CENTRE },
    { username: 'marketing', name: '钱晓燕', roles: ['MARKETING'], departmentId: departments.MARKETING_CENTRE },
    { username: 'agent', name: '孙丽娟', roles: ['SERVICE_AGENT'], departmentId: departments.SERVICE_CENTRE },
    { username: 'agent2', name: '吴海燕', roles: ['SERVICE_AGENT'], departmentId: departments.SERVICE_CENTRE },
    { username: 'exec', name: '沈国庆', roles: ['EXECUTIVE'] },
  ];
  for (let i = 1; i <= 12; i += 1) {
    people.push({
      username: `am${String(i).padStart(2, '0')}`,
      name: i === 1 ? '陈志强' : i === 2 ? '王秀英' : `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
      roles: ['ACCOUNT_MANAGER'],
      // am01 and am02 serve districts 1 and 2; the rest spread over all five.
      districtId: districtIds[(i - 1) % districtIds.length],
      departmentId: departments.MARKETING_CENTRE,
    });
  }
  const ids: Record<string, number> = {};
  for (const person of people) {
    const user = await db.staffUser.create({
      data: {
        username: person.username,
        name: person.name,
        phone: `1357100${String(Object.keys(ids).length + 1).padStart(4, '0')}`,
        passwordHash,
        districtId: person.districtId,
        departmentId: person.departmentId,
        roles: { create: person.roles.map((role) => ({ role: role as never })) },
      },
    });
    ids[person.username] = user.id;
  }
  return ids;
}

async function seedRetailers(db: PrismaClient, random: Random, passwordHash: string, districtIds: number[], staff: Record<string, number>) {
  const managersByDistrict = new Map<number, number[]>();
  Object.entries(staff)
    .filter(([u]) => /^am\d\d$/.test(u))
    .forEach(([, id], i) => {
      const districtId = districtIds[i % districtIds.length]!;
      managersByDistrict.set(districtId, [...(managersByDistrict.get(districtId) ?? []), id]);
    });

  const rows = [];
  for (let i = 0; i < RETAILER_COUNT; i += 1) {
    const districtIndex = i === 0 ? 0 : i === 1 ? 1 : random.int(0, districtIds.length - 1);
    const districtId = districtIds[districtIndex]!;
    const rural = districtIndex === 1 || districtIndex === 3 ? random.chance(0.6) : random.chance(0.15);
    const market: Market = i === 0 ? 'C' : i === 1 ? 'X' : rural ? 'X' : 'C';
    const form: BusinessForm =
      i === 0
        ? 'B'
        : i === 1
          ? 'Z'
          : random.weighted<BusinessForm>([
              ['Z', 40],
              ['B', 22],
              ['S', 10],
              ['Y', 12],
              ['F', 8],
              ['N', 2],
              ['Q', 6],
            ]);
    const sizeClass =
      i === 0
        ? 2
        : i === 1
          ? 3
          : random.weighted([
              [1, 15],
              [2, 35],
              [3, 50],
            ] as const);
    const integrity: IntegrityLevel =
      i === 0
        ? 'AA'
        : i === 1
          ? 'A'
          : random.weighted<IntegrityLevel>([
              ['AAA', 12],
              ['AA', 30],
              ['A', 48],
              ['B', 7],
              ['C', 2],
              ['D', 1],
            ]);
    const managers = managersByDistrict.get(districtId) ?? [];
    const accountManagerId = i === 0 ? staff.am01! : i === 1 ? staff.am02! : managers[i % managers.length];
    const owner = `${random.pick(SURNAMES)}${random.pick(GIVEN)}`;
    const street = random.pick(DISTRICTS[districtIndex]!.streets);
    const shopName =
      i === 0 ? '好又多便利店(解放路店)' : i === 1 ? '顺发副食店' : `${random.pick(SHOP_PREFIX)}${random.pick(FORM_SUFFIX[form]!)}`;
    rows.push({
      licenceNo:
        i < 2
          ? i === 0
            ? '330100000001'
            : '330100000002'
          : `3301${String(districtIndex + 1).padStart(2, '0')}${String(100_000 + i).slice(-6)}`,
      shopName,
      ownerName: i === 0 ? '陈美玲' : i === 1 ? '李建国' : owner,
      contactName: null,
      phone:
        i === 0
          ? '13805710001'
          : i === 1
            ? '13905710002'
            : `1${random.pick(['35', '38', '39', '58', '59', '87'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      address: `杭州市${DISTRICTS[districtIndex]!.name.replace('营销部', '')}${street}${random.int(1, 399)}号`,
      districtId,
      market,
      businessForm: form,
      sizeClass,
      classificationCode: `${market}${form}${sizeClass}`,
      shopAreaM2: form === 'S' || form === 'N' ? random.int(80, 600) : random.int(12, 80),
      accountManagerId: accountManagerId ?? null,
      orderWeekday: i === 0 ? 3 : i === 1 ? 2 : random.int(1, 5),
      integrityLevel: integrity,
      openedOn: day(`20${String(random.int(8, 24)).padStart(2, '0')}-0${random.int(1, 9)}-1${random.int(0, 9)}`),
    });
  }
  await db.retailer.createMany({ data: rows });
  // Owners' birthdays for the greetings (customer care), 1960–1998, derived from the licence number so that
  // the random sequence the rest of the demo data is drawn from stays as it was.
  await db.$executeRaw`UPDATE "Retailer" SET "ownerBirthday" = DATE '1960-01-01' + (abs(hashtext("licenceNo")) % 14000)::int WHERE "ownerBirthday" IS NULL`;
  await db.$executeRaw`
    INSERT INTO "RetailerLogin" ("retailerId", "loginName", role, "displayName", "passwordHash")
    SELECT id, "licenceNo", 'OWNER', "ownerName", ${passwordHash} FROM "Retailer"`;
  const shopA = (await db.retailer.findUniqueOrThrow({ where: { licenceNo: SHOP_A_LICENCE } })).id;
  const shopB = (await db.retailer.findUniqueOrThrow({ where: { licenceNo: SHOP_B_LICENCE } })).id;
  await db.retailerLogin.create({
    data: { retailerId: shopA, loginName: `${SHOP_A_LICENCE}-1`, role: 'CLERK', displayName: '店员小陈', passwordHash },
  });
  return { shopA, shopB };
}

async function seedProducts(db: PrismaClient, today: string) {
  await db.product.createMany({
    data: PRODUCTS.map(([brand, name, productClass, wholesale, retail, scarce], i) => ({
      code: `69${String(10_000_000 + i * 137).padStart(8, '0')}`,
      brand,
      name,
      productClass,
      wholesalePriceFen: wholesale * 100,
      retailPriceFen: retail * 100,
      scarce: scarce ?? false,
      launchedOn: day(i === PRODUCTS.length - 1 ? addDays(today, -60) : '2018-01-01'),
    })),
  });
}

async function seedCycles(db: PrismaClient, today: string) {
  const current = mondayOf(today);
  const data = [];
  for (let k = -(PAST_CYCLES - 1); k <= FUTURE_CYCLES; k += 1) {
    const weekStart = addDays(current, 7 * k);
    data.push({ code: isoWeekCode(weekStart), weekStart: day(weekStart), weekEnd: day(addDays(weekStart, 6)) });
  }
  await db.orderCycle.createMany({ data });
}

/**
 * A year of weekly orders, made inside PostgreSQL (set-based, no row-by-row round trips). Deterministic
 * pseudo-random numbers come from hashtext() of the row's ids. Shops A and B copy the orders of "twins"
 * that rank in the middle of grades 24 and 8, so their grades come out of real orders.
 */
async function seedOrders(db: PrismaClient, today: string, shopA: number, shopB: number) {
  await db.$executeRawUnsafe(`
    CREATE TEMP TABLE seed_profile AS
    SELECT id AS retailer_id,
      (CASE "sizeClass" WHEN 1 THEN 70 WHEN 2 THEN 28 ELSE 10 END
        * CASE "businessForm" WHEN 'S' THEN 1.5 WHEN 'N' THEN 1.8 WHEN 'Y' THEN 1.4 WHEN 'B' THEN 1.1 WHEN 'F' THEN 0.8 ELSE 0.9 END
        * (0.6 + (abs(hashtext(id || ':w')) % 80) / 100.0))::numeric AS weekly,
      CASE WHEN "businessForm" IN ('Y', 'N', 'S') OR "market" = 'C' THEN 0.45 ELSE 0.15 END AS premium_bias
    FROM "Retailer"`);
  await db.$executeRawUnsafe(
    `CREATE TEMP TABLE seed_product AS SELECT id, "productClass", "wholesalePriceFen", row_number() OVER (ORDER BY id) AS n FROM "Product"`,
  );
  await insertOrders(db, today, `r.id NOT IN (${shopA}, ${shopB})`);

  // The twins: who sits in the middle of grades 24 and 8 on the last ended period's orders (the run
  // computes the same rules in SQL, so the shops copying them land there too).
  const period = lastEndedPeriod(today, SETTINGS['grading.periodMonths'].default);
  const graded = assignGrades(
    scoreRetailers(await gradingInputs(db, period.ordersFrom, period.ordersTo), SETTINGS['grading.scoreWeights'].default),
    DEFAULT_GRADE_SHARES,
  );
  // A twin with the shop's own order day, so the copied orders fall on the same dates (and in the same period).
  const weekdays = new Map((await db.retailer.findMany({ select: { id: true, orderWeekday: true } })).map((r) => [r.id, r.orderWeekday]));
  const middleOf = (grade: number, shop: number) => {
    const inGrade = graded.filter((r) => r.grade === grade);
    const middle = Math.floor(inGrade.length / 2);
    const sameDay = inGrade.map((r, i) => ({ r, i })).filter(({ r }) => weekdays.get(r.retailerId) === weekdays.get(shop));
    sameDay.sort((a, b) => Math.abs(a.i - middle) - Math.abs(b.i - middle));
    return (sameDay[0]?.r ?? inGrade[middle]!).retailerId;
  };
  for (const [shop, twin] of [
    [shopA, middleOf(24, shopA)],
    [shopB, middleOf(8, shopB)],
  ] as const) {
    await db.$executeRawUnsafe(`
      INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, status, "totalQuantity", "totalAmountFen", "externalRef")
      SELECT ${shop}, o."cycleId", c."weekStart" + (r."orderWeekday" - 1), o.channel, o.status, o."totalQuantity", o."totalAmountFen", 'DEMO-' || o."cycleId" || '-' || ${shop}
      FROM "Order" o JOIN "OrderCycle" c ON c.id = o."cycleId" JOIN "Retailer" r ON r.id = ${shop}
      WHERE o."retailerId" = ${twin} AND c."weekStart" + (r."orderWeekday" - 1) < DATE '${today}'`);
    await db.$executeRawUnsafe(`
      INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen")
      SELECT mine.id, l."productId", l.quantity, l."unitPriceFen", l."amountFen"
      FROM "Order" twin JOIN "OrderLine" l ON l."orderId" = twin.id
      JOIN "Order" mine ON mine."retailerId" = ${shop} AND mine."cycleId" = twin."cycleId"
      WHERE twin."retailerId" = ${twin}`);
  }
  await db.$executeRawUnsafe('DROP TABLE seed_profile; DROP TABLE seed_product');
}

async function insertOrders(db: PrismaClient, today: string, retailerFilter: string) {
  await db.$executeRawUnsafe(`
    INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, status, "totalQuantity", "totalAmountFen", "externalRef")
    SELECT r.id, c.id, c."weekStart" + (r."orderWeekday" - 1),
      (CASE abs(hashtext(r.id || ':' || c.id || ':ch')) % 10 WHEN 0 THEN 'PHONE' WHEN 1 THEN 'VISIT' ELSE 'ONLINE' END)::"OrderChannel",
      'CONFIRMED', 0, 0, 'DEMO-' || c.id || '-' || r.id
    FROM "Retailer" r CROSS JOIN "OrderCycle" c
    WHERE ${retailerFilter}
      AND c."weekStart" + (r."orderWeekday" - 1) < DATE '${today}'
      AND r."openedOn" <= c."weekStart"
      AND abs(hashtext(r.id || ':' || c.id)) % 100 >= 7`);
  // 3 to 9 lines an order; popular products more often; premium-leaning shops pick more class 1–2 products.
  await db.$executeRawUnsafe(`
    INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen")
    SELECT DISTINCT ON (o.id, p.id) o.id, p.id, q.quantity, p."wholesalePriceFen", q.quantity * p."wholesalePriceFen"
    FROM "Order" o
    JOIN seed_profile sp ON sp.retailer_id = o."retailerId"
    CROSS JOIN LATERAL generate_series(1, 3 + abs(hashtext(o.id || ':n')) % 7) AS k
    CROSS JOIN LATERAL (SELECT (abs(hashtext(o.id || ':' || k)) % 10000) / 10000.0 AS u, (abs(hashtext(o.id || ':q' || k)) % 1000) / 1000.0 AS v) AS h
    JOIN seed_product p ON p.n = 1 + floor(
      CASE WHEN h.v < sp.premium_bias THEN h.u * 25 ELSE 20 + h.u * h.u * 40 END)::int
    CROSS JOIN LATERAL (SELECT greatest(1, round(sp.weekly / (3 + abs(hashtext(o.id || ':n')) % 7) * (0.5 + h.v)))::int AS quantity) AS q
    WHERE NOT EXISTS (SELECT 1 FROM "OrderLine" x WHERE x."orderId" = o.id)
    ORDER BY o.id, p.id`);
  await db.$executeRawUnsafe(`
    UPDATE "Order" o SET "totalQuantity" = t.qty, "totalAmountFen" = t.amount
    FROM (SELECT "orderId", sum(quantity)::int AS qty, sum("amountFen") AS amount FROM "OrderLine" GROUP BY "orderId") t
    WHERE t."orderId" = o.id AND o."totalQuantity" = 0`);
  await db.$executeRawUnsafe(`DELETE FROM "Order" WHERE "totalQuantity" = 0`);
}

/** The totals the run ranks (retailers open for the whole period), for choosing the twins. */
async function gradingInputs(db: PrismaClient, from: string, to: string): Promise<GradingInput[]> {
  const rows = await db.$queryRawUnsafe<{ retailerId: number; volume: bigint; amount: bigint; distinct: bigint; premium: bigint }[]>(`
    SELECT r.id AS "retailerId", coalesce(sum(l.quantity), 0) AS volume, coalesce(sum(l."amountFen"), 0) AS amount,
      count(DISTINCT l."productId") AS "distinct", coalesce(sum(l.quantity) FILTER (WHERE p."productClass" <= 2), 0) AS premium
    FROM "Retailer" r
    LEFT JOIN "Order" o ON o."retailerId" = r.id AND o."orderDate" BETWEEN DATE '${from}' AND DATE '${to}' AND o.status = 'CONFIRMED'
    LEFT JOIN "OrderLine" l ON l."orderId" = o.id
    LEFT JOIN "Product" p ON p.id = l."productId"
    WHERE r.status <> 'CANCELLED' AND r."openedOn" <= DATE '${from}'
    GROUP BY r.id`);
  return rows.map((r) => ({
    retailerId: r.retailerId,
    volume: Number(r.volume),
    amountFen: Number(r.amount),
    distinctProducts: Number(r.distinct),
    premiumVolume: Number(r.premium),
  }));
}

/**
 * Four ended periods graded the way the company grades: a run started by marketing, computed by the run's
 * own SQL, published by the manager on the first day it takes effect. The last one is in force today.
 */
async function seedGrades(db: PrismaClient, today: string, now: Date, staff: Record<string, number>, shopB: number) {
  const periods = endedPeriods(today, SETTINGS['grading.periodMonths'].default, 4).reverse();
  const manager = { kind: 'staff' as const, userId: staff.manager!, roles: ['MANAGER' as const], districtId: null, departmentId: null };
  for (const period of periods) {
    const publishedAt = new Date(Math.min(now.getTime(), chinaDateTime(period.effectiveFrom, '09:00').getTime()));
    const run = await db.$transaction((tx) =>
      createGradeRun(tx, { period, startedById: staff.marketing!, now: publishedAt, reason: null }),
    );
    await computeGradeRun(db, { runId: run.id }, publishedAt);
    const computed = await db.gradeRun.findUniqueOrThrow({ where: { id: run.id }, select: { state: true, error: true } });
    if (computed.state !== 'DRAFT') throw new Error(`Grading run of ${period.code} failed: ${computed.error}`);
    await publishGradeRun({ db, actor: manager, clock: () => publishedAt }, { runId: run.id });
  }
  // Shop B asked for a review of its grade this morning: an open appeal in the managers' queue, its
  // deadline counted by the appeal's own working-time rule.
  const login = await db.retailerLogin.findFirstOrThrow({ where: { retailerId: shopB }, orderBy: { id: 'asc' } });
  const lodgedAt = new Date(Math.min(now.getTime(), chinaDateTime(today, '09:00').getTime()));
  await lodgeAppeal(
    { db, actor: { kind: 'retailer', retailerId: shopB, loginId: login.id }, clock: () => lodgedAt },
    { reason: '本季度两次节日备货的订单没有计入，档位偏低，请核实。' },
  );
}

type CalendarJson = { holidays: Record<string, string>; workdays: Record<string, string> };

/** This year's and next year's holidays and make-up working days, from the maintained chinese-days data. */
async function seedCalendar(db: PrismaClient, year: number) {
  const data = calendarData as CalendarJson;
  for (const y of [year - 1, year, year + 1]) {
    const rows = [
      ...Object.entries(data.holidays)
        .filter(([d]) => d.startsWith(`${y}-`))
        .map(([d, v]) => ({ date: day(d), kind: 'HOLIDAY' as const, name: v.split(',')[1] ?? v, year: y })),
      ...Object.entries(data.workdays)
        .filter(([d]) => d.startsWith(`${y}-`))
        .map(([d, v]) => ({ date: day(d), kind: 'MAKEUP_WORKDAY' as const, name: `${v.split(',')[1] ?? v}调休`, year: y })),
    ];
    await db.calendarDay.createMany({ data: rows });
    // The State Council publishes next year's holidays late in the year: until then the year is unconfirmed.
    await db.calendarYear.create({
      data: { year: y, confirmed: rows.length > 0, source: rows.length > 0 ? '国务院办公厅通知（chinese-days 数据）' : null },
    });
  }
}

/** The schedule settings as seeded (the registry's defaults): the seed decides "current" as the product does. */
function seededScheduleSettings() {
  return toScheduleSettings({
    'schedule.windowOpenWeekday': SETTINGS['schedule.windowOpenWeekday'].default,
    'schedule.windowOpenTime': SETTINGS['schedule.windowOpenTime'].default,
    'schedule.windowCloseTime': SETTINGS['schedule.windowCloseTime'].default,
    'schedule.deliveryLagWorkingDays': SETTINGS['schedule.deliveryLagWorkingDays'].default,
    'allocation.publishWeekday': SETTINGS['allocation.publishWeekday'].default,
    'allocation.publishTime': SETTINGS['allocation.publishTime'].default,
  });
}

/**
 * Policies for the cycle before the current one (two versions, for the history), the current cycle
 * (published at its scheduled time) and the next one (approved and published early, an hour ago, so
 * the next cycle's limits show in both apps). "Current" is the product's own rule, currentCycleStart.
 */
async function seedAllocation({ db, now, staff, shopA }: SeedContext) {
  const settings = seededScheduleSettings();
  const current = currentCycleStart(now, settings);
  const weeks = [addDays(current, -7), current, addDays(current, 7)];
  const cycles = await db.orderCycle.findMany({ where: { weekStart: { in: weeks.map(day) } }, orderBy: { weekStart: 'asc' } });
  if (cycles.length !== weeks.length) throw new Error(`Seed cycles missing around ${current}`);
  const limited = await db.product.findMany({ where: { OR: [{ scarce: true }, { productClass: 1 }] }, orderBy: { id: 'asc' }, take: 15 });
  const bands = [
    [1, 5],
    [6, 10],
    [11, 15],
    [16, 20],
    [21, 25],
    [26, 30],
  ] as const;
  const limitsFor = (bump: number) =>
    limited.flatMap((p, i) =>
      bands.map(([from, to], b) => ({
        productId: p.id,
        gradeFrom: from,
        gradeTo: to,
        limitQuantity: Math.max(0, (p.scarce ? 1 : 3) * (b + 1) + (i % 3) + bump - (p.scarce && b === 0 ? 1 : 0)),
      })),
    );
  const hour = 3_600_000;
  for (const [index, cycle] of cycles.entries()) {
    const versions = index === 0 ? 2 : 1; // last cycle had a second version, to show the history
    const scheduled = scheduledPublishAt(chinaDate(cycle.weekStart), settings.policyPublishWeekday, settings.policyPublishTime);
    const early = index === 2;
    for (let v = 1; v <= versions; v += 1) {
      const publishedAt = early ? new Date(now.getTime() - hour) : new Date(scheduled.getTime() + (v - 1) * 86_400_000);
      await db.allocationPolicy.create({
        data: {
          cycleId: cycle.id,
          version: v,
          state: v < versions ? 'SUPERSEDED' : 'PUBLISHED',
          note: v === 2 ? '根据货源到货情况上调部分紧俏规格限量' : early ? '货源计划已确定，提前发布' : '常规投放',
          createdById: staff.marketing!,
          approvedById: staff.manager!,
          approvedAt: early ? new Date(now.getTime() - 2 * hour) : scheduled,
          publishAt: early ? publishedAt : scheduled,
          publishedAt,
          limits: { create: limitsFor(v - 1 + (index === 2 ? 1 : 0)) },
        },
      });
    }
  }
  await db.allocationAdjustment.create({
    data: {
      retailerId: shopA,
      cycleId: cycles[1]!.id,
      productId: limited[0]!.id,
      delta: 2,
      reason: '社区重点保供客户，经审批上调',
      createdById: staff.marketing!,
    },
  });
}

async function seedPromotions({ db, staff, now }: SeedContext) {
  const products = await db.product.findMany({ orderBy: { id: 'asc' } });
  const p = (i: number) => ({ productId: products[i]!.id });
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const base = { createdById: staff.marketing!, submittedAt: at(-10) };
  const approved = { approvedById: staff.manager!, decidedAt: at(-9), decisionComment: '同意' };
  const live = [
    {
      title: '利群系列品牌陈列奖励',
      body: '活动期间在店内显著位置陈列利群系列产品并保持价签清晰，经客户经理拍照确认后，每月可获 200 积分。',
      terms: '陈列面不少于 3 个排面；明码标价；每户每月限一次。',
      targetGradeMin: 20,
      targetGradeMax: 30,
      products: [p(4), p(5), p(6)],
    },
    {
      title: '上城区便民服务月',
      body: '上城区零售客户本月订购指定规格，可享受优先配送与免费店招维护服务。',
      terms: '仅限上城区营销部辖区；服务需提前一周预约。',
      targetDistrictIds: [1],
      products: [p(8), p(22)],
    },
    {
      title: '诚信经营客户专享：新品品鉴',
      body: '诚信等级 AA 及以上客户可申请冬虫夏草(和颐)品鉴装，助力高端客户拓展。',
      terms: '数量有限，先到先得；每户限申请一次。',
      targetIntegrityLevels: ['AAA', 'AA'] as IntegrityLevel[],
      products: [p(58)],
    },
  ];
  for (const promo of live) {
    const { products: covered, ...fields } = promo;
    await db.promotion.create({
      data: { ...fields, ...base, ...approved, state: 'LIVE', startsAt: at(-7), endsAt: at(23), products: { create: covered } },
    });
  }
  await db.promotion.create({
    data: {
      title: '春节旺季备货指引',
      body: '春节前四周各档位客户可按建议量备货。',
      terms: '具体以当期投放策略为准。',
      state: 'DRAFT',
      startsAt: at(40),
      endsAt: at(70),
      createdById: staff.marketing!,
      products: { create: [p(0), p(1)] },
    },
  });
  await db.promotion.create({
    data: {
      title: '乡村客户送货时段优化',
      body: '乡村客户可选择上午或下午送货时段。',
      terms: '需至少提前一个订货周期申请。',
      state: 'PENDING_APPROVAL',
      startsAt: at(5),
      endsAt: at(60),
      ...base,
      products: { create: [p(25)] },
    },
  });
  await db.promotion.create({
    data: {
      title: '国庆中秋双节促销',
      body: '双节期间指定规格订货满 10 条赠送积分。',
      terms: '活动已结束。',
      state: 'ENDED',
      startsAt: at(-60),
      endsAt: at(-45),
      ...base,
      ...approved,
      products: { create: [p(9), p(15)] },
    },
  });
  // Delivery to every targeted retailer, in one statement per promotion; some have been opened.
  await db.$executeRaw`
    INSERT INTO "PromotionDelivery" ("promotionId", "retailerId", "deliveredAt", "openedAt")
    SELECT pr.id, r.id, pr."startsAt", CASE WHEN abs(hashtext(pr.id || ':' || r.id)) % 3 = 0 THEN pr."startsAt" + interval '1 day' END
    FROM "Promotion" pr JOIN "Retailer" r ON
      (pr."targetGradeMin" IS NULL OR r.grade >= pr."targetGradeMin") AND (pr."targetGradeMax" IS NULL OR r.grade <= pr."targetGradeMax")
      AND (cardinality(pr."targetDistrictIds") = 0 OR r."districtId" = ANY (pr."targetDistrictIds"))
      AND (cardinality(pr."targetIntegrityLevels") = 0 OR r."integrityLevel" = ANY (pr."targetIntegrityLevels"))
      AND (cardinality(pr."targetClassifications") = 0 OR r."classificationCode" = ANY (pr."targetClassifications"))
    WHERE pr.state IN ('LIVE', 'ENDED') AND r.status = 'ACTIVE'`;
}

async function seedRewards({ db, shopA, staff, now }: SeedContext) {
  const rules = [
    {
      kind: 'SETTLEMENT_RATE',
      name: '电子结算成功率达标',
      nameEn: 'Electronic settlement rate met',
      params: { minRate: 0.98 },
      points: 300,
    },
    { kind: 'INTEGRITY', name: '诚信经营（AA 级及以上）', nameEn: 'Integrity AA or above', params: { levels: ['AAA', 'AA'] }, points: 200 },
    {
      kind: 'CONTRIBUTION',
      name: '销量贡献（20 档及以上）',
      nameEn: 'Volume contribution (grade 20+)',
      params: { minGrade: 20 },
      points: 400,
    },
    { kind: 'GROWTH', name: '同比增长', nameEn: 'Growth on last year', params: { minGrowth: 0.05 }, points: 200 },
    { kind: 'SURVEY_COMPLETE', name: '完整参与满意度调查', nameEn: 'Completed a satisfaction survey', params: {}, points: 50 },
    { kind: 'PRICE_COMPLIANCE', name: '明码标价规范', nameEn: 'Prices clearly marked', params: {}, points: 100 },
  ] as const;
  const created: Record<string, number> = {};
  for (const rule of rules) created[rule.kind] = (await db.rewardRule.create({ data: { ...rule, effectiveFrom: '2025Q1' } })).id;

  const items = [
    ['定制价签一套', 'Set of shelf price tags', '统一规格的卷烟价签，含 50 枚', 'GIFT', 150, 500],
    ['店招清洗维护', 'Shop sign cleaning', '客户经理预约上门清洗店招一次', 'SERVICE', 300, 100],
    ['卷烟陈列柜灯带', 'Display cabinet LED strip', '节能 LED 灯带，含安装', 'GIFT', 600, 80],
    ['收银小票打印纸（一箱）', 'Till roll paper (box)', '57mm 热敏纸 50 卷', 'GIFT', 100, 300],
    ['经营培训课程', 'Retail training course', '线下零售经营培训一次（半天）', 'SERVICE', 400, 60],
    ['智能终端免费年检', 'Free annual terminal check', '订货终端上门检测保养', 'SERVICE', 250, 200],
  ] as const;
  for (const [name, nameEn, description, kind, points, stock] of items)
    await db.rewardItem.create({ data: { name, nameEn, description, kind, points, stock } });

  const run = await db.rewardRun.create({
    data: {
      periodCode: lastEndedPeriod(chinaDate(now), SETTINGS['grading.periodMonths'].default).code,
      state: 'COMMITTED',
      finishedAt: now,
      createdById: staff.marketing!,
    },
  });
  // Who earned which rule: simple, deterministic stand-ins for the real measures; shop A earns five of six.
  await db.$executeRawUnsafe(`
    INSERT INTO "PointsEntry" ("retailerId", points, "balanceAfter", reason, "ruleId", "runId", note, "createdAt")
    SELECT e.rid, e.points, sum(e.points) OVER (PARTITION BY e.rid ORDER BY e.rule_id), 'RULE', e.rule_id, ${run.id}, NULL, '${now.toISOString()}'::timestamptz - interval '20 days'
    FROM (
      SELECT r.id AS rid, ru.id AS rule_id, ru.points FROM "Retailer" r JOIN "RewardRule" ru ON true
      WHERE CASE ru.kind
        WHEN 'SETTLEMENT_RATE' THEN r.id = ${shopA} OR abs(hashtext(r.id || ':s')) % 10 <> 0
        WHEN 'INTEGRITY' THEN r."integrityLevel" IN ('AAA', 'AA')
        WHEN 'CONTRIBUTION' THEN r.grade >= 20
        WHEN 'GROWTH' THEN r.id = ${shopA} OR abs(hashtext(r.id || ':g')) % 3 = 0
        WHEN 'SURVEY_COMPLETE' THEN EXISTS (SELECT 1 FROM "SurveyResponse" s WHERE s."retailerId" = r.id AND s.state = 'SUBMITTED')
        WHEN 'PRICE_COMPLIANCE' THEN r.id = ${shopA} OR abs(hashtext(r.id || ':p')) % 5 <> 0
      END) e`);
  await db.$executeRawUnsafe(
    `UPDATE "Retailer" r SET "pointsBalance" = t.total FROM (SELECT "retailerId", sum(points)::int AS total FROM "PointsEntry" GROUP BY "retailerId") t WHERE t."retailerId" = r.id`,
  );

  // Two redemptions by shop A: one fulfilled, one waiting.
  const catalogue = await db.rewardItem.findMany({ orderBy: { id: 'asc' } });
  for (const [item, state, daysAgo] of [
    [catalogue[0]!, 'FULFILLED', 12],
    [catalogue[3]!, 'REQUESTED', 2],
  ] as const) {
    const balance = (await db.retailer.findUniqueOrThrow({ where: { id: shopA } })).pointsBalance;
    const createdAt = new Date(now.getTime() - daysAgo * 86_400_000);
    const redemption = await db.redemption.create({
      data: {
        retailerId: shopA,
        itemId: item.id,
        points: item.points,
        state,
        idempotencyKey: `demo-${item.id}`,
        createdAt,
        ...(state === 'FULFILLED'
          ? { handledById: staff.marketing!, handledAt: new Date(createdAt.getTime() + 2 * 86_400_000), note: '已由客户经理送达' }
          : {}),
      },
    });
    await db.pointsEntry.create({
      data: {
        retailerId: shopA,
        points: -item.points,
        balanceAfter: balance - item.points,
        reason: 'REDEMPTION',
        redemptionId: redemption.id,
        note: item.name,
        createdAt,
      },
    });
    await db.retailer.update({ where: { id: shopA }, data: { pointsBalance: balance - item.points } });
    await db.rewardItem.update({ where: { id: item.id }, data: { stock: { decrement: 1 } } });
  }
}

async function seedRetailerServiceRecords({ db, staff, shopA, shopB, now }: SeedContext) {
  const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
  await db.notification.createMany({
    data: [
      {
        retailerId: shopA,
        kind: 'PROMOTION',
        messageKey: 'promotions.staff.notify.new',
        params: { title: '利群系列品牌陈列奖励' },
        link: '/promotions',
        createdAt: at(7),
      },
      {
        retailerId: shopA,
        kind: 'SURVEY_INVITATION',
        messageKey: 'surveys.notify.invitation',
        params: { title: '2026 年度客户满意度调查' },
        link: '/surveys',
        createdAt: at(3),
      },
      {
        retailerId: shopA,
        kind: 'GRADE_PUBLISHED',
        messageKey: 'notifications.gradePublished',
        link: '/grade',
        createdAt: at(50),
        readAt: at(49),
      },
      { retailerId: shopA, kind: 'COMPLAINT_UPDATE', messageKey: 'notifications.complaintReplied', link: '/complaints', createdAt: at(1) },
      {
        retailerId: shopA,
        kind: 'ORDER_WINDOW',
        messageKey: 'notifications.orderWindowOpen',
        link: '/schedule',
        createdAt: at(4),
        readAt: at(4),
      },
      {
        retailerId: shopB,
        kind: 'PROMOTION',
        messageKey: 'promotions.staff.notify.new',
        params: { title: '乡村客户服务月' },
        link: '/promotions',
        createdAt: at(6),
      },
      { retailerId: shopB, kind: 'GRADE_PUBLISHED', messageKey: 'notifications.gradePublished', link: '/grade', createdAt: at(50) },
      {
        staffUserId: staff.manager!,
        kind: 'SYSTEM',
        messageKey: 'promotions.staff.notify.pending',
        params: { title: '乡村客户送货时段优化' },
        link: '/promotions',
        createdAt: at(2),
      },
      { staffUserId: staff.agent!, kind: 'SLA_REMINDER', messageKey: 'notifications.casesDueSoon', link: '/complaints', createdAt: at(1) },
    ],
  });
  const shopBRow = await db.retailer.findUniqueOrThrow({ where: { id: shopB } });
  await db.changeRequest.create({
    data: {
      retailerId: shopB,
      requestedByLoginId: (await db.retailerLogin.findFirstOrThrow({ where: { retailerId: shopB } })).id,
      changes: { phone: '13905719999' },
      previous: { phone: shopBRow.phone },
      reason: '原手机号已停用',
      createdAt: at(2),
    },
  });
  await db.visit.createMany({
    data: [
      { retailerId: shopA, staffId: staff.am01!, visitedAt: at(14), purpose: '月度走访', note: '陈列规范，建议增加利群系列排面。' },
      { retailerId: shopA, staffId: staff.am01!, plannedFor: day(chinaDate(at(-5))), purpose: '新品推介' },
      { retailerId: shopB, staffId: staff.am02!, visitedAt: at(30), purpose: '季度走访', note: '订货终端网络不稳定，已报修。' },
    ],
  });
  await db.integrityRecord.createMany({
    data: [
      { retailerId: shopA, level: 'A', effectiveFrom: day('2024-01-01'), source: '专卖许可系统导入' },
      { retailerId: shopA, level: 'AA', effectiveFrom: day('2025-07-01'), source: '专卖许可系统导入', note: '年度考核升级' },
      { retailerId: shopB, level: 'A', effectiveFrom: day('2023-01-01'), source: '专卖许可系统导入' },
    ],
  });
}

/**
 * Anomaly alerts come from the rules themselves: shop A stocks up in the last closed cycle (an extra order
 * of more than twice its usual volume), then the cycle-close run goes over the last four closed cycles as
 * the hourly job would have.
 */
async function seedAlerts({ db, shopA, today, now }: SeedContext) {
  const closed = await db.orderCycle.findMany({ where: { weekEnd: { lt: day(today) } }, orderBy: { weekStart: 'desc' }, take: 4 });
  const last = closed[0];
  if (!last) return;
  await db.$executeRawUnsafe(`
    WITH usual AS (
      SELECT greatest(20, ceil(avg(o."totalQuantity") * 2.2))::int AS quantity FROM "Order" o JOIN "OrderCycle" c ON c.id = o."cycleId"
      WHERE o."retailerId" = ${shopA} AND c."weekStart" < DATE '${last.weekStart.toISOString().slice(0, 10)}' AND c."weekStart" >= DATE '${last.weekStart.toISOString().slice(0, 10)}' - 21),
    product AS (SELECT l."productId", l."unitPriceFen" FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o."retailerId" = ${shopA} ORDER BY l.quantity DESC, l.id LIMIT 1),
    spike AS (
      INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, status, "totalQuantity", "totalAmountFen", "externalRef")
      SELECT ${shopA}, ${last.id}, DATE '${last.weekStart.toISOString().slice(0, 10)}' + (r."orderWeekday" - 1), 'VISIT', 'CONFIRMED', usual.quantity, usual.quantity * product."unitPriceFen", 'DEMO-SPIKE-A'
      FROM "Retailer" r, usual, product WHERE r.id = ${shopA}
      RETURNING id, "totalQuantity")
    INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen")
    SELECT spike.id, product."productId", spike."totalQuantity", product."unitPriceFen", spike."totalQuantity" * product."unitPriceFen" FROM spike, product`);
  for (const cycle of [...closed].reverse()) await runCycleAnomalies(db, { cycleId: cycle.id }, now);
}

/** The last three closed months' rankings, by the monthly job's own function, so movement shows from the start. */
async function seedRankings({ db, now }: SeedContext) {
  const last = lastClosedMonth(now);
  for (const month of [shiftMonth(last, -2), shiftMonth(last, -1), last]) await computeMonthlyRankings(db, month);
}

/**
 * A year and a month of per-shop product sums (so last month's report compares with the same month a year
 * before), then last month's report and its notices, by the monthly job's own functions.
 */
async function seedBusinessReports({ db, now, staff, shopA, shopB }: SeedContext) {
  const last = lastClosedMonth(now);
  for (let back = 12; back >= 1; back--) await computeMonthlyProductSales(db, shiftMonth(last, -back));
  await runMonthlyReports(db, { month: last }, now);
  // Account managers' commentaries, through the service (audit row and inbox notice included): shop A's on
  // the month before last (last month is left for the account manager to write), shop B's on last month.
  const am = (userId: number) => ({
    db,
    actor: { kind: 'staff' as const, userId, roles: ['ACCOUNT_MANAGER' as const], districtId: null, departmentId: null },
    clock: () => now,
  });
  await saveReportComment(am(staff.am01!), {
    retailerId: shopA,
    month: shiftMonth(last, -1),
    body: '本月订货节奏稳定，每个订货日都按时下单。一类烟占比比上月略有下降，建议关注利群、中华等高档规格的陈列与推荐。',
    version: 0,
  });
  await saveReportComment(am(staff.am02!), {
    retailerId: shopB,
    month: last,
    body: '本月订货量比上月有所回落，品规数偏少。建议参考同类客户常订的规格，适当增加品规，提高订货的连续性。',
    version: 0,
  });
}

/**
 * The last twelve closed months of the product summary, by the monthly job's own function (quarters and growth
 * show, and the executive dashboard's sales trend covers its whole year).
 */
async function seedProductMonths({ db, now }: SeedContext) {
  const last = lastClosedMonth(now);
  for (let back = 11; back >= 0; back--) await computeProductMonth(db, shiftMonth(last, -back));
}

/** The executive dashboard's summaries (SLA, anomalies, promotion reach), by the nightly job's own function. */
async function seedExecutiveSummaries({ db, now }: SeedContext) {
  await computeExecutiveSummaries(db, now);
}

/** Every closed cycle of the demand summary (需求预测 vs 投放), by the cycle job's own function: a year of history. */
async function seedCycleDemand({ db, now }: SeedContext) {
  await backfillCycleDemand(db, now);
}
