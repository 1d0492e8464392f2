import { Prisma, type Db } from '@tobacco/db/client';
import type { StaffDeps } from '../deps';
import { enqueueJob } from '../jobs/jobs.service';
import { addDays, chinaDate, type SpecialDay } from '../schedule/calendar.rules';
import {
  backtest,
  BACKTEST_CYCLES,
  FORECAST_HORIZON,
  forecastCalendar,
  forecastSeries,
  HOLIDAY_WINDOWS,
  ratiosOf,
  totalSeries,
  weeksAfter,
  weightedMape,
  type Backtest,
  type Point,
  type Ratios,
  type SeriesForecast,
} from './forecast.rules';
import { DEMAND_PAGE_SIZE, ZDemandInput, type TDemandInput } from './forecast.schema';

// Demand against allocation (需求预测 vs 投放). The history is the per-cycle summary `ProductCycleDemand`, which a
// job writes once a cycle closes; the screen reads only that summary (plus the calendar, the products and the
// policies of the cycles ahead), never the order lines. The arithmetic is in forecast.rules.ts.

export const CYCLE_DEMAND_QUEUE = 'products.cycleDemand';

/** Closed cycles of history the screen reads: enough for a season a year back and the back-test before it. */
export const HISTORY_CYCLES = 80;

/**
 * Computes (or recomputes) cycles of the summary, set-based: one DELETE and one INSERT … SELECT in one
 * transaction, so a rerun gives the same rows and a reader never sees half a cycle; the cycles are then marked
 * computed. The job passes the one cycle that closed; the seeds' backfill passes every closed cycle at once
 * (one pass over the order lines instead of one per cycle). Demand is a cycle's confirmed orders per product and
 * the shop's district (as the job runs). The limit is what the district's active shops could order under the
 * cycle's newest published policy — for each limit row, the limit in 条 × the shops whose grade is in its range,
 * adjustments left out — as the monthly product summary defines it. A product limited but not ordered gets a
 * row with 0.
 */
export async function computeCycleDemand(db: Db, cycleIds: readonly number[]): Promise<number> {
  if (cycleIds.length === 0) return 0;
  const ids = [...cycleIds];
  return db.$transaction(
    async (tx) => {
      // One refresh at a time (two workers may each take a cycle): both rewrite the shops per grade.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('products.cycleDemand'))`;
      // The active shops per district and grade first: the limits below and the screen's planned limits read them.
      await tx.districtGradeShops.deleteMany({});
      await tx.$executeRaw`
        INSERT INTO "DistrictGradeShops" ("districtId", grade, shops)
        SELECT "districtId", COALESCE(grade, 0), COUNT(*) FROM "Retailer" WHERE status = 'ACTIVE' GROUP BY 1, 2`;
      await tx.productCycleDemand.deleteMany({ where: { cycleId: { in: ids } } });
      // The pass over the order lines is worth both cores at a province's size, so it goes into a temporary table
      // first: PostgreSQL never runs an INSERT … SELECT in parallel, but it does a CREATE TABLE … AS. Its cost
      // model charges every row the workers hand back, and for this sorted distinct count over millions of lines
      // it then prefers one process, which is slower: with the charge lowered for this transaction a province's
      // 51 cycles take about 65 s instead of 90–107 s, one cycle 8–10 s instead of 16–18 s (bench/README.md).
      await tx.$executeRawUnsafe(`SET LOCAL parallel_tuple_cost = 0.001`);
      await tx.$executeRaw`
        CREATE TEMP TABLE cycle_sales ON COMMIT DROP AS
        SELECT o."cycleId", l."productId", r."districtId", SUM(l.quantity)::int AS quantity, COUNT(DISTINCT o."retailerId")::int AS shops
        FROM "Order" o
        JOIN "OrderLine" l ON l."orderId" = o.id
        JOIN "Retailer" r ON r.id = o."retailerId"
        WHERE o."cycleId" = ANY(${ids}::int[]) AND o.status = 'CONFIRMED'
        GROUP BY 1, 2, 3`;
      const rows = await tx.$executeRaw`
        WITH policy AS (
          SELECT DISTINCT ON ("cycleId") id, "cycleId" FROM "AllocationPolicy"
          WHERE "cycleId" = ANY(${ids}::int[]) AND state = 'PUBLISHED'
          ORDER BY "cycleId", version DESC
        ), limits AS (
          SELECT p."cycleId", al."productId", g."districtId", SUM(al."limitQuantity"::bigint * g.shops)::bigint AS lim
          FROM policy p
          JOIN "AllocationLimit" al ON al."policyId" = p.id
          JOIN "DistrictGradeShops" g ON g.grade > 0 AND g.grade BETWEEN al."gradeFrom" AND al."gradeTo"
          GROUP BY 1, 2, 3
        )
        INSERT INTO "ProductCycleDemand" ("cycleId", "productId", "districtId", "quantityTiao", "shops", "limitTiao")
        SELECT COALESCE(s."cycleId", l."cycleId"), COALESCE(s."productId", l."productId"), COALESCE(s."districtId", l."districtId"),
               COALESCE(s.quantity, 0), COALESCE(s.shops, 0), l.lim
        FROM cycle_sales s
        FULL JOIN limits l ON l."cycleId" = s."cycleId" AND l."productId" = s."productId" AND l."districtId" = s."districtId"`;
      await tx.orderCycle.updateMany({ where: { id: { in: ids } }, data: { demandComputedAt: new Date() } });
      return rows;
    },
    { timeout: 30 * 60_000 },
  );
}

