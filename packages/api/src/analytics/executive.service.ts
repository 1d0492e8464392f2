import { Prisma, type Db } from '@tobacco/db/client';
import type { StaffDeps } from '../deps';
import { ALERT_RULES, type AlertRuleName } from '../alerts/alerts.rules';
import { monthRange, shiftMonth } from '../rankings/rankings.rules';
import { chinaDate, chinaDateTime } from '../schedule/calendar.rules';
import { queryIndexGroups, visibilityOf } from '../surveys/surveys.analytics';
import { growthOver, ratio, sameMonthLastYear, surveyFigureHidden, trailingMonths, DASHBOARD_MONTHS } from './executive.rules';
import { ZExecutiveDashboardInput, type TExecutiveDashboardInput } from './executive.schema';
import { SUMMARY_TRANSACTION } from '../jobs/jobs.service';

// The executive dashboard (领导驾驶舱): six trends over the last twelve months, each read from a summary
// that a job keeps current, never from the order lines, complaints, alerts or deliveries per request:
// - sales: the monthly product summary `ProductMonthSales` (products.monthly job);
// - satisfaction: the running totals `SurveyIndexCell`/`SurveyRespondentCell` through the survey analytics'
//   own query and anonymity rule;
// - grades: `GradeRunCell`, the per-district × grade counts every grading run writes;
// - SLA compliance, anomalies and promotion reach: the three small tables below, rewritten by the daily
//   `analytics.executive` job. A grouped query per request would have to read every closed case of the
//   year and join each to its shop for the district (100,000 cases at province scale), and every delivery
//   of the year's promotions (millions of rows); the job does that once a night instead.
// The figures are company-wide aggregates with no shop in them; the permission (`dashboard.read`: managers
// and executives) is the only scope, as for product analysis. Account managers, whose view is limited to their
// own shops, do not hold it.

export const EXECUTIVE_SUMMARY_QUEUE = 'analytics.executive';

/** The China instant a month starts. */
function monthStart(month: string): Date {
  return chinaDateTime(`${month}-01`, '00:00');
}

const toMonth = (d: Date) => d.toISOString().slice(0, 7);

/**
 * Rewrites the dashboard's three summaries from the twelve months it shows (the current one to date), each table with one DELETE and one INSERT … SELECT, all in one transaction, so a rerun gives the same
 * rows and a reader never sees half of them. Months before the window keep the figures they were given.
 *
 * - ComplaintSlaMonth: cases in state CLOSED by the China month they were closed in and the shop's district;
 *   in time = resolved no later than the resolve deadline (which already moved by any time spent waiting for
 *   the retailer). A case closed without a resolution time counts as not in time.
 * - AlertMonthCount: alerts by the China month of the order cycle they were raised for (a re-run of a past
 *   cycle lands in that cycle's month), district and rule.
 * - PromotionReachDistrict: per promotion that ended in the window or is still running, the shops it was
 *   delivered to and those that opened it, per district.
 */
export async function computeExecutiveSummaries(db: Db, now: Date): Promise<void> {
  const fromMonth = shiftMonth(chinaDate(now).slice(0, 7), -(DASHBOARD_MONTHS - 1));
  const from = monthRange(fromMonth).from;
  const fromInstant = monthStart(fromMonth);
  await db.$transaction(async (tx) => {
    await tx.complaintSlaMonth.deleteMany({ where: { month: { gte: from } } });
    await tx.$executeRaw`
      INSERT INTO "ComplaintSlaMonth" ("month", "districtId", "closed", "closedInTime", "computedAt")
      SELECT date_trunc('month', (c."closedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date, r."districtId",
             count(*)::int, (count(*) FILTER (WHERE c."resolvedAt" <= c."resolveDueAt"))::int, ${now}
      FROM "Complaint" c JOIN "Retailer" r ON r.id = c."retailerId"
      WHERE c.state = 'CLOSED' AND c."closedAt" >= ${fromInstant}
      GROUP BY 1, 2`;
    await tx.alertMonthCount.deleteMany({ where: { month: { gte: from } } });
    await tx.$executeRaw`
      INSERT INTO "AlertMonthCount" ("month", "districtId", "rule", "raised", "computedAt")
      SELECT date_trunc('month', oc."weekStart")::date, r."districtId", a.rule, count(*)::int, ${now}
      FROM "Alert" a JOIN "OrderCycle" oc ON oc.id = a."cycleId" JOIN "Retailer" r ON r.id = a."retailerId"
      WHERE oc."weekStart" >= ${from}
      GROUP BY 1, 2, 3`;
    await tx.promotionReachDistrict.deleteMany({});
    await tx.$executeRaw`
      INSERT INTO "PromotionReachDistrict" ("promotionId", "districtId", "delivered", "opened", "computedAt")
      SELECT d."promotionId", r."districtId", count(*)::int, count(d."openedAt")::int, ${now}
      FROM "PromotionDelivery" d JOIN "Promotion" p ON p.id = d."promotionId" JOIN "Retailer" r ON r.id = d."retailerId"
      WHERE p."endsAt" >= ${fromInstant}
      GROUP BY 1, 2`;
  }, SUMMARY_TRANSACTION);
}

