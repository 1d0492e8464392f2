import type { Db } from '@tobacco/db/client';
import type { RetailerDeps, StaffDeps } from '../deps';
import { notFound } from '../errors';
import { retailerScope } from '../retailers/retailers.scope';
import { enqueueJob, SUMMARY_TRANSACTION } from '../jobs/jobs.service';
import { lastClosedMonth, monthRange, shiftMonth } from '../rankings/rankings.rules';
import { computeMonthlyCapabilities, reportCommentFor } from './business-analysis.service';
import { MIN_PEER_GROUP, standingBand, summaryLines } from './business-report.rules';
import {
  type TMyReport,
  type TMyReportInput,
  type TRetailerReportInput,
  ZMyReportInput,
  ZRetailerReportInput,
} from './business-report.schema';

// The shop's monthly business report (我的经营分析). A job writes each month's per-shop, per-product sums and
// what peers are compared by, and tells every shop that ordered; the report reads those sums, the peer group's
// product counts and the month's rankings: a few rows per request, never the order lines or every peer's rows.

export const REPORTS_QUEUE = 'reports.monthly';

/**
 * One month's sums per shop and product, the shop's month as a whole (RetailerMonthProfile), and what the
 * screens compare a shop with its peers by: how many shops of each peer group ordered each product
 * (PeerGroupProductMonth) and each shop's capability bands (RetailerMonthCapability). Replaced in one
 * transaction (a rerun gives the same rows). The capability looks back twelve months: compute months oldest first.
 */
export async function computeMonthlyProductSales(db: Db, month: string): Promise<number> {
  const { from, to } = monthRange(month);
  return db.$transaction(async (tx) => {
    await tx.retailerProductMonth.deleteMany({ where: { month: from } });
    await tx.retailerMonthProfile.deleteMany({ where: { month: from } });
    await tx.peerGroupProductMonth.deleteMany({ where: { month: from } });
    const rows = await tx.$executeRaw`
      INSERT INTO "RetailerProductMonth" ("month", "retailerId", "productId", "quantityTiao", "amountFen", "orderCount")
      SELECT ${from}::date, o."retailerId", l."productId", SUM(l.quantity), SUM(l."amountFen"), COUNT(DISTINCT o.id)
      FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id
      WHERE o.status = 'CONFIRMED' AND o."orderDate" >= ${from} AND o."orderDate" < ${to}
      GROUP BY o."retailerId", l."productId"`;
    // Volume, amount, products and premium 条 come from the per-product rows just written; orders, cycles and
    // the gaps between order days from the month's orders (not their lines). A gap runs from each order day
    // of the month back to the shop's previous order day, in whatever month (index Order(retailerId, orderDate)).
    await tx.$executeRaw`
      WITH orders AS (
        SELECT o."retailerId", COUNT(*)::int AS orders, COUNT(DISTINCT o."cycleId")::int AS cycles
        FROM "Order" o
        WHERE o.status = 'CONFIRMED' AND o."orderDate" >= ${from} AND o."orderDate" < ${to}
        GROUP BY o."retailerId"
      ), lines AS MATERIALIZED (
        SELECT s."retailerId", SUM(s."quantityTiao")::int AS quantity, SUM(s."amountFen")::bigint AS amount,
               COUNT(*)::int AS products,
               COALESCE(SUM(s."quantityTiao") FILTER (WHERE p."productClass" IN (1, 2)), 0)::int AS premium
        FROM "RetailerProductMonth" s JOIN "Product" p ON p.id = s."productId"
        WHERE s.month = ${from}::date
        GROUP BY s."retailerId"
      ), gaps AS MATERIALIZED (
        SELECT d."retailerId", COUNT(*)::int AS n, SUM(g.gap)::int AS total, SUM(g.gap::bigint * g.gap)::bigint AS squares
        FROM (
          SELECT DISTINCT o."retailerId", o."orderDate" FROM "Order" o
          WHERE o.status = 'CONFIRMED' AND o."orderDate" >= ${from} AND o."orderDate" < ${to}
        ) d
        CROSS JOIN LATERAL (
          SELECT d."orderDate" - MAX(e."orderDate") AS gap FROM "Order" e
          WHERE e."retailerId" = d."retailerId" AND e.status = 'CONFIRMED' AND e."orderDate" < d."orderDate"
        ) g
        WHERE g.gap IS NOT NULL
        GROUP BY d."retailerId"
      )
      INSERT INTO "RetailerMonthProfile" ("month", "retailerId", "quantityTiao", "amountFen", "orderCount", "productCount",
        "premiumTiao", "cyclesOrdered", "intervalCount", "intervalSumDays", "intervalSqDays")
      SELECT ${from}::date, o."retailerId", COALESCE(l.quantity, 0), COALESCE(l.amount, 0), o.orders, COALESCE(l.products, 0),
             COALESCE(l.premium, 0), o.cycles, COALESCE(g.n, 0), COALESCE(g.total, 0), COALESCE(g.squares, 0)
      FROM orders o LEFT JOIN lines l ON l."retailerId" = o."retailerId" LEFT JOIN gaps g ON g."retailerId" = o."retailerId"`;
    // The peer group is the rankings' (district × grade band of shops not cancelled); a product fewer than
    // MIN_PEER_GROUP of them ordered is left out, as the report would leave it out.
    await tx.$executeRaw`
      INSERT INTO "PeerGroupProductMonth" ("month", "districtId", "gradeBand", "productId", "shops")
      SELECT ${from}::date, r."districtId", COALESCE(CEIL(r.grade / 10.0), 0)::smallint, s."productId", COUNT(*)::int
      FROM "RetailerProductMonth" s JOIN "Retailer" r ON r.id = s."retailerId"
      WHERE s.month = ${from}::date AND r.status <> 'CANCELLED'
      GROUP BY r."districtId", COALESCE(CEIL(r.grade / 10.0), 0), s."productId"
      HAVING COUNT(*) >= ${MIN_PEER_GROUP}`;
    await computeMonthlyCapabilities(tx, month);
    return rows;
  }, SUMMARY_TRANSACTION);
}

