import { Prisma, type DbTx } from '@tobacco/db/client';
import type { RetailerDeps } from '../deps';
import { notFound } from '../errors';
import { promotionIsLiveSql, promotionTargetsRetailerSql } from '../promotions/promotions.target-sql';
import { chinaDate } from '../schedule/calendar.rules';
import { scheduledPublishAt, type ScheduleSettings } from '../schedule/schedule.rules';
import { currentAndNextCycle } from '../schedule/schedule.service';
import { limitInForce, remainingAllowance, type HistoryAdjustment } from './allocation.rules';
import { isoWeekCode } from './allocation.versions.rules';
import type { ZLimitHistoryInput, ZMyAllocationInput } from './allocation.schema';
import type { z } from 'zod';

// Reads of supply allocation (domain.md §4) for a retailer. The back office's policy editing lives in
// allocation.staff.service.ts; these are the reads both sides share.

export type PublishedPolicy = {
  id: number;
  cycleId: number;
  version: number;
  publishedAt: Date | null;
  note: string | null;
  /** The limits are the last published policy's, carried forward (沿用上期): by the job, or read here. */
  carriedForward: boolean;
  /** The cycle whose policy was carried forward. */
  carriedFromCycle: string | null;
};

/**
 * The policy in force for a cycle (`cycleId` 0: the cycle has no row yet), in SQL so that the portal's
 * home statement (home.sql.ts) and every service read it the same way: the highest published version of
 * the cycle whose publish time has come; failing that, once the cycle's scheduled publish time has
 * passed (`carryForward`), the last policy published for an earlier cycle, marked as carried forward.
 * So a retailer never sees an empty limit because nobody published in time, even before the
 * carry-forward job (allocation.carry-forward.ts) has written its version.
 */
export function policyInForceSql(args: { cycleId: number; weekStart: string; carryForward: boolean; now: Date }): Prisma.Sql {
  const { cycleId, weekStart, carryForward, now } = args;
  return Prisma.sql`
    SELECT p.id, p."cycleId", p.version, p."publishedAt", p.note,
      (p."cycleId" <> ${cycleId} OR p."carriedFromId" IS NOT NULL) AS "carriedForward",
      CASE WHEN p."cycleId" <> ${cycleId} THEN c.code
        WHEN p."carriedFromId" IS NOT NULL THEN (SELECT sc.code FROM "AllocationPolicy" sp JOIN "OrderCycle" sc ON sc.id = sp."cycleId" WHERE sp.id = p."carriedFromId")
      END AS "carriedFromCycle"
    FROM "AllocationPolicy" p JOIN "OrderCycle" c ON c.id = p."cycleId"
    WHERE p.state = 'PUBLISHED' AND (p."publishedAt" IS NULL OR p."publishedAt" <= ${now})
      AND (p."cycleId" = ${cycleId} OR (${carryForward} AND c."weekStart" < ${weekStart}::date))
    ORDER BY (p."cycleId" = ${cycleId}) DESC, c."weekStart" DESC, p.version DESC
    LIMIT 1`;
}

/** Whether a cycle's policy is due (its scheduled publish time has come), so that carrying forward applies. */
export function policyDue(
  weekStart: string,
  now: Date,
  settings: Pick<ScheduleSettings, 'policyPublishWeekday' | 'policyPublishTime'>,
): boolean {
  return scheduledPublishAt(weekStart, settings.policyPublishWeekday, settings.policyPublishTime) <= now;
}

export async function getPublishedPolicy(
  db: DbTx,
  cycle: { id: number | null; weekStart: string },
  now: Date,
  settings: Pick<ScheduleSettings, 'policyPublishWeekday' | 'policyPublishTime'>,
): Promise<PublishedPolicy | null> {
  const rows = await db.$queryRaw<PublishedPolicy[]>(
    policyInForceSql({ cycleId: cycle.id ?? 0, weekStart: cycle.weekStart, carryForward: policyDue(cycle.weekStart, now, settings), now }),
  );
  return rows[0] ?? null;
}

export type RetailerLimitFilters = { q?: string; brand?: string; productClass?: number; page: number; pageSize: number };

type LimitRow = {
  productId: number;
  code: string;
  brand: string;
  name: string;
  productClass: number;
  scarce: boolean;
  wholesalePriceFen: number;
  gradeFrom: number;
  gradeTo: number;
  limitQuantity: number;
  adjustment: number;
  adjustments: { delta: number; reason: string; createdAt: string }[] | null;
  ordered: number;
  promoted: boolean;
  total: number;
};

/**
 * The limited products a retailer of `grade` gets under a policy, with their adjustments, what they
 * ordered in the cycle and whether a live promotion for them covers the product: one query, one row per
 * product. Products without a band for the grade are unlimited and not listed.
 */
