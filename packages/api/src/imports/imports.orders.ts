import type { DbTx } from '@tobacco/db/client';
import { Prisma } from '@tobacco/db/client';
import { z } from 'zod';
import { policyDue, policyInForceSql } from '../allocation/allocation.service';
import { addDays } from '../schedule/calendar.rules';
import { cycleOfOrder } from '../schedule/schedule.rules';
import { CALENDAR_DAYS_AFTER, CALENDAR_DAYS_BEFORE, loadScheduleSettings, workCalendarOf } from '../schedule/schedule.service';
import { flagRows, type ImportKindSpec, type ImportRunRef } from './imports.kind';
import { chinaDateTimeCell, choiceCell, codeCell, licenceCell, wholeCell, yuanCell } from './imports.rules';

// Orders from the ordering system's export (新商盟 / 分销系统), one row per order line. The same rules as the
// ingestion API: the cycle comes from the order time and the shop's order day on the calendar, and lines
// beyond the shop's limit are stored and flagged, not refused. An order number already stored, a product
// twice in one order, or an order whose rows disagree is reported; with "apply the valid rows" an order
// is written whole or not at all.

const COLUMNS = [
  { field: 'licenceNo', names: ['许可证号', '专卖许可证号', '客户许可证号', 'licence_no'], required: true },
  { field: 'orderNo', names: ['订单号', '订单编号', 'order_no', 'external_order_no'], required: true },
  { field: 'orderedAt', names: ['订货时间', '下单时间', '订单时间', 'ordered_at'], required: true },
  { field: 'productCode', names: ['卷烟编码', '规格编码', '商品编码', '卷烟代码', 'product_code'], required: true },
  { field: 'quantity', names: ['数量(条)', '数量', '订货量', 'quantity'], required: true },
  { field: 'unitPriceFen', names: ['单价(元)', '单价', '批发价', 'unit_price'], required: true },
  { field: 'status', names: ['状态', '订单状态', 'status'], required: false },
  { field: 'channel', names: ['渠道', '订货方式', 'channel'], required: false },
] as const;

const ORDER_NO = z
  .string()
  .min(1, 'imports.error.required')
  .max(64, 'imports.error.tooLong')
  .regex(/^[\x21-\x7e]+$/, 'imports.error.orderNo');

const ZOrderRow = z.object({
  licenceNo: licenceCell,
  orderNo: ORDER_NO,
  orderedAt: chinaDateTimeCell,
  productCode: codeCell,
  quantity: wholeCell(1, 100_000),
  unitPriceFen: yuanCell,
  status: choiceCell(
    {
      确认: 'CONFIRMED',
      已确认: 'CONFIRMED',
      有效: 'CONFIRMED',
      confirmed: 'CONFIRMED',
      取消: 'CANCELLED',
      已取消: 'CANCELLED',
      作废: 'CANCELLED',
      cancelled: 'CANCELLED',
    },
    'CONFIRMED',
  ),
  channel: choiceCell(
    {
      网上: 'ONLINE',
      网上订货: 'ONLINE',
      网络: 'ONLINE',
      online: 'ONLINE',
      电话: 'PHONE',
      电话订货: 'PHONE',
      phone: 'PHONE',
      拜访: 'VISIT',
      访销: 'VISIT',
      visit: 'VISIT',
    },
    'ONLINE',
  ),
});

const isoDate = (value: Date) => value.toISOString().slice(0, 10);

// The China date of an order time, in SQL (China has kept UTC+8 without daylight saving since 1991).
const CHINA_DAY = Prisma.sql`(((s.data->>'orderedAt')::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date`;