/** The closed cycles (their week over by `now`, China time), oldest first. */
async function closedCycles(db: Db, now: Date, options: { onlyMissing?: boolean; since?: string } = {}) {
  return db.orderCycle.findMany({
    where: {
      weekEnd: { lt: new Date(`${chinaDate(now)}T00:00:00Z`) },
      ...(options.since ? { weekStart: { gte: new Date(`${options.since}T00:00:00Z`) } } : {}),
      ...(options.onlyMissing ? { demandComputedAt: null } : {}),
    },
    orderBy: { weekStart: 'asc' },
    select: { id: true, code: true },
  });
}

/** Every closed cycle of the summary at once, by the job's own function: the seeds' backfill. */
export async function backfillCycleDemand(db: Db, now: Date): Promise<number> {
  const cycles = await closedCycles(db, now);
  await computeCycleDemand(
    db,
    cycles.map((c) => c.id),
  );
  return cycles.length;
}

/**
 * The hourly check: each closed cycle of the last eight weeks that the summary does not hold yet is enqueued
 * once (the job's unique key is the cycle), so the cycle that just closed is computed within the hour and a
 * worker that was down catches up when it starts.
 */
export async function enqueueCycleDemand(db: Db, now: Date): Promise<void> {
  const since = addDays(chinaDate(now), -7 * 8);
  for (const cycle of await closedCycles(db, now, { onlyMissing: true, since }))
    await enqueueJob(db, { queue: CYCLE_DEMAND_QUEUE, payload: { cycleId: cycle.id }, uniqueKey: `products:cycleDemand:${cycle.id}` });
}

export async function runCycleDemandJob(db: Db, payload: { cycleId: number }): Promise<void> {
  await computeCycleDemand(db, [payload.cycleId]);
}

// ------------------------------------------------------------------------------------------ the screen

const iso = (d: Date) => d.toISOString().slice(0, 10);

type PlannedPolicy = { cycleId: number; state: 'PUBLISHED' | 'APPROVED' | 'PENDING_APPROVAL' | 'DRAFT'; version: number; id: number };

/** The policy each cycle ahead is planned with: the newest published version, else the newest one in the works. */
async function plannedPolicies(db: Db, cycleIds: number[]): Promise<Map<number, PlannedPolicy>> {
  if (cycleIds.length === 0) return new Map();
  const rows = await db.$queryRaw<PlannedPolicy[]>`
    SELECT DISTINCT ON ("cycleId") id, "cycleId", state::text AS state, version
    FROM "AllocationPolicy"
    WHERE "cycleId" = ANY(${cycleIds}::int[]) AND state IN ('PUBLISHED', 'APPROVED', 'PENDING_APPROVAL', 'DRAFT')
    ORDER BY "cycleId", (state = 'PUBLISHED') DESC, version DESC`;
  return new Map(rows.map((r) => [r.cycleId, r]));
}

/**
 * Active shops of the scope per grade (null: not graded), for the planned limits and the one-shop note: from the
 * counts the summary job keeps (as of its last run), not a count of the retailers on each request.
 */
