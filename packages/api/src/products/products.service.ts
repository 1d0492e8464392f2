import { Prisma, type Db } from '@tobacco/db/client';
import type { StaffDeps } from '../deps';
import { lastClosedMonth, monthRange } from '../rankings/rankings.rules';
import { fulfilment, growth, paretoCut, periodMonths, previousPeriod, priceBand, quarterOf, type ParetoMeasure } from './products.rules';
import {
  COMPOSITE_PAGE_SIZE,
  type CompositeSort,
  type TCompositeInput,
  type TParetoInput,
  ZCompositeInput,
  ZParetoInput,
} from './products.schema';
import { SUMMARY_TRANSACTION } from '../jobs/jobs.service';

// Product analysis (seed 001: 商品二八分析、商品综合分析) reads only the monthly summary `ProductMonthSales`,
// which a job writes once a month from the order lines; no screen scans the order lines.

export const PRODUCT_MONTH_QUEUE = 'products.monthSales';

/**
 * Computes (or recomputes) one month of the summary, set-based: one DELETE and one INSERT … SELECT in one
 * transaction, so a rerun gives the same rows and a reader never sees half a month.
 *
 * Sales are the month's confirmed orders (by order date), grouped by product and by the shop's district and
 * grade band (band = ceil(grade / 10), 0 when not graded; the shop's grade when the job runs, as the rankings).
 *
 * The month's limit (for fulfilment) is defined as: for each order cycle that starts in the month, the
 * highest published version of its allocation policy; for each limit row of it, the limit in 条 times the
 * active shops of the group whose grade falls in the row's grade range; summed over the cycles. It is what the
 * group's shops could have ordered under the policy. Per-shop adjustments are left out; a product no cycle of
 * the month limited has no limit (null). A product that was limited but not ordered gets a row with 0 sold, so
 * its fulfilment shows as 0 % rather than disappearing.
 */
export async function computeProductMonth(db: Db, month: string): Promise<number> {
  const { from, to } = monthRange(month);
  return db.$transaction(async (tx) => {
    await tx.productMonthSales.deleteMany({ where: { month: from } });
    return tx.$executeRaw`
      WITH sales AS (
        SELECT l."productId", r."districtId", COALESCE(CEIL(r.grade / 10.0), 0)::smallint AS band,
               SUM(l.quantity) AS quantity, SUM(l."amountFen") AS amount, COUNT(DISTINCT o."retailerId") AS shops
        FROM "OrderLine" l
        JOIN "Order" o ON o.id = l."orderId"
        JOIN "Retailer" r ON r.id = o."retailerId"
        WHERE o.status = 'CONFIRMED' AND o."orderDate" >= ${from} AND o."orderDate" < ${to}
        GROUP BY 1, 2, 3
      ), policy AS (
        SELECT DISTINCT ON (p."cycleId") p.id
        FROM "AllocationPolicy" p JOIN "OrderCycle" c ON c.id = p."cycleId"
        WHERE p.state = 'PUBLISHED' AND c."weekStart" >= ${from} AND c."weekStart" < ${to}
        ORDER BY p."cycleId", p.version DESC
      ), limits AS (
        SELECT al."productId", r."districtId", CEIL(r.grade / 10.0)::smallint AS band, SUM(al."limitQuantity")::bigint AS lim
        FROM policy p
        JOIN "AllocationLimit" al ON al."policyId" = p.id
        JOIN "Retailer" r ON r.status = 'ACTIVE' AND r.grade BETWEEN al."gradeFrom" AND al."gradeTo"
        GROUP BY 1, 2, 3
      )
      INSERT INTO "ProductMonthSales" ("month", "productId", "districtId", "gradeBand", "quantityTiao", "amountFen", "shops", "limitTiao")
      SELECT ${from}::date, COALESCE(s."productId", l."productId"), COALESCE(s."districtId", l."districtId"),
             COALESCE(s.band, l.band), COALESCE(s.quantity, 0), COALESCE(s.amount, 0), COALESCE(s.shops, 0), l.lim
      FROM sales s
      FULL JOIN limits l ON l."productId" = s."productId" AND l."districtId" = s."districtId" AND l.band = s.band`;
  }, SUMMARY_TRANSACTION);
}

/** The monthly job: last month's summary, once the month is over. */
export async function runProductMonth(db: Db, payload: { month?: string }, now: Date): Promise<void> {
  await computeProductMonth(db, payload.month ?? lastClosedMonth(now));
}

/** The months the summary holds, newest first, with when each was computed (one index probe per month). */
async function summaryMonths(db: Db): Promise<{ month: string; computedAt: Date }[]> {
  const rows = await db.$queryRaw<{ month: Date; computedAt: Date }[]>`
    WITH RECURSIVE m AS (
      SELECT MAX("month") AS month FROM "ProductMonthSales"
      UNION ALL
      SELECT (SELECT MAX("month") FROM "ProductMonthSales" s WHERE s."month" < m.month) FROM m WHERE m.month IS NOT NULL
    )
    SELECT m.month, (SELECT MAX("computedAt") FROM "ProductMonthSales" s WHERE s."month" = m.month) AS "computedAt"
    FROM m WHERE m.month IS NOT NULL LIMIT 24`;
  return rows.map((r) => ({ month: r.month.toISOString().slice(0, 7), computedAt: r.computedAt }));
}