/** Each (order day, shop's order weekday) in the file, with the cycle the product's calendar rule gives it. */
async function cycleMap(tx: DbTx, runId: number) {
  const pairs = await tx.$queryRaw<{ day: Date; weekday: number }[]>`
    SELECT DISTINCT ${CHINA_DAY} AS day, r."orderWeekday" AS weekday
    FROM "ImportStagedRow" s JOIN "Retailer" r ON r."licenceNo" = ${LICENCE}
    WHERE s."runId" = ${runId} AND s.valid`;
  if (pairs.length === 0)
    return { days: [] as string[], weekdays: [] as number[], cycleIds: [] as (number | null)[], weekStarts: new Map<number, string>() };
  const days = pairs.map((p) => isoDate(p.day));
  const first = days.reduce((a, b) => (a < b ? a : b));
  const last = days.reduce((a, b) => (a > b ? a : b));
  const calendarRows = await tx.calendarDay.findMany({
    where: {
      date: {
        gte: new Date(`${addDays(first, -CALENDAR_DAYS_BEFORE)}T00:00:00Z`),
        lte: new Date(`${addDays(last, CALENDAR_DAYS_AFTER)}T00:00:00Z`),
      },
    },
    select: { date: true, kind: true, name: true },
  });
  const { calendar } = workCalendarOf(calendarRows);
  // Noon China time of the day: the rule reads the day, not the hour.
  const starts = pairs.map((p, i) => cycleOfOrder(new Date(`${days[i]}T04:00:00Z`), p.weekday, calendar));
  const cycles = await tx.orderCycle.findMany({
    where: { weekStart: { in: [...new Set(starts)].map((d) => new Date(`${d}T00:00:00Z`)) } },
    select: { id: true, weekStart: true },
  });
  const byStart = new Map(cycles.map((c) => [isoDate(c.weekStart), c.id]));
  return {
    days,
    weekdays: pairs.map((p) => p.weekday),
    cycleIds: starts.map((s) => byStart.get(s) ?? null),
    weekStarts: new Map(cycles.map((c) => [c.id, isoDate(c.weekStart)])),
  };
}

// The licence number as the column's type (char(12)), so the join uses the column's unique index.
const LICENCE = Prisma.sql`(s.data->>'licenceNo')::char(12)`;

const staged = (runId: number) => Prisma.sql`"ImportStagedRow" s WHERE s."runId" = ${runId} AND s.valid`;

async function verify(tx: DbTx, run: ImportRunRef): Promise<number> {
  const id = run.id;
  let errors = 0;
  errors += await flagRows(
    tx,
    id,
    Prisma.sql`SELECT s.line, 'licenceNo' AS "column", 'imports.error.unknownLicence' AS code, s.data->>'licenceNo' AS value
      FROM ${staged(id)} AND NOT EXISTS (SELECT 1 FROM "Retailer" r WHERE r."licenceNo" = ${LICENCE})`,
  );
  errors += await flagRows(
    tx,
    id,
    Prisma.sql`SELECT s.line, 'productCode' AS "column", 'imports.error.unknownProduct' AS code, s.data->>'productCode' AS value
      FROM ${staged(id)} AND NOT EXISTS (SELECT 1 FROM "Product" p WHERE p.code = s.data->>'productCode')`,
  );
  // One order number, one order: its rows must agree on shop, time, status and channel.
  errors += await flagRows(
    tx,
    id,
    Prisma.sql`SELECT s.line, 'orderNo' AS "column", 'imports.error.orderInconsistent' AS code, s.data->>'orderNo' AS value
      FROM ${staged(id)} AND s.data->>'orderNo' IN (
        SELECT x.data->>'orderNo' FROM "ImportStagedRow" x WHERE x."runId" = ${id} AND x.valid GROUP BY 1
        HAVING count(DISTINCT (x.data->>'licenceNo', x.data->>'orderedAt', x.data->>'status', x.data->>'channel')) > 1)`,
  );
  errors += await flagRows(
    tx,
    id,
    Prisma.sql`SELECT line, 'productCode' AS "column", 'imports.error.duplicateLine' AS code, code_value AS value FROM (
        SELECT s.line, s.data->>'productCode' AS code_value,
          row_number() OVER (PARTITION BY s.data->>'orderNo', s.data->>'productCode' ORDER BY s.line) AS n
        FROM ${staged(id)}) d WHERE n > 1`,
  );
  errors += await flagRows(
    tx,
    id,
    Prisma.sql`SELECT s.line, 'orderNo' AS "column", 'imports.error.orderExists' AS code, s.data->>'orderNo' AS value
      FROM ${staged(id)} AND EXISTS (SELECT 1 FROM "Order" o WHERE o."externalRef" = s.data->>'orderNo')`,
  );
  const map = await cycleMap(tx, id);
  errors += await flagRows(
    tx,
    id,
    Prisma.sql`SELECT s.line, 'orderedAt' AS "column", 'imports.error.noCycle' AS code, s.data->>'orderedAt' AS value
      FROM ${staged(id)} AND EXISTS (
        SELECT 1 FROM "Retailer" r, unnest(${map.days}::date[], ${map.weekdays}::int[], ${map.cycleIds}::int[]) AS m(day, weekday, cycle_id)
        WHERE r."licenceNo" = ${LICENCE} AND m.weekday = r."orderWeekday" AND m.day = ${CHINA_DAY} AND m.cycle_id IS NULL)`,
  );
  // An order is written whole or not at all: the other lines of an order with a bad line are held back too.
  errors += await flagRows(
    tx,
    id,
    Prisma.sql`SELECT s.line, 'orderNo' AS "column", 'imports.error.orderIncomplete' AS code, s.data->>'orderNo' AS value
      FROM ${staged(id)} AND s.data->>'orderNo' IN (SELECT x.data->>'orderNo' FROM "ImportStagedRow" x WHERE x."runId" = ${id} AND NOT x.valid)`,
  );
  return errors;
}