async function shopsByGrade(db: Db, districtId: number | undefined): Promise<{ grade: number | null; n: number }[]> {
  const rows = await db.$queryRaw<{ grade: number; n: bigint }[]>`
    SELECT grade, SUM(shops)::bigint AS n FROM "DistrictGradeShops"
    ${districtId === undefined ? Prisma.empty : Prisma.sql`WHERE "districtId" = ${districtId}`}
    GROUP BY grade`;
  return rows.map((r) => ({ grade: r.grade === 0 ? null : r.grade, n: Number(r.n) }));
}

/** Planned limit totals per policy and product: limit × the scope's active shops in the row's grade range. */
async function plannedLimits(db: Db, policyIds: number[], shops: { grade: number | null; n: number }[]): Promise<Map<string, number>> {
  const limits = new Map<string, number>();
  if (policyIds.length === 0) return limits;
  const rows = await db.allocationLimit.findMany({
    where: { policyId: { in: policyIds } },
    select: { policyId: true, productId: true, gradeFrom: true, gradeTo: true, limitQuantity: true },
  });
  for (const r of rows) {
    const n = shops.reduce((s, g) => s + (g.grade !== null && g.grade >= r.gradeFrom && g.grade <= r.gradeTo ? g.n : 0), 0);
    const key = `${r.policyId} ${r.productId}`;
    limits.set(key, (limits.get(key) ?? 0) + r.limitQuantity * n);
  }
  return limits;
}

/**
 * What the per-shop adjustments of the cycles ahead add to their planned limits, per policy and product: each
 * adjusted active shop of the scope whose grade a limit row of the cycle's planned policy covers gets that
 * row's limit plus its adjustments, never below 0 (as the shop's allowance is computed), so the total moves by
 * the difference. An adjustment of a product the policy does not limit for the shop's grade changes nothing.
 */
async function plannedAdjustments(db: Db, policies: PlannedPolicy[], districtId: number | undefined): Promise<Map<string, number>> {
  const extra = new Map<string, number>();
  if (policies.length === 0) return extra;
  const rows = await db.$queryRaw<{ policyId: number; productId: number; extra: bigint }[]>`
    WITH plan AS (SELECT * FROM unnest(${policies.map((p) => p.cycleId)}::int[], ${policies.map((p) => p.id)}::int[]) AS p("cycleId", "policyId")),
    adjusted AS (
      SELECT a."retailerId", a."cycleId", a."productId", SUM(a.delta) AS delta
      FROM "AllocationAdjustment" a
      WHERE a."cycleId" = ANY(${policies.map((p) => p.cycleId)}::int[])
      GROUP BY 1, 2, 3)
    SELECT plan."policyId", adjusted."productId", SUM(GREATEST(0, l."limitQuantity" + adjusted.delta) - l."limitQuantity")::bigint AS extra
    FROM adjusted
    JOIN plan ON plan."cycleId" = adjusted."cycleId"
    JOIN "Retailer" r ON r.id = adjusted."retailerId" AND r.status = 'ACTIVE'
    JOIN "AllocationLimit" l ON l."policyId" = plan."policyId" AND l."productId" = adjusted."productId" AND r.grade BETWEEN l."gradeFrom" AND l."gradeTo"
    ${districtId === undefined ? Prisma.empty : Prisma.sql`WHERE r."districtId" = ${districtId}`}
    GROUP BY 1, 2`;
  for (const r of rows) extra.set(`${r.policyId} ${r.productId}`, Number(r.extra));
  return extra;
}

type HistoryRow = { productId: number; cycleId: number; quantity: bigint; shops: bigint; lim: bigint | null };

export type DemandTarget = {
  week: string;
  code: string | null;
  tag: { holiday: keyof typeof HOLIDAY_WINDOWS | 'OTHER_HOLIDAY'; offset: number } | null;
  policy: { state: PlannedPolicy['state']; version: number } | null;
};

export type DemandRow = {
  productId: number;
  code: string;
  brand: string;
  name: string;
  active: boolean;
  method: SeriesForecast['method'];
  level: number | null;
  levelCycles: number;
  /** Cycles of history since the first order. */
  historyCycles: number;
  cells: {
    week: string;
    forecast: number | null;
    factor: number | null;
    factorSource: 'own' | 'blend' | 'pooled' | 'none' | null;
    /** null: no policy planned for the cycle yet; 'unlimited': the policy does not limit the product. */
    limit: number | 'unlimited' | null;
    /** Planned limit − expected demand (positive: room left; negative: short). */
    difference: number | null;
  }[];
  backtest: Pick<Backtest, 'mape' | 'skippedZero' | 'skippedNoForecast'> & { counted: number };
};