/** The period picker (the months computed and their quarters) and the districts. */
export async function productFilterOptions({ db }: StaffDeps) {
  const [months, districts] = await Promise.all([
    summaryMonths(db),
    db.district.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
  ]);
  const quarters = [...new Set(months.map((m) => quarterOf(m.month)))];
  return { months: months.map((m) => m.month), quarters, districts };
}

type Filter = { period?: string; districtId?: number; gradeBand?: number };

/** The period asked for (or the newest month computed), its months, and which of them the summary holds. */
async function resolvePeriod(db: Db, period: string | undefined) {
  const computed = await summaryMonths(db);
  const chosen = period ?? computed[0]?.month ?? null;
  if (!chosen) return null;
  const months = periodMonths(chosen);
  const held = computed.filter((c) => months.includes(c.month));
  const computedAt = held.reduce<Date | null>((max, c) => (max && max > c.computedAt ? max : c.computedAt), null);
  return {
    period: chosen,
    months,
    monthsWithData: held.map((c) => c.month).sort(),
    monthsMissing: months.filter((m) => !held.some((c) => c.month === m)),
    computedAt,
  };
}

function groupWhere(months: string[], filter: Filter): Prisma.Sql {
  const parts = [Prisma.sql`s."month" = ANY(${months.map((m) => monthRange(m).from)}::date[])`];
  if (filter.districtId !== undefined) parts.push(Prisma.sql`s."districtId" = ${filter.districtId}`);
  if (filter.gradeBand !== undefined) parts.push(Prisma.sql`s."gradeBand" = ${filter.gradeBand}`);
  return Prisma.join(parts, ' AND ');
}

/** Active shops in the district and band chosen: one shop's mix is not a market, and the screen says so. */
async function shopsInScope(db: Db, filter: Filter): Promise<number> {
  const band = filter.gradeBand;
  return db.retailer.count({
    where: {
      status: 'ACTIVE',
      ...(filter.districtId !== undefined ? { districtId: filter.districtId } : {}),
      ...(band === undefined ? {} : band === 0 ? { grade: null } : { grade: { gte: band * 10 - 9, lte: band * 10 } }),
    },
  });
}

const MEASURE_COLUMN = { volume: Prisma.sql`"quantityTiao"`, amount: Prisma.sql`"amountFen"` } as const satisfies Record<
  ParetoMeasure,
  Prisma.Sql
>;

/**
 * 商品二八分析: the products of the period ranked by volume or amount, with their cumulative share and the core
 * that makes 80 % of it. The products are summed in SQL from the summary; the cut runs on that short list.
 */
export async function getPareto({ db }: StaffDeps, rawInput: TParetoInput) {
  const input = ZParetoInput.parse(rawInput);
  const resolved = await resolvePeriod(db, input.period);
  const scopeShops = await shopsInScope(db, input);
  if (!resolved) return { source: null, measure: input.measure, scopeShops, total: 0, coreCount: 0, rows: [] };
  const sums = await db.$queryRaw<{ productId: number; value: bigint }[]>`
    SELECT s."productId", SUM(s.${MEASURE_COLUMN[input.measure]})::bigint AS value
    FROM "ProductMonthSales" s
    WHERE ${groupWhere(resolved.months, input)}
    GROUP BY s."productId"`;
  const cut = paretoCut(sums.map((s) => ({ productId: s.productId, value: Number(s.value) })));
  const products = await db.product.findMany({
    where: { id: { in: cut.map((r) => r.productId) } },
    select: { id: true, code: true, brand: true, name: true, scarce: true },
  });
  const byId = new Map(products.map((p) => [p.id, p]));
  const rows = cut.map((r) => ({ ...r, product: byId.get(r.productId)! }));
  return {
    source: resolved,
    measure: input.measure,
    scopeShops,
    total: rows.reduce((sum, r) => sum + r.value, 0),
    coreCount: rows.filter((r) => r.core).length,
    rows,
  };
}

/** Every row of the 80/20 list, for the export. */
export async function* paretoBatches(deps: StaffDeps, input: TParetoInput) {
  const result = await getPareto(deps, input);
  if (result.rows.length) yield result.rows;
}

type CompositeRow = {
  productId: number;
  code: string;
  brand: string;
  name: string;
  scarce: boolean;
  wholesalePriceFen: number;
  quantityTiao: number;
  amountFen: number;
  previousQuantityTiao: number | null;
  previousAmountFen: number | null;
  growth: number | null;
  /** Distinct ordering shops in each month of the period (a shop counted in two months is two here). */
  reach: { month: string; shops: number }[];
  limitTiao: number | null;
  fulfilment: number | null;
  priceBand: ReturnType<typeof priceBand>;
};