// The apply works on two temporary tables (dropped at commit) rather than CTEs: analysed, they give the
// planner row counts, so a million lines join by hash instead of a nested loop over CTE scans.
async function apply(tx: DbTx, run: ImportRunRef): Promise<{ applied: number; summary: Record<string, number> }> {
  const id = run.id;
  const map = await cycleMap(tx, id);
  await tx.$executeRaw`
    CREATE TEMP TABLE import_lines ON COMMIT DROP AS
    SELECT s.line, s.data->>'orderNo' AS order_no, r.id AS retailer_id, r.grade, m.cycle_id, m.day, (s.data->>'orderedAt')::timestamptz AS ordered_at,
      p.id AS product_id, (s.data->>'quantity')::int AS quantity, (s.data->>'unitPriceFen')::int AS price,
      s.data->>'status' AS status, s.data->>'channel' AS channel, 0 AS over_limit
    FROM "ImportStagedRow" s
    JOIN "Retailer" r ON r."licenceNo" = ${LICENCE}
    JOIN "Product" p ON p.code = s.data->>'productCode'
    JOIN unnest(${map.days}::date[], ${map.weekdays}::int[], ${map.cycleIds}::int[]) AS m(day, weekday, cycle_id)
      ON m.day = ${CHINA_DAY} AND m.weekday = r."orderWeekday"
    WHERE s."runId" = ${id} AND s.valid`;
  await tx.$executeRaw`
    CREATE TEMP TABLE import_orders ON COMMIT DROP AS
    SELECT nextval(pg_get_serial_sequence('"Order"', 'id'))::int AS id, order_no, min(retailer_id) AS retailer_id, min(cycle_id) AS cycle_id,
      min(day) AS day, min(channel) AS channel, min(status) AS status, sum(quantity)::int AS quantity, sum(quantity::bigint * price) AS amount,
      min(ordered_at) AS ordered_at
    FROM import_lines GROUP BY order_no`;
  await tx.$executeRaw`ANALYZE import_lines`;
  await tx.$executeRaw`ANALYZE import_orders`;
  const flagged = await flagOverLimit(tx, map.weekStarts, run.now);
  const orders = await tx.$executeRaw`
    INSERT INTO "Order" (id, "retailerId", "cycleId", "orderDate", channel, status, "totalQuantity", "totalAmountFen", "externalRef", "orderedAt", "importRunId")
    SELECT id, retailer_id, cycle_id, day, channel::"OrderChannel", status::"OrderStatus", quantity, amount, order_no, ordered_at, ${id}
    FROM import_orders`;
  const lines = await tx.$executeRaw`
    INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen", "overLimitBy")
    SELECT o.id, l.product_id, l.quantity, l.price, l.quantity::bigint * l.price, l.over_limit
    FROM import_lines l JOIN import_orders o USING (order_no)`;
  return { applied: lines, summary: { orders, lines, overLimitLines: flagged } };
}