export type ChartPoint = {
  week: string;
  code: string;
  actual: number | null;
  backtest: number | null;
  forecast: number | null;
  limit: number | null;
};

/**
 * The whole computation of the screen, every product of the scope: the forecast of the next FORECAST_HORIZON
 * cycles, the planned limits beside it, and the back-test of the last BACKTEST_CYCLES closed cycles.
 */
async function demandForecast(db: Db, input: { districtId?: number; productId?: number }, now: Date) {
  const today = chinaDate(now);
  const [computed, lastClosed] = await Promise.all([
    db.$queryRaw<{ id: number; code: string; weekStart: Date; computedAt: Date }[]>`
      SELECT id, code, "weekStart", "demandComputedAt" AS "computedAt" FROM "OrderCycle"
      WHERE "demandComputedAt" IS NOT NULL AND "weekEnd" < ${today}::date
      ORDER BY "weekStart" DESC LIMIT ${HISTORY_CYCLES}`,
    db.orderCycle.findFirst({
      where: { weekEnd: { lt: new Date(`${today}T00:00:00Z`) } },
      orderBy: { weekStart: 'desc' },
      select: { code: true, weekStart: true },
    }),
  ]);
  if (computed.length === 0) return null;
  const history = [...computed].reverse();
  const weeks = history.map((c) => iso(c.weekStart));
  const last = weeks.at(-1)!;
  const targetWeeks = Array.from({ length: FORECAST_HORIZON }, (_, i) => weeksAfter(last, i + 1));
  // Holiday windows reach three weeks before and eight after the weeks read (a window may start before the
  // history, or end after the targets with its anchor beyond them).
  const calendarFrom = addDays(weeks[0]!, -7 * 3);
  const calendarTo = addDays(targetWeeks.at(-1)!, 7 * 8);
  const years = [...new Set([targetWeeks[0]!, calendarTo].map((d) => Number(d.slice(0, 4))))];

  const district = input.districtId === undefined ? Prisma.empty : Prisma.sql`AND d."districtId" = ${input.districtId}`;
  const [rows, targetCycles, calendarDays, calendarYears, shops] = await Promise.all([
    db.$queryRaw<HistoryRow[]>`
      SELECT d."productId", d."cycleId", SUM(d."quantityTiao")::bigint AS quantity, SUM(d.shops)::bigint AS shops, SUM(d."limitTiao")::bigint AS lim
      FROM "ProductCycleDemand" d
      WHERE d."cycleId" = ANY(${history.map((c) => c.id)}::int[]) ${district}
      GROUP BY 1, 2`,
    db.orderCycle.findMany({
      where: { weekStart: { in: targetWeeks.map((w) => new Date(`${w}T00:00:00Z`)) } },
      select: { id: true, code: true, weekStart: true },
    }),
    db.calendarDay.findMany({
      where: { date: { gte: new Date(`${calendarFrom}T00:00:00Z`), lte: new Date(`${calendarTo}T00:00:00Z`) } },
      select: { date: true, kind: true, name: true },
    }),
    db.calendarYear.findMany({ where: { year: { in: years } }, select: { year: true, confirmed: true } }),
    shopsByGrade(db, input.districtId),
  ]);
  const policies = await plannedPolicies(
    db,
    targetCycles.map((c) => c.id),
  );
  const productIds = [...new Set(rows.map((r) => r.productId))];
  const [products, limits, adjustments] = await Promise.all([
    db.product.findMany({
      where: { OR: [{ active: true }, { id: { in: productIds } }] },
      select: { id: true, code: true, brand: true, name: true, active: true },
      orderBy: { code: 'asc' },
    }),
    plannedLimits(
      db,
      [...policies.values()].map((p) => p.id),
      shops,
    ),
    plannedAdjustments(db, [...policies.values()], input.districtId),
  ]);

  const calendar = forecastCalendar(calendarDays.map((d): SpecialDay => ({ date: iso(d.date), kind: d.kind, name: d.name })));
  const weekOfCycle = new Map(history.map((c) => [c.id, iso(c.weekStart)]));
  const byProduct = new Map<number, Map<string, HistoryRow>>();
  for (const r of rows) {
    const m = byProduct.get(r.productId) ?? new Map<string, HistoryRow>();
    m.set(weekOfCycle.get(r.cycleId)!, r);
    byProduct.set(r.productId, m);
  }
  // Every computed cycle is a point (0 when nothing was ordered); the rules drop those before the first order.
  const seriesOf = (productId: number): Point[] => {
    const m = byProduct.get(productId);
    return weeks.map((week) => ({ week, quantity: Number(m?.get(week)?.quantity ?? 0n) }));
  };
  const allSeries = new Map(products.map((p) => [p.id, seriesOf(p.id)]));
  const total = totalSeries([...allSeries.values()]);
  const pooledCache = new Map<string, Ratios>();
  const pooledAt = (week: string) => {
    if (!pooledCache.has(week))
      pooledCache.set(
        week,
        ratiosOf(
          total.filter((p) => p.week < week),
          calendar,
        ),
      );
    return pooledCache.get(week)!;
  };
  const backtestWeeks = weeks.slice(-BACKTEST_CYCLES);
  const targetByWeek = new Map(targetCycles.map((c) => [iso(c.weekStart), c]));
  const targets: DemandTarget[] = targetWeeks.map((week) => {
    const cycle = targetByWeek.get(week);
    const policy = cycle ? policies.get(cycle.id) : undefined;
    return {
      week,
      code: cycle?.code ?? null,
      tag: calendar.tagOf(week),
      policy: policy ? { state: policy.state, version: policy.version } : null,
    };
  });
  const limitOf = (week: string, productId: number): number | 'unlimited' | null => {
    const cycle = targetByWeek.get(week);
    const policy = cycle ? policies.get(cycle.id) : undefined;
    if (!policy) return null;
    const limit = limits.get(`${policy.id} ${productId}`);
    return limit === undefined ? 'unlimited' : limit + (adjustments.get(`${policy.id} ${productId}`) ?? 0);
  };

  const tests: Backtest[] = [];
  const all = products.map((p) => {
    const series = allSeries.get(p.id)!;
    const forecast = forecastSeries(series, targetWeeks, calendar, pooledAt(targetWeeks[0]!));
    const bt = backtest(series, backtestWeeks, calendar, pooledAt);
    tests.push(bt);
    const row: DemandRow = {
      productId: p.id,
      code: p.code,
      brand: p.brand,
      name: p.name,
      active: p.active,
      method: forecast.method,
      level: forecast.level,
      levelCycles: forecast.levelCycles,
      historyCycles: forecast.method === 'noHistory' ? 0 : series.length - series.findIndex((x) => x.quantity > 0),
      cells: forecast.targets.map((t) => {
        const limit = limitOf(t.week, p.id);
        return {
          week: t.week,
          forecast: t.quantity,
          factor: t.factor?.value ?? null,
          factorSource: t.factor?.source ?? null,
          limit,
          difference: typeof limit === 'number' && t.quantity !== null ? limit - t.quantity : null,
        };
      }),
      backtest: {
        mape: bt.mape,
        skippedZero: bt.skippedZero,
        skippedNoForecast: bt.skippedNoForecast,
        counted: bt.points.filter((x) => x.forecast !== null && x.actual > 0).length,
      },
    };
    return { row, series, bt };
  });
  // Largest expected demand first; products without a forecast last, by code.
  all.sort((a, b) => (b.row.cells[0]?.forecast ?? -1) - (a.row.cells[0]?.forecast ?? -1) || a.row.code.localeCompare(b.row.code));

  const missingYears = years.filter((y) => !calendarYears.some((c) => c.year === y && c.confirmed));
  const scopeShops = shops.reduce((s, g) => s + g.n, 0);
  const codeOf = new Map(history.map((c) => [iso(c.weekStart), c.code]));
  const lastComputed = history.at(-1)!;
  return {
    source: {
      firstCycle: history[0]!.code,
      lastCycle: lastComputed.code,
      cycles: history.length,
      computedAt: history.reduce((max, c) => (c.computedAt > max ? c.computedAt : max), history[0]!.computedAt),
      // The newest closed cycle, when the summary does not hold it yet (the job has not run).
      lagging: lastClosed && iso(lastClosed.weekStart) > last ? lastClosed.code : null,
    },
    backtest: {
      firstCycle: codeOf.get(backtestWeeks[0]!)!,
      lastCycle: codeOf.get(backtestWeeks.at(-1)!)!,
      cycles: backtestWeeks.length,
      mape: weightedMape(tests),
      skippedZero: tests.reduce((s, t) => s + t.skippedZero, 0),
      skippedNoForecast: tests.reduce((s, t) => s + t.skippedNoForecast, 0),
      series: tests.filter((t) => t.points.some((x) => x.forecast !== null && x.actual > 0)).length,
    },
    scope: { districtId: input.districtId ?? null, shops: scopeShops },
    targets,
    missingYears,
    all,
    codeOf,
    weeks,
    byProduct,
  };
}

