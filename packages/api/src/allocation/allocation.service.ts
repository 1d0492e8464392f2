import { Prisma, type DbTx } from '@tobacco/db/client';
import type { RetailerDeps } from '../deps';
import { notFound } from '../errors';
import { promotionIsLiveSql, promotionTargetsRetailerSql } from '../promotions/promotions.target-sql';
import { chinaDate } from '../schedule/calendar.rules';
import { currentAndNextCycle } from '../schedule/schedule.service';
import { limitInForce, remainingAllowance, type HistoryAdjustment } from './allocation.rules';
import type { ZLimitHistoryInput, ZMyAllocationInput } from './allocation.schema';
import type { z } from 'zod';

// Reads of supply allocation (domain.md §4) for a retailer. The back office's policy editing lives in
// allocation.staff.service.ts; these are the reads both sides share.

export type PublishedPolicy = { id: number; cycleId: number; version: number; publishedAt: Date | null; note: string | null };

/**
 * The policy version in force for a cycle: the highest published version whose publish time has come.
 * Superseded versions stay in the table for the history.
 */
export async function getPublishedPolicy(db: DbTx, cycleId: number, now: Date): Promise<PublishedPolicy | null> {
  return db.allocationPolicy.findFirst({
    where: { cycleId, state: 'PUBLISHED', OR: [{ publishedAt: null }, { publishedAt: { lte: now } }] },
    orderBy: { version: 'desc' },
    select: { id: true, cycleId: true, version: true, publishedAt: true, note: true },
  });
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
  if (filters.q) conditions.push(Prisma.sql`(p.brand ILIKE ${`%${filters.q}%`} OR p.name ILIKE ${`%${filters.q}%`} OR p.code LIKE ${`${filters.q}%`})`);
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
  const cycle = await db.orderCycle.findUnique({ where: { weekStart: new Date(`${chosen.cycleStart}T00:00:00Z`) }, select: { id: true, code: true } });
  const base = {
    grade: retailer.grade,
    cycle: { kind: input.cycle, code: cycle?.code ?? null, start: chosen.cycleStart, end: chosen.cycleEnd, orderDay: chosen.orderDay.actual },
    page: input.page,
    pageSize: input.pageSize,
  };
  const policy = cycle ? await getPublishedPolicy(db, cycle.id, now) : null;
  if (!cycle || !policy || retailer.grade === null) {
    return { ...base, policy, items: [], total: 0, pages: 1, brands: [] as string[], classes: [] as number[] };
  }
  const [limits, options] = await Promise.all([
    getRetailerLimits(db, { retailerId: actor.retailerId, grade: retailer.grade, cycleId: cycle.id, policyId: policy.id, now, filters: input }),
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
  const product = await db.product.findUnique({ where: { id: input.productId }, select: { id: true, code: true, brand: true, name: true, scarce: true } });
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
    ? await db.allocationAdjustment.findMany({ where: { retailerId: actor.retailerId, productId: product.id, cycleId: { in: cycleIds } }, select: { cycleId: true, delta: true, createdAt: true } })
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