/**
 * The monthly job: last month's sums, then one inbox notice per shop that ordered (once: a notice already
 * there for the month is not written again).
 */
export async function runMonthlyReports(db: Db, payload: { month?: string }, now: Date): Promise<void> {
  const month = payload.month ?? lastClosedMonth(now);
  await computeMonthlyProductSales(db, month);
  const link = `/report?month=${month}`;
  await db.$executeRaw`
    INSERT INTO "Notification" ("retailerId", kind, "messageKey", params, link, "createdAt")
    SELECT s."retailerId", 'SYSTEM'::"NotificationKind", 'report.notice.ready', jsonb_build_object('month', ${month}::text), ${link}, ${now}
    FROM (SELECT DISTINCT "retailerId" FROM "RetailerProductMonth" WHERE month = ${monthRange(month).from}::date) s
    WHERE NOT EXISTS (
      SELECT 1 FROM "Notification" n WHERE n."retailerId" = s."retailerId" AND n.link = ${link} AND n."messageKey" = 'report.notice.ready')`;
}

/** Enqueues last month's report job once per month (the schedule's unique key). */
export async function enqueueMonthlyReports(db: Db, now: Date): Promise<void> {
  const month = lastClosedMonth(now);
  await enqueueJob(db, { queue: REPORTS_QUEUE, payload: { month }, uniqueKey: `reports:month:${month}` });
}

type Sums = { quantityTiao: number; amountFen: number; orderCount: number };
const none: Sums = { quantityTiao: 0, amountFen: 0, orderCount: 0 };

/** The caller's own report for a month (default: the newest one there is). */
export async function getMyReport({ db, actor }: RetailerDeps, rawInput: TMyReportInput): Promise<TMyReport> {
  return reportFor(db, actor.retailerId, ZMyReportInput.parse(rawInput).month);
}

/**
 * A shop's report as its account manager (or anyone who may read every shop) sees it: the same report the
 * shop reads. Another manager's shop is NOT_FOUND.
 */
export async function getRetailerReport({ db, actor }: StaffDeps, rawInput: TRetailerReportInput): Promise<TMyReport> {
  const input = ZRetailerReportInput.parse(rawInput);
  const shop = await db.retailer.findFirst({ where: { id: input.retailerId, ...retailerScope(actor) }, select: { id: true } });
  if (!shop) throw notFound();
  return reportFor(db, shop.id, input.month);
}