const CHART_CYCLES = 26;

/** The chart of one product: the last half-year of orders, the back-test forecasts, the forecast and the limits. */
function chartOf(
  entry: { row: DemandRow; series: Point[]; bt: Backtest },
  context: { weeks: string[]; codeOf: Map<string, string>; targets: DemandTarget[]; limits: Map<string, HistoryRow> | undefined },
): ChartPoint[] {
  const backtestOf = new Map(entry.bt.points.map((p) => [p.week, p.forecast]));
  const firstOrder = entry.series.find((p) => p.quantity > 0)?.week ?? '9999-12-31';
  const past = context.weeks.slice(-CHART_CYCLES).map((week): ChartPoint => {
    const lim = context.limits?.get(week)?.lim;
    return {
      week,
      code: context.codeOf.get(week)!,
      actual: week >= firstOrder ? (entry.series.find((p) => p.week === week)?.quantity ?? 0) : null,
      backtest: backtestOf.get(week) ?? null,
      forecast: null,
      limit: lim == null ? null : Number(lim),
    };
  });
  const ahead = context.targets.map((t, i): ChartPoint => {
    const cell = entry.row.cells[i]!;
    return {
      week: t.week,
      code: t.code ?? t.week,
      actual: null,
      backtest: null,
      forecast: cell.forecast,
      limit: typeof cell.limit === 'number' ? cell.limit : null,
    };
  });
  return [...past, ...ahead];
}