export async function getRetailerLimits(
  db: DbTx,
  args: { retailerId: number; grade: number; cycleId: number; policyId: number; now: Date; filters: RetailerLimitFilters },
) {
  const { retailerId, grade, cycleId, policyId, now, filters } = args;
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (filters.q)
    conditions.push(Prisma.sql`(p.brand ILIKE ${`%${filters.q}%`} OR p.name ILIKE ${`%${filters.q}%`} OR p.code LIKE ${`${filters.q}%`})`);
  if (filters.brand) conditions.push(Prisma.sql`p.brand = ${filters.brand}`);
  if (filters.productClass) conditions.push(Prisma.sql`p."productClass" = ${filters.productClass}`);
  const rows = await db.$queryRaw<LimitRow[]>`
    WITH adj AS (
      SELECT "productId", sum(delta)::int AS delta,
        json_agg(json_build_object('delta', delta, 'reason', reason, 'createdAt', "createdAt") ORDER BY "createdAt") AS items
      FROM "AllocationAdjustment" WHERE "retailerId" = ${retailerId} AND "cycleId" = ${cycleId} GROUP BY "productId"
    ), ord AS (
      SELECT l."productId", sum(l.quantity)::int AS qty
      FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id
      WHERE o."retailerId" = ${retailerId} AND o."cycleId" = ${cycleId} AND o.status = 'CONFIRMED'
      GROUP BY l."productId"
    ), promoted AS (
      SELECT DISTINCT pp."productId"
      FROM "Promotion" pr JOIN "PromotionProduct" pp ON pp."promotionId" = pr.id JOIN "Retailer" r ON r.id = ${retailerId}
      WHERE ${promotionIsLiveSql('pr', now)} AND ${promotionTargetsRetailerSql('pr', 'r')}
    )
    SELECT p.id AS "productId", p.code, p.brand, p.name, p."productClass", p.scarce, p."wholesalePriceFen",
      lim."gradeFrom", lim."gradeTo", lim."limitQuantity",
      coalesce(adj.delta, 0) AS adjustment, adj.items AS adjustments, coalesce(ord.qty, 0) AS ordered,
      (promoted."productId" IS NOT NULL) AS promoted, (count(*) OVER ())::int AS total
    FROM "AllocationLimit" lim
    JOIN "Product" p ON p.id = lim."productId"
    LEFT JOIN adj ON adj."productId" = p.id
    LEFT JOIN ord ON ord."productId" = p.id
    LEFT JOIN promoted ON promoted."productId" = p.id
    WHERE lim."policyId" = ${policyId} AND ${grade} BETWEEN lim."gradeFrom" AND lim."gradeTo" AND ${Prisma.join(conditions, ' AND ')}
    ORDER BY p.scarce DESC, p."productClass", p.brand, p.name
    LIMIT ${filters.pageSize} OFFSET ${(filters.page - 1) * filters.pageSize}`;
  const total = rows[0]?.total ?? 0;
  return {
    total,
    items: rows.map(({ total: _total, adjustments, ...row }) => ({
      ...row,
      adjustments: adjustments ?? [],
      allowance: remainingAllowance({ limit: row.limitQuantity, adjustment: row.adjustment, ordered: row.ordered }),
    })),
  };
}

/** Filter choices: the brands and classes the policy limits for my grade. */
async function limitFilterOptions(db: DbTx, policyId: number, grade: number) {
  return db.$queryRaw<{ brand: string; productClass: number }[]>`
    SELECT DISTINCT p.brand, p."productClass" FROM "AllocationLimit" lim JOIN "Product" p ON p.id = lim."productId"
    WHERE lim."policyId" = ${policyId} AND ${grade} BETWEEN lim."gradeFrom" AND lim."gradeTo"
    ORDER BY p.brand`;
}

/** The allocation page: my limits in the current or next cycle, and why they are what they are. */
export async function getMyAllocation({ db, actor, clock }: RetailerDeps, input: z.output<typeof ZMyAllocationInput>) {
  const now = clock();
  const retailer = await db.retailer.findUnique({ where: { id: actor.retailerId }, select: { grade: true, orderWeekday: true } });
  if (!retailer) throw notFound();
  const cycles = await currentAndNextCycle(db, retailer.orderWeekday, now);
  const chosen = input.cycle === 'next' ? cycles.next : cycles.current;
  const cycle = await db.orderCycle.findUnique({
    where: { weekStart: new Date(`${chosen.cycleStart}T00:00:00Z`) },
    select: { id: true, code: true },
  });
  const policy = await getPublishedPolicy(db, { id: cycle?.id ?? null, weekStart: chosen.cycleStart }, now, cycles.settings);
  const base = {
    grade: retailer.grade,
    cycle: {
      kind: input.cycle,
      code: cycle?.code ?? isoWeekCode(chosen.cycleStart),
      start: chosen.cycleStart,
      end: chosen.cycleEnd,
      orderDay: chosen.orderDay.actual,
    },
    /** When this cycle's policy is due: the portal says so while it is not published yet. */
    publishAt: scheduledPublishAt(chosen.cycleStart, cycles.settings.policyPublishWeekday, cycles.settings.policyPublishTime),
    page: input.page,
    pageSize: input.pageSize,
  };
  if (!policy || retailer.grade === null) {
    return { ...base, policy, items: [], total: 0, pages: 1, brands: [] as string[], classes: [] as number[] };
  }
  // A cycle without a row has no orders or adjustments yet: id 0 matches none.
  const [limits, options] = await Promise.all([
    getRetailerLimits(db, {
      retailerId: actor.retailerId,
      grade: retailer.grade,
      cycleId: cycle?.id ?? 0,
      policyId: policy.id,
      now,
      filters: input,
    }),
    limitFilterOptions(db, policy.id, retailer.grade),
  ]);
  return {
    ...base,
    policy,
    items: limits.items,
    total: limits.total,
    pages: Math.max(1, Math.ceil(limits.total / input.pageSize)),
    brands: [...new Set(options.map((o) => o.brand))],
    classes: [...new Set(options.map((o) => o.productClass))].sort((a, b) => a - b),
  };
}

