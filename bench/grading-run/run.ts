/**
 * A grading run end to end over a quarter of orders, and the review screen's queries, in a throw-away database:
 *   npx tsx bench/grading-run/run.ts [--retailers 300000] [--runs 30]
 * Generates retailers, 13 weekly cycles of confirmed orders (3–9 lines each), then times: start → the
 * queued computation (one INSERT … SELECT) → publish by another manager; then the review's distribution
 * and movers (getRunReview) and the biggest movers page (listRunRows), p50/p95 over `runs` calls. Writes
 * bench/results/grading-run.json and drops the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { computeGradeRun, createGradeRun, publishGradeRun } from '../../packages/api/src/grading/grading.run.service';
import { getRunReview, listRunRows } from '../../packages/api/src/grading/grading.review.service';
import { lastEndedPeriod } from '../../packages/api/src/grading/grading.rules';
import { JOB_HANDLERS } from '../../packages/api/src/jobs/jobs.handlers';
import { installJobQueue, stopJobQueues } from '../../packages/api/src/jobs/jobs.service';
import { createDb } from '../../packages/db/src/client';
import { createDatabase, databaseUrlFor, dropDatabase, ensureDatabase } from '../../packages/db/src/embedded';
import { dbEnv } from '../../packages/db/src/env';
import { applyMigrations } from '../../packages/db/src/migrate';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RETAILERS = arg('retailers', 300_000);
const RUNS = arg('runs', 30);
const DISTRICTS = 12;
const PRODUCTS = 60;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (n: number) => Math.round(n * 10) / 10;

// A fixed "today": the quarter before it is the one graded, whatever day the bench runs.
const now = new Date('2026-04-10T02:00:00Z');
const period = lastEndedPeriod('2026-04-10', 3);

const server = await ensureDatabase('postgres');
const name = `bench_grading_run_${process.pid}`;
const url = databaseUrlFor(server.adminUrl, name);
await createDatabase(server.adminUrl, name);
const db = createDb(url, { max: 8 });
try {
  await applyMigrations(url);
  // Starting a run enqueues its computation (and publishing, the shops' messages): the job queue must exist in
  // this database and be the one the services send to. Nothing works the queue here; the bench computes itself.
  await installJobQueue(url, Object.keys(JOB_HANDLERS));
  Object.assign(dbEnv, { databaseUrl: url });
  const t0 = performance.now();
  await db.$executeRawUnsafe(
    `INSERT INTO "District" (code, name, "nameEn") SELECT 'B' || g, '区县' || g, 'District ' || g FROM generate_series(1, ${DISTRICTS}) g`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "StaffUser" (username, name, "passwordHash") VALUES ('bench_marketing', '营销', 'x'), ('bench_manager', '经理', 'x')`,
  );
  await db.$executeRawUnsafe(`
    INSERT INTO "Product" (code, brand, name, "productClass", "wholesalePriceFen", "retailPriceFen", scarce, "launchedOn")
    SELECT 'P' || g, '品牌' || (g % 12), '规格' || g, 1 + g % 5, 5000 + (g * 731) % 40000, 6000 + (g * 731) % 40000, false, DATE '2020-01-01'
    FROM generate_series(1, ${PRODUCTS}) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Retailer" ("licenceNo", "shopName", "ownerName", phone, address, "districtId", market, "businessForm", "sizeClass",
      "classificationCode", "orderWeekday", grade, "integrityLevel", "openedOn", "updatedAt")
    SELECT lpad((340000000000 + g)::text, 12, '0'), '商店' || g, '店主' || g, '139' || lpad(g::text, 8, '0'), '路' || g || '号',
      (SELECT min(id) FROM "District") + g % ${DISTRICTS},
      (CASE WHEN g % 3 = 0 THEN 'X' ELSE 'C' END)::"Market", (ARRAY['Z','B','S','N','Y','F','Q'])[1 + g % 7]::"BusinessForm", 1 + g % 3,
      'CZ1', 1 + g % 7, 1 + g % 30,
      (ARRAY['AAA','AA','A','A','A','B','C','D'])[1 + g % 8]::"IntegrityLevel",
      CASE WHEN g % 50 = 0 THEN DATE '${period.ordersFrom}' + 30 ELSE DATE '2020-01-01' END, now()
    FROM generate_series(1, ${RETAILERS}) g`);
  const mondays = await db.$queryRawUnsafe<{ monday: string }[]>(`
    SELECT to_char(d, 'YYYY-MM-DD') AS monday FROM generate_series(date_trunc('week', DATE '${period.ordersFrom}')::date, DATE '${period.ordersTo}', interval '7 days') d`);
  for (const { monday } of mondays) {
    await db.$executeRawUnsafe(
      `INSERT INTO "OrderCycle" (code, "weekStart", "weekEnd") VALUES ('C${monday}', DATE '${monday}', DATE '${monday}' + 6)`,
    );
  }
  await db.$executeRawUnsafe(`
    INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, status, "totalQuantity", "totalAmountFen")
    SELECT r.id, c.id, c."weekStart" + (r."orderWeekday" - 1), 'ONLINE', 'CONFIRMED', 0, 0
    FROM "Retailer" r CROSS JOIN "OrderCycle" c
    WHERE abs(hashtext(r.id || ':' || c.id)) % 100 >= 7`);
  await db.$executeRawUnsafe(`
    INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen")
    SELECT DISTINCT ON (o.id, p.id) o.id, p.id, q, p."wholesalePriceFen", q * p."wholesalePriceFen"
    FROM "Order" o
    CROSS JOIN LATERAL generate_series(1, 3 + abs(hashtext(o.id || ':n')) % 7) k
    JOIN "Product" p ON p.id = (SELECT min(id) FROM "Product") + abs(hashtext(o.id || ':' || k)) % ${PRODUCTS}
    CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(o.id || ':q' || k)) % (2 + o."retailerId" % 20) AS q) qq
    ORDER BY o.id, p.id`);
  await db.$executeRawUnsafe(`ANALYZE`);
  const counts = (
    await db.$queryRawUnsafe<{ orders: number; lines: number }[]>(
      `SELECT (SELECT count(*) FROM "Order")::int AS orders, (SELECT count(*) FROM "OrderLine")::int AS lines`,
    )
  )[0]!;
  const generatedS = (performance.now() - t0) / 1000;
  console.log(`generated ${RETAILERS} retailers, ${counts.orders} orders, ${counts.lines} lines in ${generatedS.toFixed(0)} s`);

  const [marketing, manager] = await db.staffUser.findMany({ orderBy: { id: 'asc' } });
  const managerActor = { kind: 'staff' as const, userId: manager!.id, roles: ['MANAGER' as const], districtId: null, departmentId: null };

  const t1 = performance.now();
  const run = await db.$transaction((tx) => createGradeRun(tx, { period, startedById: marketing!.id, now, reason: null }));
  await computeGradeRun(db, { runId: run.id }, now);
  const computedMs = performance.now() - t1;
  const computed = await db.gradeRun.findUniqueOrThrow({ where: { id: run.id } });
  if (computed.state !== 'DRAFT') throw new Error(`run failed: ${computed.error}`);
  const t2 = performance.now();
  await publishGradeRun({ db, actor: managerActor, clock: () => now }, { runId: run.id });
  const publishMs = performance.now() - t2;
  console.log(`draft run ${ms(computedMs)} ms (${computed.retailerCount} rows), publish ${ms(publishMs)} ms`);

  const deps = { db, actor: managerActor, clock: () => now };
  const time = async (fn: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const s = performance.now();
      await fn();
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    return { p50: ms(percentile(times, 50)), p95: ms(percentile(times, 95)), max: ms(times.at(-1)!) };
  };
  const review = await time(() => getRunReview(deps, { runId: run.id }));
  const movers = await time(() => listRunRows(deps, { runId: run.id, sort: 'up', page: 1, pageSize: 20 }));
  console.log('review (distribution + movers per district)', review, 'biggest movers page', movers);

  const result = {
    recordedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      loadavg: os.loadavg().map((l) => Math.round(l * 10) / 10),
      node: process.version,
    },
    data: { retailers: RETAILERS, orders: counts.orders, lines: counts.lines, cycles: mondays.length, generatedS: Math.round(generatedS) },
    draftRunMs: ms(computedMs),
    publishMs: ms(publishMs),
    review,
    movers,
  };
  fs.mkdirSync(path.join(import.meta.dirname, '..', 'results'), { recursive: true });
  fs.writeFileSync(path.join(import.meta.dirname, '..', 'results', 'grading-run.json'), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
} finally {
  await db.$disconnect();
  await stopJobQueues();
  await dropDatabase(server.adminUrl, name);
  await server.stop();
}