/**
 * 需求预测 vs 投放: per product (paged, largest expected demand first) in one district or the whole company, the
 * expected demand of the next cycles beside their planned limits, with the back-test's error; and the chart of
 * one product (the one asked for, else the first of the page).
 */
export async function getDemandForecast({ db, clock }: StaffDeps, rawInput: TDemandInput, pageSize = DEMAND_PAGE_SIZE) {
  const input = ZDemandInput.parse(rawInput);
  const result = await demandForecast(db, input, clock());
  if (!result)
    return {
      source: null,
      backtest: null,
      scope: null,
      targets: [],
      missingYears: [],
      items: [],
      choices: [],
      total: 0,
      page: 1,
      pages: 1,
      chart: null,
    };
  const listed = input.productId === undefined ? result.all : result.all.filter((e) => e.row.productId === input.productId);
  const total = listed.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(input.page, pages);
  const items = listed.slice((page - 1) * pageSize, page * pageSize);
  const charted = items[0];
  return {
    source: result.source,
    backtest: result.backtest,
    scope: result.scope,
    targets: result.targets,
    missingYears: result.missingYears,
    items: items.map((e) => e.row),
    // The product picker: every product of the scope, in the list's order.
    choices: result.all.map((e) => ({ id: e.row.productId, code: e.row.code, brand: e.row.brand, name: e.row.name })),
    total,
    page,
    pages,
    chart: charted
      ? {
          productId: charted.row.productId,
          points: chartOf(charted, {
            weeks: result.weeks,
            codeOf: result.codeOf,
            targets: result.targets,
            limits: result.byProduct.get(charted.row.productId),
          }),
        }
      : null,
  };
}

/** Every row of the screen's list (all products of the scope), for the export. */
export async function demandRowsForExport({ db, clock }: StaffDeps, input: { districtId?: number; productId?: number }) {
  const result = await demandForecast(db, input, clock());
  if (!result) return { targets: [] as DemandTarget[], rows: [] as DemandRow[] };
  const rows = result.all.map((e) => e.row).filter((r) => input.productId === undefined || r.productId === input.productId);
  return { targets: result.targets, rows };
}
