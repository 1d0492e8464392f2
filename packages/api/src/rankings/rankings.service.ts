import { Prisma, type Db } from '@tobacco/db/client';
import type { StaffDeps } from '../deps';
import { retailerScope } from '../retailers/retailers.scope';
import { lastClosedMonth, monthRange, movement, shiftMonth, type RankingMetric } from './rankings.rules';
import { RANKING_PAGE_SIZE, type TListRankingsInput, ZListRankingsInput } from './rankings.schema';
import { SUMMARY_TRANSACTION } from '../jobs/jobs.service';

// Monthly rankings (seed 000: 销售情况排名、评价排名、进货频率排名、违规次数): each shop among the shops of its
// district and grade band. A job writes a month's ranks in one statement; the screen pages through them.
//
// 评价 is the company's evaluation of the shop, the score of the grade in force, not the shop's own survey
// answers: those are anonymous below the group threshold (domain.md), and a per-shop ranking would reveal them.
// 违规 counts the month's anomaly alerts that staff confirmed.

export const RANKINGS_QUEUE = 'rankings.compute';

/**
 * Computes (or recomputes) one month's ranks, set-based: one DELETE and one INSERT … SELECT with window
 * functions, in one transaction, so a rerun gives the same rows and a reader never sees half a month.
 */
export async function computeMonthlyRankings(db: Db, month: string): Promise<number> {
  const { from, to } = monthRange(month);
  return db.$transaction(async (tx) => {
    await tx.retailerMonthRank.deleteMany({ where: { month: from } });
    return tx.$executeRaw`
      WITH sales AS (
        SELECT o."retailerId", SUM(o."totalAmountFen") AS amount, SUM(o."totalQuantity") AS quantity, COUNT(*) AS orders
        FROM "Order" o
        WHERE o.status = 'CONFIRMED' AND o."orderDate" >= ${from} AND o."orderDate" < ${to}
        GROUP BY o."retailerId"
      ), score AS (
        SELECT DISTINCT ON (g."retailerId") g."retailerId", CASE WHEN g.initial THEN NULL ELSE g.score END AS score
        FROM "RetailerGrade" g JOIN "GradePeriod" p ON p.id = g."periodId"
        WHERE p.status = 'PUBLISHED' AND p."effectiveFrom" < ${to}
        ORDER BY g."retailerId", p."effectiveFrom" DESC
      ), violations AS (
        SELECT a."retailerId", COUNT(*) AS n
        FROM "Alert" a JOIN "OrderCycle" c ON c.id = a."cycleId"
        WHERE a.state = 'CONFIRMED' AND c."weekStart" >= ${from} AND c."weekStart" < ${to}
        GROUP BY a."retailerId"
      ), shop AS (
        SELECT r.id, r."districtId", COALESCE(CEIL(r.grade / 10.0), 0)::smallint AS band,
               COALESCE(s.amount, 0) AS amount, COALESCE(s.quantity, 0) AS quantity, COALESCE(s.orders, 0) AS orders,
               sc.score, COALESCE(v.n, 0) AS violations
        FROM "Retailer" r
        LEFT JOIN sales s ON s."retailerId" = r.id
        LEFT JOIN score sc ON sc."retailerId" = r.id
        LEFT JOIN violations v ON v."retailerId" = r.id
        WHERE r.status <> 'CANCELLED'
      )
      INSERT INTO "RetailerMonthRank" ("month", "retailerId", "districtId", "gradeBand", "groupSize", "amountFen",
        "quantityTiao", "orderCount", "gradeScore", "violations", "salesRank", "frequencyRank", "scoreRank", "violationsRank")
      SELECT ${from}::date, id, "districtId", band, COUNT(*) OVER grp, amount, quantity, orders, score, violations,
             RANK() OVER (grp ORDER BY amount DESC),
             RANK() OVER (grp ORDER BY orders DESC),
             CASE WHEN score IS NULL THEN NULL
                  ELSE RANK() OVER (PARTITION BY "districtId", band, score IS NULL ORDER BY score DESC) END,
             RANK() OVER (grp ORDER BY violations ASC)
      FROM shop
      WINDOW grp AS (PARTITION BY "districtId", band)`;
  }, SUMMARY_TRANSACTION);
}

/** The monthly job: last month's ranks, once the month is over. */
export async function runMonthlyRankings(db: Db, payload: { month?: string }, now: Date): Promise<void> {
  await computeMonthlyRankings(db, payload.month ?? lastClosedMonth(now));
}

