/**
 * The anomaly run of one closed cycle, and the retailer 360 timeline, in a throw-away database:
 *   npx tsx bench/anomalies/run.ts [--retailers 50000] [--weeks 13] [--lines 2] [--runs 200]
 * Generates `retailers` shops with one order a week of `lines` lines for the last `weeks` weeks (a month-
 * closing cycle reads the last two months plus the baseline: 13 weeks is what the run can touch), times
 * runCycleAnomalies on the last cycle (which closes a month, so the month rules run too), runs it a second
 * time (the idempotent path), then times the timeline's first and a deep page for a shop with three years
 * of history. Writes bench/results/anomalies.json and drops the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCycleAnomalies } from '../../packages/api/src/alerts/alerts.run';
import { readTimeline } from '../../packages/api/src/retailers/retailer360.timeline';
import { addDays } from '../../packages/api/src/schedule/calendar.rules';
import { createDb } from '../../packages/db/src/client';
import { createDatabase, databaseUrlFor, dropDatabase, ensureDatabase } from '../../packages/db/src/embedded';
import { applyMigrations } from '../../packages/db/src/migrate';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RETAILERS = arg('retailers', 50_000);
const WEEKS = arg('weeks', 13);
const LINES = arg('lines', 2);
const RUNS = arg('runs', 200);
const HISTORY_WEEKS = 156;

// A month-closing cycle: the week holding 31 May 2026 (Monday 25 May – Sunday 31 May).
const CYCLE = '2026-05-25';
const NOW = new Date('2026-06-02T02:00:00Z');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const server = await ensureDatabase('postgres');
const name = `bench_anomalies_${process.pid}`;
const url = databaseUrlFor(server.adminUrl, name);
await createDatabase(server.adminUrl, name);
const db = createDb(url, { max: 4 });
const step = async (label: string, sql: string) => {
  const t = performance.now();
  await db.$executeRawUnsafe(sql);
  console.log(`  ${label} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
};
try {
  await applyMigrations(url);
  console.log(
    `› ${RETAILERS.toLocaleString('en')} shops × ${WEEKS} weeks × ${LINES} lines, plus one shop with ${HISTORY_WEEKS} weeks of history`,
  );
  const first = addDays(CYCLE, -7 * (HISTORY_WEEKS - 1));
  await step(
    'cycles, districts, products',
    `
    INSERT INTO "OrderCycle" (code, "weekStart", "weekEnd")
      SELECT 'B' || to_char(d, 'IYYY-IW'), d, d + 6 FROM generate_series(DATE '${first}', DATE '${CYCLE}', interval '7 days') AS g(t), LATERAL (SELECT t::date AS d) x;
    INSERT INTO "District" (code, name, "nameEn") SELECT 'B' || g, '区县' || g, 'District ' || g FROM generate_series(1, 12) g;
    INSERT INTO "StaffUser" (username, name, "passwordHash") VALUES ('bench_am', '客户经理', 'x');
    INSERT INTO "Product" (code, brand, name, "productClass", "wholesalePriceFen", "retailPriceFen", "launchedOn")
      SELECT 'P' || g, '品牌' || (g % 10), '规格' || g, 1 + g % 5, 8000 + g * 500, 10000 + g * 600, DATE '2020-01-01' FROM generate_series(1, 40) g;`,
  );
  await step(
    'shops',
    `
    INSERT INTO "Retailer" ("licenceNo", "shopName", "ownerName", phone, address, "districtId", market, "businessForm", "sizeClass", "classificationCode",
      "accountManagerId", "orderWeekday", grade, "integrityLevel", "openedOn", "updatedAt")
    SELECT lpad(g::text, 12, '0'), '商店' || g, '店主' || g, '139' || lpad(g::text, 8, '0'), '某路' || g || '号',
      (SELECT min(id) FROM "District") + g % 12, 'C', 'Z', 2, 'CZ2', (SELECT id FROM "StaffUser" LIMIT 1), 1 + g % 5, 1 + g % 30, 'A', DATE '2015-01-01', now()
    FROM generate_series(1, ${RETAILERS}) g`,
  );
  // About 7 % of shop-weeks without an order; about 1 % of orders 3× the usual (spikes for the run to find).
  await step(
    'orders',
    `
    INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, status, "totalQuantity", "totalAmountFen")
    SELECT r.id, c.id, c."weekStart" + (r."orderWeekday" - 1), 'ONLINE', 'CONFIRMED', 0, 0
    FROM "Retailer" r JOIN "OrderCycle" c ON c."weekStart" > DATE '${CYCLE}' - ${7 * WEEKS}
    WHERE abs(hashtext(r.id || ':' || c.id)) % 100 >= 7`,
  );
  await step(
    'order lines',
    `
    INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen")
    SELECT o.id, p.id, q.quantity, p."wholesalePriceFen", q.quantity * p."wholesalePriceFen"
    FROM "Order" o CROSS JOIN generate_series(1, ${LINES}) k
    JOIN "Product" p ON p.code = 'P' || (1 + abs(hashtext(o.id || ':' || k)) % 40)
    CROSS JOIN LATERAL (SELECT (10 + abs(hashtext(o.id || ':q' || k)) % 20) * CASE WHEN abs(hashtext(o.id::text)) % 100 = 0 THEN 3 ELSE 1 END AS quantity) q`,
  );
  // One shop with three years of everything the timeline shows.
  await step(
    'a shop with three years of history',
    `
    INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, status, "totalQuantity", "totalAmountFen")
      SELECT 1, c.id, c."weekStart" + 1, 'ONLINE', 'CONFIRMED', 40, 400000 FROM "OrderCycle" c
      WHERE NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."retailerId" = 1 AND o."cycleId" = c.id);
    INSERT INTO "Visit" ("retailerId", "staffId", "visitedAt", purpose) SELECT 1, (SELECT id FROM "StaffUser" LIMIT 1), c."weekStart" + interval '1 day 10 hours', '走访' FROM "OrderCycle" c;
    INSERT INTO "PointsEntry" ("retailerId", points, "balanceAfter", reason, "createdAt") SELECT 1, 10, 10 * row_number() OVER (ORDER BY c."weekStart"), 'MANUAL', c."weekStart" + interval '3 days' FROM "OrderCycle" c;
    INSERT INTO "IntegrityRecord" ("retailerId", level, "effectiveFrom", source) SELECT 1, 'A', c."weekStart", '导入' FROM "OrderCycle" c WHERE c.id % 13 = 0;
    INSERT INTO "ChangeRequest" ("retailerId", changes, previous, "createdAt") SELECT 1, '{"phone":"13900000000"}', '{}', c."weekStart" + interval '4 days' FROM "OrderCycle" c WHERE c.id % 26 = 0;
    ANALYZE;`,
  );
  const counts = (
    await db.$queryRawUnsafe<{ orders: bigint; lines: bigint }[]>(
      `SELECT (SELECT count(*) FROM "Order") AS orders, (SELECT count(*) FROM "OrderLine") AS lines`,
    )
  )[0]!;
  const cycle = await db.orderCycle.findUniqueOrThrow({ where: { weekStart: new Date(`${CYCLE}T00:00:00Z`) } });

  const t1 = performance.now();
  const result = await runCycleAnomalies(db, { cycleId: cycle.id }, NOW);
  const firstRunMs = performance.now() - t1;
  const t2 = performance.now();
  const again = await runCycleAnomalies(db, { cycleId: cycle.id }, NOW);
  const secondRunMs = performance.now() - t2;
  console.log(
    `  run: ${(firstRunMs / 1000).toFixed(1)} s, raised ${JSON.stringify(result.raised)}, asked ${result.asked}; again: ${(secondRunMs / 1000).toFixed(1)} s, raised ${JSON.stringify(again.raised)}`,
  );

  const times = { first: [] as number[], deep: [] as number[] };
  const deepCursor = (await readTimeline(db, { retailerId: 1, limit: 400 })).at(-1)!;
  for (let i = 0; i < RUNS; i += 1) {
    let t = performance.now();
    await readTimeline(db, { retailerId: 1, limit: 25 });
    times.first.push(performance.now() - t);
    t = performance.now();
    await readTimeline(db, { retailerId: 1, limit: 25, after: deepCursor });
    times.deep.push(performance.now() - t);
  }
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { p50: +percentile(sorted, 50).toFixed(1), p95: +percentile(sorted, 95).toFixed(1), p99: +percentile(sorted, 99).toFixed(1) };
  };
  const out = {
    recordedAt: new Date().toISOString(),
    retailers: RETAILERS,
    weeks: WEEKS,
    orders: Number(counts.orders),
    orderLines: Number(counts.lines),
    cycle: cycle.code,
    month: result.month,
    raised: result.raised,
    asked: result.asked,
    firstRunSeconds: +(firstRunMs / 1000).toFixed(2),
    secondRunSeconds: +(secondRunMs / 1000).toFixed(2),
    timelineFirstPageMs: stats(times.first),
    timelineDeepPageMs: stats(times.deep),
    loadAverage: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)),
  };
  console.log(JSON.stringify(out, null, 2));
  fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join('bench', 'results', 'anomalies.json'), `${JSON.stringify(out, null, 2)}\n`);
} finally {
  await db.$disconnect();
  await dropDatabase(server.adminUrl, name);
  await server.stop();
}