/**
 * Marks the file's lines that go beyond the shop's limit in their cycle (the policy in force, with
 * carry-forward, plus adjustments), counting the shop's other confirmed orders of the cycle first and the
 * file's own orders in the order they were placed: the same figure the ingestion API gives one order.
 */
async function flagOverLimit(tx: DbTx, weekStarts: ReadonlyMap<number, string>, now: Date): Promise<number> {
  const settings = await loadScheduleSettings(tx);
  const cycleIds: number[] = [];
  const policyIds: number[] = [];
  for (const [cycleId, weekStart] of weekStarts) {
    const policy = await tx.$queryRaw<{ id: number }[]>(
      policyInForceSql({ cycleId, weekStart, carryForward: policyDue(weekStart, now, settings), now }),
    );
    if (policy[0]) {
      cycleIds.push(cycleId);
      policyIds.push(policy[0].id);
    }
  }
  if (cycleIds.length === 0) return 0;
  return tx.$executeRaw`
    WITH pol AS (SELECT * FROM unnest(${cycleIds}::int[], ${policyIds}::int[]) AS t(cycle_id, policy_id)),
    limited AS (
      SELECT l.line, l.quantity, l.retailer_id, l.cycle_id, l.product_id, al."limitQuantity",
        sum(l.quantity) OVER (PARTITION BY l.retailer_id, l.cycle_id, l.product_id ORDER BY o.ordered_at, o.id, l.line) AS running
      FROM import_lines l JOIN import_orders o USING (order_no)
      JOIN pol ON pol.cycle_id = l.cycle_id
      JOIN "AllocationLimit" al ON al."policyId" = pol.policy_id AND al."productId" = l.product_id AND l.grade BETWEEN al."gradeFrom" AND al."gradeTo"
      WHERE l.status = 'CONFIRMED'),
    shops AS (SELECT DISTINCT retailer_id, cycle_id FROM limited),
    adjusted AS (
      SELECT a."retailerId" AS retailer_id, a."cycleId" AS cycle_id, a."productId" AS product_id, sum(a.delta) AS delta
      FROM "AllocationAdjustment" a JOIN shops s ON s.retailer_id = a."retailerId" AND s.cycle_id = a."cycleId" GROUP BY 1, 2, 3),
    prior AS (
      SELECT o."retailerId" AS retailer_id, o."cycleId" AS cycle_id, ol."productId" AS product_id, sum(ol.quantity) AS quantity
      FROM shops s JOIN "Order" o ON o."retailerId" = s.retailer_id AND o."cycleId" = s.cycle_id
      JOIN "OrderLine" ol ON ol."orderId" = o.id
      WHERE o.status = 'CONFIRMED' GROUP BY 1, 2, 3),
    capped AS (
      SELECT i.line, i.quantity, i.running + coalesce(p.quantity, 0) AS total, greatest(0, i."limitQuantity" + coalesce(a.delta, 0)) AS lim
      FROM limited i
      LEFT JOIN adjusted a USING (retailer_id, cycle_id, product_id)
      LEFT JOIN prior p USING (retailer_id, cycle_id, product_id))
    UPDATE import_lines l SET over_limit = least(c.quantity, c.total - c.lim)::int
    FROM capped c WHERE l.line = c.line AND c.total > c.lim`;
}

export const ORDERS_IMPORT: ImportKindSpec = {
  kind: 'ORDERS',
  permission: 'orders.import',
  columns: COLUMNS,
  row: ZOrderRow,
  maxRows: 2_000_000,
  partial: true,
  verify,
  apply: (tx, run) => apply(tx, run),
};