const RANK_COLUMN = {
  sales: 'salesRank',
  frequency: 'frequencyRank',
  score: 'scoreRank',
  violations: 'violationsRank',
} as const satisfies Record<RankingMetric, string>;

/**
 * The months that have ranks, newest first: a loose index scan (one primary-key probe per month), where a
 * DISTINCT would read every shop's row of every month.
 */
async function rankedMonths(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ month: Date }[]>`
    WITH RECURSIVE m AS (
      SELECT MAX("month") AS month FROM "RetailerMonthRank"
      UNION ALL
      SELECT (SELECT MAX("month") FROM "RetailerMonthRank" r WHERE r."month" < m.month) FROM m WHERE m.month IS NOT NULL
    )
    SELECT month FROM m WHERE month IS NOT NULL LIMIT 24`;
  return rows.map((r) => r.month.toISOString().slice(0, 7));
}

/** The month picker's months and the districts. */
export async function rankingFilterOptions({ db }: StaffDeps) {
  const [months, districts] = await Promise.all([
    rankedMonths(db),
    db.district.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
  ]);
  return { months, districts };
}

/**
 * One page of a month's ranking in the caller's scope (an account manager: their own shops), by district,
 * grade band and rank, with each shop's movement since the month before.
 */
export async function listRankings({ db, actor }: StaffDeps, rawInput: TListRankingsInput, pageSize = RANKING_PAGE_SIZE) {
  const input = ZListRankingsInput.parse(rawInput);
  const month = input.month ?? (await rankedMonths(db))[0];
  if (!month) return { month: null, metric: input.metric, items: [], total: 0, page: 1, pages: 1 };
  const column = RANK_COLUMN[input.metric];
  const where: Prisma.RetailerMonthRankWhereInput = {
    month: monthRange(month).from,
    ...(input.districtId !== undefined ? { districtId: input.districtId } : {}),
    ...(input.gradeBand !== undefined ? { gradeBand: input.gradeBand } : {}),
    retailer: input.q
      ? { AND: [retailerScope(actor), { OR: [{ licenceNo: { startsWith: input.q } }, { shopName: { contains: input.q } }] }] }
      : retailerScope(actor),
  };
  const [total, rows] = await Promise.all([
    db.retailerMonthRank.count({ where }),
    db.retailerMonthRank.findMany({
      where,
      orderBy: [
        { districtId: 'asc' },
        { gradeBand: 'desc' }, // Only the score rank can be empty (a shop without a scored grade): it goes last.
        column === 'scoreRank' ? { scoreRank: { sort: 'asc', nulls: 'last' } } : { [column]: 'asc' },
        { retailerId: 'asc' },
      ],
      skip: (input.page - 1) * pageSize,
      take: pageSize,
      include: {
        retailer: { select: { licenceNo: true, shopName: true, grade: true, district: { select: { name: true, nameEn: true } } } },
      },
    }),
  ]);
  const previous = await db.retailerMonthRank.findMany({
    where: { month: monthRange(shiftMonth(month, -1)).from, retailerId: { in: rows.map((r) => r.retailerId) } },
  });
  const before = new Map(previous.map((p) => [p.retailerId, p]));
  const items = rows.map((r) => {
    const last = before.get(r.retailerId);
    // A shop that changed district or band since was ranked in another group: no movement to show.
    const sameGroup = last && last.districtId === r.districtId && last.gradeBand === r.gradeBand;
    return {
      retailerId: r.retailerId,
      licenceNo: r.retailer.licenceNo,
      shopName: r.retailer.shopName,
      grade: r.retailer.grade,
      district: r.retailer.district,
      gradeBand: r.gradeBand,
      groupSize: r.groupSize,
      amountFen: Number(r.amountFen),
      quantityTiao: r.quantityTiao,
      orderCount: r.orderCount,
      gradeScore: r.gradeScore === null ? null : Number(r.gradeScore),
      violations: r.violations,
      rank: r[column],
      movement: sameGroup ? movement(last[column], r[column]) : null,
    };
  });
  return { month, metric: input.metric, items, total, page: input.page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Every row of a month's ranking in the caller's scope, in batches, for the export. */
export async function* rankingBatches(deps: StaffDeps, input: TListRankingsInput) {
  for (let page = 1; ; page++) {
    const result = await listRankings(deps, { ...input, page }, 1000);
    if (result.items.length) yield result.items;
    if (page >= result.pages) return;
  }
}