/** The daily job. */
export async function runExecutiveSummaries(db: Db, _payload: unknown, now: Date): Promise<void> {
  await computeExecutiveSummaries(db, now);
}

const maxDate = (dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

const districtSql = (districtId: number | undefined, column: Prisma.Sql) =>
  districtId === undefined ? Prisma.sql`TRUE` : Prisma.sql`${column} = ${districtId}`;

/** Sales in 条 and fen per month, with the same month a year before (both from the product summary). */
async function salesSeries(db: Db, months: string[], districtId: number | undefined) {
  const all = [...months.map(sameMonthLastYear), ...months];
  const dates = all.map((m) => monthRange(m).from);
  const [sums, computed] = await Promise.all([
    db.$queryRaw<{ month: Date; quantity: bigint; amount: bigint; computedAt: Date }[]>`
      SELECT s."month", sum(s."quantityTiao")::bigint AS quantity, sum(s."amountFen")::bigint AS amount, max(s."computedAt") AS "computedAt"
      FROM "ProductMonthSales" s
      WHERE s."month" = ANY(${dates}::date[]) AND ${districtSql(districtId, Prisma.sql`s."districtId"`)}
      GROUP BY s."month"`,
    // Which months the job has computed at all: a month computed with no sales in the district is a 0, a
    // month never computed is unknown, and the screen tells the two apart.
    db.$queryRaw<{ month: Date }[]>`
      SELECT m AS month FROM unnest(${dates}::date[]) AS m
      WHERE EXISTS (SELECT 1 FROM "ProductMonthSales" s WHERE s."month" = m)`,
  ]);
  const held = new Set(computed.map((r) => toMonth(r.month)));
  const byMonth = new Map(sums.map((r) => [toMonth(r.month), r]));
  const figure = (m: string) => {
    if (!held.has(m)) return null;
    const row = byMonth.get(m);
    return { quantityTiao: Number(row?.quantity ?? 0n), amountFen: Number(row?.amount ?? 0n) };
  };
  const points = months.map((month) => {
    const now = figure(month);
    const before = figure(sameMonthLastYear(month));
    return {
      month,
      computed: now !== null,
      quantityTiao: now?.quantityTiao ?? null,
      amountFen: now?.amountFen ?? null,
      lastYearAmountFen: before?.amountFen ?? null,
      growth: now ? growthOver(now.amountFen, before?.amountFen) : null,
    };
  });
  return {
    computedAt: maxDate(sums.map((r) => r.computedAt)),
    hasData: points.some((p) => (p.quantityTiao ?? 0) > 0),
    points,
  };
}

const SURVEYS_SHOWN = 8;

/**
 * The index of each of the latest surveys, for the district chosen, with the survey analytics'
 * own query; a figure the anonymity rule hides is replaced by its respondent count and `hidden`.
 */
async function satisfactionSeries(deps: StaffDeps, now: Date, districtId: number | undefined) {
  const { db, actor } = deps;
  const [surveys, visibility] = await Promise.all([
    // The latest surveys rather than those of the twelve months: an annual survey gives one point a year.
    db.survey.findMany({
      where: { state: { in: ['OPEN', 'CLOSED'] }, opensAt: { lte: now } },
      orderBy: [{ opensAt: 'desc' }, { id: 'desc' }],
      take: SURVEYS_SHOWN,
      select: { id: true, title: true, state: true, opensAt: true },
    }),
    visibilityOf(db, actor),
  ]);
  surveys.reverse();
  const ids = surveys.map((s) => s.id);
  const filtered = districtId !== undefined;
  const [groups, totals] = ids.length
    ? await Promise.all([
        queryIndexGroups(db, ids, 'survey', { districtId }),
        filtered && !visibility.named ? queryIndexGroups(db, ids, 'survey', {}) : Promise.resolve(null),
      ])
    : [[], null];
  const byId = new Map(groups.map((g) => [Number(g.key), g]));
  const totalOf = new Map((totals ?? groups).map((g) => [Number(g.key), g.respondents]));
  const points = surveys.map((s) => {
    const g = byId.get(s.id);
    const respondents = g?.respondents ?? 0;
    const hidden = surveyFigureHidden(respondents, totalOf.get(s.id) ?? 0, visibility.threshold, filtered, visibility.named);
    return {
      surveyId: s.id,
      title: s.title,
      state: s.state,
      opensAt: s.opensAt,
      respondents,
      hidden,
      index: hidden ? null : (g?.index ?? null),
    };
  });
  return {
    threshold: visibility.threshold,
    hasData: points.some((p) => p.respondents > 0),
    hiddenCount: points.filter((p) => p.hidden).length,
    points,
  };
}

/** Closed cases and those closed in time, per month. */
async function slaSeries(db: Db, months: string[], districtId: number | undefined) {
  const rows = await db.$queryRaw<{ month: Date; closed: bigint; inTime: bigint; computedAt: Date }[]>`
    SELECT s."month", sum(s.closed)::bigint AS closed, sum(s."closedInTime")::bigint AS "inTime", max(s."computedAt") AS "computedAt"
    FROM "ComplaintSlaMonth" s
    WHERE s."month" = ANY(${months.map((m) => monthRange(m).from)}::date[]) AND ${districtSql(districtId, Prisma.sql`s."districtId"`)}
    GROUP BY s."month"`;
  const byMonth = new Map(rows.map((r) => [toMonth(r.month), r]));
  const points = months.map((month) => {
    const r = byMonth.get(month);
    const closed = Number(r?.closed ?? 0n);
    const inTime = Number(r?.inTime ?? 0n);
    return { month, closed, inTime, rate: ratio(inTime, closed) };
  });
  const closed = points.reduce((s, p) => s + p.closed, 0);
  const inTime = points.reduce((s, p) => s + p.inTime, 0);
  return {
    computedAt: await summaryComputedAt(db, 'ComplaintSlaMonth', rows),
    hasData: closed > 0,
    closed,
    inTime,
    rate: ratio(inTime, closed),
    points,
  };
}

/**
 * When the job last wrote a summary, even where the district had nothing (its rows then say nothing): the
 * newest row of the table, by the primary key's order.
 */
async function summaryComputedAt(
  db: Db,
  table: 'ComplaintSlaMonth' | 'AlertMonthCount' | 'PromotionReachDistrict',
  rows: { computedAt: Date }[],
) {
  const own = maxDate(rows.map((r) => r.computedAt));
  if (own) return own;
  const [row] = await db.$queryRaw<
    { computedAt: Date | null }[]
  >`SELECT max("computedAt") AS "computedAt" FROM ${Prisma.raw(`"${table}"`)}`;
  return row?.computedAt ?? null;
}

/**
 * Shops per grade under the grades in force and under the period before: the published runs' cells, with the
 * grades approved appeals changed since.
 */
async function gradeSeries(db: Db, today: Date, districtId: number | undefined) {
  const periods = await db.gradePeriod.findMany({
    where: { status: 'PUBLISHED', effectiveFrom: { lte: today } },
    orderBy: { effectiveFrom: 'desc' },
    take: 2,
    select: {
      id: true,
      code: true,
      effectiveFrom: true,
      runs: { where: { state: 'PUBLISHED' }, select: { id: true, decidedAt: true }, take: 1 },
    },
  });
  const [current, previous] = periods;
  const runIds = periods.flatMap((p) => p.runs.map((r) => r.id));
  const cells = runIds.length
    ? await db.$queryRaw<{ runId: number; grade: number; shops: bigint }[]>`
        SELECT c."runId", c.grade, sum(c.retailers)::bigint AS shops
        FROM "GradeRunCell" c
        WHERE c."runId" = ANY(${runIds}::int[]) AND ${districtSql(districtId, Prisma.sql`c."districtId"`)}
        GROUP BY 1, 2`
    : [];
  // Grades an approved appeal changed after the run: each shop moves from the grade the run gave it (the first
  // approved appeal's starting grade) to the grade it has now. Few rows: approved appeals of two periods.
  const periodIds = periods.map((p) => p.id);
  const moves = periodIds.length
    ? await db.$queryRaw<{ periodId: number; fromGrade: number; toGrade: number; shops: bigint }[]>`
        SELECT m."periodId", m."fromGrade", m."toGrade", count(*)::bigint AS shops
        FROM (
          SELECT a."periodId", (array_agg(a."currentGrade" ORDER BY a."decidedAt"))[1] AS "fromGrade", g.grade AS "toGrade"
          FROM "GradeAppeal" a
          JOIN "RetailerGrade" g ON g."retailerId" = a."retailerId" AND g."periodId" = a."periodId"
          JOIN "Retailer" r ON r.id = a."retailerId"
          WHERE a.state = 'APPROVED' AND a."periodId" = ANY(${periodIds}::int[]) AND ${districtSql(districtId, Prisma.sql`r."districtId"`)}
          GROUP BY a."periodId", a."retailerId", g.grade
        ) m
        WHERE m."fromGrade" <> m."toGrade"
        GROUP BY 1, 2, 3`
    : [];
  const counts = new Map<string, number>();
  const add = (runId: number, grade: number, n: number) => counts.set(`${runId} ${grade}`, (counts.get(`${runId} ${grade}`) ?? 0) + n);
  for (const c of cells) add(c.runId, c.grade, Number(c.shops));
  const runOfPeriod = new Map(periods.flatMap((p) => (p.runs[0] ? [[p.id, p.runs[0].id] as const] : [])));
  const appealChanges = new Map<number, number>();
  for (const m of moves) {
    const runId = runOfPeriod.get(m.periodId);
    if (runId === undefined) continue;
    add(runId, m.fromGrade, -Number(m.shops));
    add(runId, m.toGrade, Number(m.shops));
    appealChanges.set(m.periodId, (appealChanges.get(m.periodId) ?? 0) + Number(m.shops));
  }
  const countOf = (runId: number | undefined, grade: number) => (runId === undefined ? 0 : (counts.get(`${runId} ${grade}`) ?? 0));
  const currentRun = current?.runs[0]?.id;
  const previousRun = previous?.runs[0]?.id;
  const grades = [...new Set([...cells.map((c) => c.grade), ...moves.map((m) => m.toGrade)])].sort((a, b) => a - b);
  const rows = grades.map((grade) => ({
    grade,
    now: countOf(currentRun, grade),
    previous: previousRun === undefined ? null : countOf(previousRun, grade),
  }));
  const describe = (p: (typeof periods)[number] | undefined) =>
    p
      ? {
          code: p.code,
          effectiveFrom: p.effectiveFrom,
          runId: p.runs[0]?.id ?? null,
          publishedAt: p.runs[0]?.decidedAt ?? null,
          appealChanges: appealChanges.get(p.id) ?? 0,
        }
      : null;
  return {
    current: describe(current),
    previous: describe(previous),
    totalNow: rows.reduce((s, r) => s + r.now, 0),
    totalPrevious: previousRun === undefined ? null : rows.reduce((s, r) => s + (r.previous ?? 0), 0),
    hasData: rows.some((r) => r.now > 0),
    rows,
  };
}

/** Per promotion of the window that has gone live: the shops it reached and those that opened it. */
async function promotionSeries(db: Db, fromInstant: Date, now: Date, districtId: number | undefined) {
  const rows = await db.$queryRaw<
    { id: number; title: string; state: string; startsAt: Date; endsAt: Date; delivered: bigint; opened: bigint; computedAt: Date | null }[]
  >`
    SELECT p.id, p.title, p.state::text AS state, p."startsAt", p."endsAt",
           coalesce(sum(r.delivered), 0)::bigint AS delivered, coalesce(sum(r.opened), 0)::bigint AS opened, max(r."computedAt") AS "computedAt"
    FROM "Promotion" p
    LEFT JOIN "PromotionReachDistrict" r ON r."promotionId" = p.id AND ${districtSql(districtId, Prisma.sql`r."districtId"`)}
    WHERE p.state IN ('LIVE', 'ENDED', 'WITHDRAWN') AND p."endsAt" >= ${fromInstant} AND p."startsAt" <= ${now}
    GROUP BY p.id
    ORDER BY p."startsAt", p.id
    LIMIT 24`;
  const points = rows.map((r) => {
    const delivered = Number(r.delivered);
    const opened = Number(r.opened);
    return { promotionId: r.id, title: r.title, state: r.state, startsAt: r.startsAt, delivered, opened, rate: ratio(opened, delivered) };
  });
  return {
    computedAt: await summaryComputedAt(db, 'PromotionReachDistrict', rows.filter((r) => r.computedAt) as { computedAt: Date }[]),
    hasData: points.some((p) => p.delivered > 0),
    points,
  };
}

/** Alerts raised per month and rule. */
async function anomalySeries(db: Db, months: string[], districtId: number | undefined) {
  const rows = await db.$queryRaw<{ month: Date; rule: AlertRuleName; raised: bigint; computedAt: Date }[]>`
    SELECT s."month", s.rule, sum(s.raised)::bigint AS raised, max(s."computedAt") AS "computedAt"
    FROM "AlertMonthCount" s
    WHERE s."month" = ANY(${months.map((m) => monthRange(m).from)}::date[]) AND ${districtSql(districtId, Prisma.sql`s."districtId"`)}
    GROUP BY s."month", s.rule`;
  const points = months.map((month) => {
    const byRule = Object.fromEntries(
      ALERT_RULES.map((rule) => [rule, Number(rows.find((r) => toMonth(r.month) === month && r.rule === rule)?.raised ?? 0n)]),
    ) as Record<AlertRuleName, number>;
    return { month, byRule, total: Object.values(byRule).reduce((s, n) => s + n, 0) };
  });
  return {
    computedAt: await summaryComputedAt(db, 'AlertMonthCount', rows),
    hasData: points.some((p) => p.total > 0),
    points,
  };
}

/**
 * The dashboard: the twelve months ending with the current one (to date), for the company or one district.
 * The current month is in the window so that a case closed or an alert raised this week shows at once; the
 * product summary is written once a month is over, so the sales card shows the current month as not computed. A district with fewer shops than the survey
 * anonymity threshold is flagged: its figures describe a handful of shops, and the screen says so.
 */
export async function getExecutiveDashboard(deps: StaffDeps, rawInput: TExecutiveDashboardInput) {
  const input = ZExecutiveDashboardInput.parse(rawInput);
  const { db, clock } = deps;
  const now = clock();
  const currentMonth = chinaDate(now).slice(0, 7);
  const months = trailingMonths(currentMonth);
  const fromInstant = monthStart(months[0]!);
  const today = new Date(`${chinaDate(now)}T00:00:00Z`);
  const districtId = input.districtId;
  const [districts, shops, sales, satisfaction, sla, grades, promotions, anomalies] = await Promise.all([
    db.district.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
    districtId === undefined ? Promise.resolve(null) : db.retailer.count({ where: { districtId, status: 'ACTIVE' } }),
    salesSeries(db, months, districtId),
    satisfactionSeries(deps, now, districtId),
    slaSeries(db, months, districtId),
    gradeSeries(db, today, districtId),
    promotionSeries(db, fromInstant, now, districtId),
    anomalySeries(db, months, districtId),
  ]);
  const district = districtId === undefined ? null : (districts.find((d) => d.id === districtId) ?? null);
  return {
    months,
    currentMonth,
    districts,
    district: district ? { ...district, shops: shops ?? 0, fewShops: (shops ?? 0) < satisfaction.threshold } : null,
    sales,
    satisfaction,
    sla,
    grades,
    promotions,
    anomalies,
  };
}