async function reportFor(db: Db, me: number, requestedMonth: string | undefined): Promise<TMyReport> {
  const input = { month: requestedMonth };
  const monthRows = await db.$queryRaw<{ month: Date }[]>`
    SELECT DISTINCT month FROM "RetailerProductMonth" WHERE "retailerId" = ${me} ORDER BY month DESC LIMIT 24`;
  const months = monthRows.map((r) => r.month.toISOString().slice(0, 7));
  const month = input.month ?? months[0] ?? null;
  const empty: TMyReport = {
    month,
    months,
    computedAt: null,
    totals: { current: none, previous: none, lastYear: none },
    byClass: [],
    byBrand: [],
    scarce: { quantityTiao: 0, share: null },
    standing: { sales: null, frequency: null, groupTooSmall: false },
    peerProducts: [],
    summary: [{ key: 'report.summary.noOrders', params: {} }],
    comment: month ? await reportCommentFor(db, me, month) : null,
  };
  if (!month) return empty;
  const at = (m: string) => monthRange(m).from;
  const [current, previous, lastYear] = [at(month), at(shiftMonth(month, -1)), at(shiftMonth(month, -12))];

  const [classes, brands, rank, comment] = await Promise.all([
    db.$queryRaw<{ month: Date; productClass: number; scarce: boolean; quantity: bigint; amount: bigint; orders: bigint }[]>`
      SELECT s.month, p."productClass", p.scarce, SUM(s."quantityTiao") AS quantity, SUM(s."amountFen") AS amount, MAX(s."orderCount") AS orders
      FROM "RetailerProductMonth" s JOIN "Product" p ON p.id = s."productId"
      WHERE s."retailerId" = ${me} AND s.month IN (${current}::date, ${previous}::date, ${lastYear}::date)
      GROUP BY s.month, p."productClass", p.scarce`,
    db.$queryRaw<{ brand: string; quantity: bigint; previous: bigint; amount: bigint }[]>`
      SELECT p.brand, SUM(s."quantityTiao") FILTER (WHERE s.month = ${current}::date) AS quantity,
             SUM(s."quantityTiao") FILTER (WHERE s.month = ${previous}::date) AS previous,
             SUM(s."amountFen") FILTER (WHERE s.month = ${current}::date) AS amount
      FROM "RetailerProductMonth" s JOIN "Product" p ON p.id = s."productId"
      WHERE s."retailerId" = ${me} AND s.month IN (${current}::date, ${previous}::date)
      GROUP BY p.brand ORDER BY quantity DESC NULLS LAST, p.brand LIMIT 10`,
    db.retailerMonthRank.findUnique({
      where: { month_retailerId: { month: current, retailerId: me } },
      select: {
        salesRank: true,
        frequencyRank: true,
        groupSize: true,
        districtId: true,
        gradeBand: true,
        computedAt: true,
        orderCount: true,
      },
    }),
    reportCommentFor(db, me, month),
  ]);

  const sumFor = (m: Date): Sums => {
    const rows = classes.filter((r) => r.month.getTime() === m.getTime());
    return {
      quantityTiao: rows.reduce((s, r) => s + Number(r.quantity), 0),
      amountFen: rows.reduce((s, r) => s + Number(r.amount), 0),
      // Orders are counted per product; the ranking row has the month's real order count for the current month.
      orderCount: rows.reduce((s, r) => Math.max(s, Number(r.orders)), 0),
    };
  };
  const totals = { current: sumFor(current), previous: sumFor(previous), lastYear: sumFor(lastYear) };
  if (rank) totals.current.orderCount = rank.orderCount;

  const classIds = [...new Set(classes.map((r) => r.productClass))].sort((a, b) => a - b);
  const classSum = (m: Date, c: number, field: 'quantity' | 'amount') =>
    classes.filter((r) => r.month.getTime() === m.getTime() && r.productClass === c).reduce((s, r) => s + Number(r[field]), 0);
  const byClass = classIds.map((c) => ({
    productClass: c,
    quantityTiao: classSum(current, c, 'quantity'),
    previousTiao: classSum(previous, c, 'quantity'),
    lastYearTiao: classSum(lastYear, c, 'quantity'),
    amountFen: classSum(current, c, 'amount'),
  }));
  const scarceTiao = classes.filter((r) => r.month.getTime() === current.getTime() && r.scarce).reduce((s, r) => s + Number(r.quantity), 0);

  const groupTooSmall = rank !== null && rank.groupSize < MIN_PEER_GROUP;
  const peerProducts =
    rank && !groupTooSmall
      ? (
          await db.$queryRaw<{ productId: number; brand: string; name: string; shops: number }[]>`
            SELECT p.id AS "productId", p.brand, p.name, g.shops
            FROM "PeerGroupProductMonth" g JOIN "Product" p ON p.id = g."productId"
            WHERE g.month = ${current}::date AND g."districtId" = ${rank.districtId} AND g."gradeBand" = ${rank.gradeBand}
              AND p.active
              AND NOT EXISTS (
                SELECT 1 FROM "RetailerProductMonth" mine
                WHERE mine."retailerId" = ${me} AND mine."productId" = p.id
                  AND mine.month > ${at(shiftMonth(month, -6))}::date AND mine.month <= ${current}::date)
            ORDER BY g.shops DESC, p.id LIMIT 5`
        ).map((p) => ({
          productId: p.productId,
          brand: p.brand,
          name: p.name,
          peerShare: Math.round((p.shops / (rank.groupSize - 1)) * 100),
        }))
      : [];

  const sales = rank ? standingBand(rank.salesRank, rank.groupSize) : null;
  return {
    month,
    months,
    computedAt: rank?.computedAt ?? null,
    totals,
    byClass,
    byBrand: brands.map((b) => ({
      brand: b.brand,
      quantityTiao: Number(b.quantity ?? 0),
      previousTiao: Number(b.previous ?? 0),
      amountFen: Number(b.amount ?? 0),
    })),
    scarce: {
      quantityTiao: scarceTiao,
      share: totals.current.quantityTiao ? Math.round((scarceTiao / totals.current.quantityTiao) * 1000) / 10 : null,
    },
    standing: { sales, frequency: rank ? standingBand(rank.frequencyRank, rank.groupSize) : null, groupTooSmall },
    peerProducts,
    summary: summaryLines({
      quantity: totals.current.quantityTiao,
      previousQuantity: totals.previous.quantityTiao,
      lastYearQuantity: totals.lastYear.quantityTiao,
      standing: sales,
      suggestion: peerProducts[0] ? `${peerProducts[0].brand}（${peerProducts[0].name}）` : null,
    }),
    comment,
  };
}