function sortValue(row: CompositeRow, sort: CompositeSort): number | null {
  switch (sort) {
    case 'amount':
      return row.amountFen;
    case 'volume':
      return row.quantityTiao;
    case 'growth':
      return row.growth;
    case 'reach':
      return row.reach.at(-1)?.shops ?? null;
    case 'fulfilment':
      return row.fulfilment;
    case 'price':
      return row.wholesalePriceFen;
  }
}

/**
 * 商品综合分析: per product, the period's sales and growth against the previous equal period (by amount), the
 * shops ordering it per month (distinct counts per month cannot be added into a period's count), fulfilment
 * against the month's limits, price band and scarce flag. Sums come from the summary in SQL, one row per
 * product; the list of products is short (the catalogue), so sorting and paging happen on it after the rules.
 */
export async function listComposite({ db }: StaffDeps, rawInput: TCompositeInput, pageSize = COMPOSITE_PAGE_SIZE) {
  const input = ZCompositeInput.parse(rawInput);
  const resolved = await resolvePeriod(db, input.period);
  if (!resolved)
    return { source: null, previous: null, hasSales: false, items: [], total: 0, page: 1, pages: 1, sort: input.sort, dir: input.dir };
  const previousMonths = periodMonths(previousPeriod(resolved.period));
  const [current, previous, reach] = await Promise.all([
    // Fulfilment compares only the groups that had a limit: a band without one ordered without a ceiling.
    db.$queryRaw<{ productId: number; quantity: bigint; amount: bigint; lim: bigint | null; limited: bigint | null }[]>`
      SELECT s."productId", SUM(s."quantityTiao")::bigint AS quantity, SUM(s."amountFen")::bigint AS amount,
             SUM(s."limitTiao")::bigint AS lim, SUM(s."quantityTiao") FILTER (WHERE s."limitTiao" IS NOT NULL)::bigint AS limited
      FROM "ProductMonthSales" s WHERE ${groupWhere(resolved.months, input)} GROUP BY s."productId"`,
    db.$queryRaw<{ productId: number; quantity: bigint; amount: bigint }[]>`
      SELECT s."productId", SUM(s."quantityTiao")::bigint AS quantity, SUM(s."amountFen")::bigint AS amount
      FROM "ProductMonthSales" s WHERE ${groupWhere(previousMonths, input)} GROUP BY s."productId"`,
    // A shop is in one district and band in a month, so a month's groups add up to the month's distinct shops.
    db.$queryRaw<{ productId: number; month: Date; shops: bigint }[]>`
      SELECT s."productId", s."month", SUM(s.shops)::bigint AS shops
      FROM "ProductMonthSales" s WHERE ${groupWhere(resolved.months, input)} GROUP BY s."productId", s."month"`,
  ]);
  const ids = [...new Set([...current, ...previous].map((r) => r.productId))];
  const products = await db.product.findMany({
    where: { OR: [{ active: true }, { id: { in: ids } }] },
    select: { id: true, code: true, brand: true, name: true, scarce: true, wholesalePriceFen: true },
  });
  const cur = new Map(current.map((r) => [r.productId, r]));
  const reachOf = new Map(reach.map((r) => [`${r.productId} ${r.month.toISOString().slice(0, 7)}`, Number(r.shops)]));
  const prev = new Map(previous.map((r) => [r.productId, r]));
  const rows: CompositeRow[] = products.map((p) => {
    const c = cur.get(p.id);
    const b = prev.get(p.id);
    const amountFen = Number(c?.amount ?? 0n);
    const quantityTiao = Number(c?.quantity ?? 0n);
    const limitTiao = c?.lim == null ? null : Number(c.lim);
    return {
      productId: p.id,
      code: p.code,
      brand: p.brand,
      name: p.name,
      scarce: p.scarce,
      wholesalePriceFen: p.wholesalePriceFen,
      quantityTiao,
      amountFen,
      previousQuantityTiao: b ? Number(b.quantity) : null,
      previousAmountFen: b ? Number(b.amount) : null,
      growth: growth(amountFen, b ? Number(b.amount) : null),
      reach: resolved.monthsWithData.map((m) => ({
        month: m,
        shops: reachOf.get(`${p.id} ${m}`) ?? 0,
      })),
      limitTiao,
      fulfilment: fulfilment(Number(c?.limited ?? 0n), limitTiao),
      priceBand: priceBand(p.wholesalePriceFen),
    };
  });
  const sign = input.dir === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    const x = sortValue(a, input.sort);
    const y = sortValue(b, input.sort);
    // Rows without a value (no base, unlimited) go last whichever way the list is sorted.
    if (x === null || y === null) return x === y ? a.productId - b.productId : x === null ? 1 : -1;
    return (x - y) * sign || a.productId - b.productId;
  });
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(input.page, pages);
  return {
    source: resolved,
    previous: { period: previousPeriod(resolved.period), hasData: previous.length > 0 },
    // Whether anything was sold in the period, whatever page and order the list is shown in.
    hasSales: current.some((r) => r.quantity > 0n),
    items: rows.slice((page - 1) * pageSize, page * pageSize),
    total,
    page,
    pages,
    sort: input.sort,
    dir: input.dir,
  };
}