type HistoryRow = {
  cycleId: number;
  cycleCode: string;
  weekStart: Date;
  version: number;
  state: 'PUBLISHED' | 'SUPERSEDED';
  publishedAt: Date | null;
  grade: number | null;
  gradeFrom: number | null;
  gradeTo: number | null;
  limitQuantity: number | null;
  inForceUntil: Date | null;
  total: number;
};

/**
 * Every published version of every cycle's policy, newest first, with the limit it gave me for one
 * product while it was in force: the grade I held when the cycle started (my grade then, else my grade
 * now), its band, and my adjustments made before the next version replaced it (`limitInForce`). A version
 * without a band for that grade left the product unlimited (limitQuantity null).
 */
export async function getMyLimitHistory({ db, actor, clock }: RetailerDeps, input: z.output<typeof ZLimitHistoryInput>) {
  const now = clock();
  const product = await db.product.findUnique({
    where: { id: input.productId },
    select: { id: true, code: true, brand: true, name: true, scarce: true },
  });
  if (!product) throw notFound();
  // A version is in force until the next published version of its cycle, whether or not that one limits this product.
  const rows = await db.$queryRaw<HistoryRow[]>`
    WITH published AS (
      SELECT ap.id, ap."cycleId", ap.version, ap.state, ap."publishedAt",
        lead(ap."publishedAt") OVER (PARTITION BY ap."cycleId" ORDER BY ap.version) AS "inForceUntil"
      FROM "AllocationPolicy" ap
      WHERE ap.state IN ('PUBLISHED', 'SUPERSEDED') AND (ap."publishedAt" IS NULL OR ap."publishedAt" <= ${now})
    )
    SELECT c.id AS "cycleId", c.code AS "cycleCode", c."weekStart", ap.version, ap.state, ap."publishedAt", ap."inForceUntil", g.grade,
      lim."gradeFrom", lim."gradeTo", lim."limitQuantity",
      (count(*) OVER ())::int AS total
    FROM published ap
    JOIN "OrderCycle" c ON c.id = ap."cycleId"
    CROSS JOIN LATERAL (
      SELECT coalesce((
        SELECT rg.grade FROM "RetailerGrade" rg JOIN "GradePeriod" gp ON gp.id = rg."periodId"
        WHERE rg."retailerId" = ${actor.retailerId} AND gp.status = 'PUBLISHED' AND gp."effectiveFrom" <= c."weekStart" AND gp."effectiveTo" >= c."weekStart"
        ORDER BY gp."effectiveFrom" DESC LIMIT 1),
        (SELECT grade FROM "Retailer" WHERE id = ${actor.retailerId})) AS grade
    ) g
    LEFT JOIN "AllocationLimit" lim ON lim."policyId" = ap.id AND lim."productId" = ${product.id} AND g.grade BETWEEN lim."gradeFrom" AND lim."gradeTo"
    WHERE EXISTS (SELECT 1 FROM "AllocationLimit" x WHERE x."policyId" = ap.id AND x."productId" = ${product.id})
    ORDER BY c."weekStart" DESC, ap.version DESC
    LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`;
  const total = rows[0]?.total ?? 0;
  // My adjustments of this product in this page's cycles: a handful of rows, served by (retailerId, cycleId).
  const cycleIds = [...new Set(rows.map((r) => r.cycleId))];
  const adjustments: HistoryAdjustment[] = cycleIds.length
    ? await db.allocationAdjustment.findMany({
        where: { retailerId: actor.retailerId, productId: product.id, cycleId: { in: cycleIds } },
        select: { cycleId: true, delta: true, createdAt: true },
      })
    : [];
  return {
    product,
    today: chinaDate(now),
    items: rows.map(({ total: _total, cycleId: _cycleId, ...row }, i) => ({ ...row, ...limitInForce(rows[i]!, adjustments, now) })),
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}
