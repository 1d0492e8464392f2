/**
 * The analysis screens at province scale (see bench/README.md):
 *   npx tsx bench/analysis/run.ts [--months 3] [--runs 60] [--concurrency 1,4] [--port 3702] [--no-refresh]
 *
 * On the province data set as seeded (`npm run seed -- --scale province`; the database the product's
 * DATABASE_URL, or EMBEDDED_PG_PORT and DATABASE_NAME, name):
 *  1. The monthly refresh: for each of the last `months` closed months, the jobs that keep the analysis
 *     summaries current — product month sales (80/20, composite), the shops' product sums (business report)
 *     and the monthly rankings — each timed; then the nightly executive summaries, the first fill of the
 *     per-cycle demand summary and its hourly refresh of one cycle. Then the summaries are checked against a
 *     direct computation from the order lines (one district and month; the newest closed cycle).
 *  2. Each screen's query, in-process (the back-office procedure through its tRPC caller: permission, scope,
 *     service, Prisma), `runs` calls spread over districts, grade bands, measures, sorts and shops.
 *  3. Each screen through HTTP: the built back office (`next start`, started here), signed in through
 *     next-auth as the demo manager and as provincial account managers, GET of the server-rendered page in a
 *     closed loop per concurrency. Every body must carry what the in-process answer for the same input says
 *     (the first product's name, the shop's name), so a page that errs or shows another shop fails the run.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { StaffActor } from '../../packages/api/src/actor';
import { computeMonthlyProductSales } from '../../packages/api/src/analytics/business-report.service';
import { computeExecutiveSummaries } from '../../packages/api/src/analytics/executive.service';
import { backfillCycleDemand, computeCycleDemand } from '../../packages/api/src/products/forecast.service';
import { createBackofficeCaller } from '../../packages/api/src/backoffice';
import { computeProductMonth } from '../../packages/api/src/products/products.service';
import { computeMonthlyRankings } from '../../packages/api/src/rankings/rankings.service';
import { lastClosedMonth, monthRange, shiftMonth } from '../../packages/api/src/rankings/rankings.rules';
import { createDb } from '../../packages/db/src/client';
import { formatFen } from '../../packages/i18n/src/format';
import { ensureDatabase } from '../../packages/db/src/embedded';
import { applyMigrations } from '../../packages/db/src/migrate';
import { signIn, startApp, waitForServer } from '../portal-http/http';

const { values: args } = parseArgs({
  options: {
    months: { type: 'string', default: '3' },
    runs: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '1,4' },
    seconds: { type: 'string', default: '10' },
    port: { type: 'string', default: '3702' },
    password: { type: 'string', default: 'demo-2026' },
    'no-refresh': { type: 'boolean', default: false },
  },
});
const MONTHS = Number(args.months);
const RUNS = Number(args.runs);
const SECONDS = Number(args.seconds);
const LEVELS = args.concurrency.split(',').map(Number);
const PORT = Number(args.port);
const TARGET_MS = 200;

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const seconds = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await work();
  return [out, (performance.now() - t0) / 1000];
};

/** One screen: the page a person opens, the procedure behind it, and what the page must show for that input. */
type Screen = {
  name: string;
  who: 'manager' | 'accountManager';
  path: (i: number) => string;
  query: (i: number) => Promise<unknown>;
  /** The text the page must show for the answer the procedure gave to the same input ('' when it has none). */
  expect: (answer: unknown) => string;
};

async function main() {
  const server = await ensureDatabase();
  // A data set seeded by an older checkout gains the newer summary tables (empty until step 1 fills them).
  const applied = await applyMigrations(server.url);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  // As the app: the report page runs its statements side by side (a pool of 6 ran dry waiting on them).
  const db = createDb(server.url, { max: 20 });
  let backoffice: ChildProcess | undefined;
  const report: Record<string, unknown> = { recordedAt: new Date().toISOString(), loadBefore: os.loadavg() };
  try {
    const one = <T>(rows: T[]): T => rows[0]!;
    const { shops } = one(
      await db.$queryRaw<{ shops: number }[]>`SELECT count(*)::int AS shops FROM "Retailer" WHERE "licenceNo" LIKE '34%'`,
    );
    if (!shops) throw new Error('No province data set here: run `npm run seed -- --scale province` with the same DATABASE_NAME first.');
    const { lines } = one(
      await db.$queryRaw<{ lines: bigint }[]>`SELECT reltuples::bigint AS lines FROM pg_class WHERE relname = 'OrderLine'`,
    );
    const { newest } = one(await db.$queryRaw<{ newest: Date }[]>`SELECT max("orderDate") AS newest FROM "Order"`);
    // The newest closed month with orders: the province's orders run up to this week.
    const latest = lastClosedMonth(newest);
    const months = Array.from({ length: MONTHS }, (_, k) => shiftMonth(latest, k - MONTHS + 1));
    console.log(
      `${shops.toLocaleString('en')} provincial shops, ≈ ${Number(lines).toLocaleString('en')} order lines; months ${months.join(', ')}; load ${load()}`,
    );

    // ---------------------------------------------------------------- 1. the monthly refresh
    const refresh: { month: string; productMonth: number; shopSums: number; rankings: number; total: number }[] = [];
    if (!args['no-refresh']) {
      for (const month of months) {
        const [, productMonth] = await seconds(() => computeProductMonth(db, month));
        const [, shopSums] = await seconds(() => computeMonthlyProductSales(db, month));
        const [, rankings] = await seconds(() => computeMonthlyRankings(db, month));
        const row = { month, productMonth, shopSums, rankings, total: productMonth + shopSums + rankings };
        refresh.push(row);
        console.log(
          `refresh ${month}: product months ${productMonth.toFixed(1)} s, shop sums ${shopSums.toFixed(1)} s, rankings ${rankings.toFixed(1)} s — ${row.total.toFixed(1)} s (load ${load()})`,
        );
      }
    }
    report.refresh = refresh;
    // The nightly dashboard summaries (all twelve months at once) and the demand summary: its first fill over
    // every closed cycle (a deployment's backfill), then the hourly job's unit, the newest closed cycle.
    const now = new Date();
    const [, executive] = await seconds(() => computeExecutiveSummaries(db, now));
    const [cycleCount, demandBackfill] = await seconds(() => backfillCycleDemand(db, now));
    const newestCycle = one(
      await db.$queryRaw<{ id: number; code: string }[]>`
        SELECT id, code FROM "OrderCycle" WHERE "weekEnd" < ${now} AND EXISTS (SELECT 1 FROM "Order" o WHERE o."cycleId" = "OrderCycle".id)
        ORDER BY "weekStart" DESC LIMIT 1`,
    );
    const [, demandCycle] = await seconds(() => computeCycleDemand(db, [newestCycle.id]));
    report.summaries = { executive, demandBackfill, demandBackfillCycles: cycleCount, demandOneCycle: demandCycle };
    console.log(
      `executive summaries ${executive.toFixed(1)} s; demand summary: first fill of ${cycleCount} cycles ${demandBackfill.toFixed(1)} s, one cycle (${newestCycle.code}) ${demandCycle.toFixed(1)} s (load ${load()})`,
    );
    const [cycleCheck] = await db.$queryRaw<{ lines: bigint; summary: bigint }[]>`
      SELECT (SELECT SUM(l.quantity) FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id
              WHERE o."cycleId" = ${newestCycle.id} AND o.status = 'CONFIRMED')::bigint AS lines,
             (SELECT SUM("quantityTiao") FROM "ProductCycleDemand" WHERE "cycleId" = ${newestCycle.id})::bigint AS summary`;
    if (!cycleCheck?.lines || cycleCheck.lines !== cycleCheck.summary)
      throw new Error(`cycle ${newestCycle.code}: order lines ${cycleCheck?.lines} 条, demand summary ${cycleCheck?.summary}`);
    console.log(`checked: cycle ${newestCycle.code}: ${cycleCheck.lines} 条 in the order lines and in the demand summary`);

    // The summaries against the order lines, for the busiest district in the newest month.
    const { from, to } = monthRange(latest);
    const [direct] = await db.$queryRaw<{ districtId: number; quantity: bigint }[]>`
      SELECT r."districtId", SUM(l.quantity)::bigint AS quantity
      FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id JOIN "Retailer" r ON r.id = o."retailerId"
      WHERE o.status = 'CONFIRMED' AND o."orderDate" >= ${from} AND o."orderDate" < ${to}
      GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
    if (!direct) throw new Error(`No confirmed orders in ${latest}`);
    const [summary] = await db.$queryRaw<{ product: bigint; shop: bigint }[]>`
      SELECT (SELECT SUM("quantityTiao") FROM "ProductMonthSales" WHERE month = ${from}::date AND "districtId" = ${direct.districtId})::bigint AS product,
             (SELECT SUM(s."quantityTiao") FROM "RetailerProductMonth" s JOIN "Retailer" r ON r.id = s."retailerId"
              WHERE s.month = ${from}::date AND r."districtId" = ${direct.districtId})::bigint AS shop`;
    if (summary?.product !== direct.quantity || summary.shop !== direct.quantity)
      throw new Error(
        `${latest}, district ${direct.districtId}: order lines ${direct.quantity} 条, product months ${summary?.product}, shop sums ${summary?.shop}`,
      );
    console.log(`checked: ${latest}, district ${direct.districtId}: ${direct.quantity} 条 in the order lines and in both summaries`);

    // ---------------------------------------------------------------- who calls
    const staff = async (where: string) =>
      db.$queryRawUnsafe<{ id: number; username: string; role: string }[]>(
        `SELECT u.id, u.username, g.role FROM "StaffUser" u JOIN "StaffRoleGrant" g ON g."userId" = u.id WHERE ${where} ORDER BY u.id`,
      );
    const [manager] = await staff(`u.username = 'manager'`);
    if (!manager) throw new Error('The demo manager is missing');
    const ams = (await staff(`u.username LIKE 'pam%' AND g.role = 'ACCOUNT_MANAGER'`)).slice(0, 8);
    const actor = (u: { id: number; role: string }): StaffActor => ({
      kind: 'staff',
      userId: u.id,
      roles: [u.role as StaffActor['roles'][number]],
      districtId: null,
      departmentId: null,
    });
    const managerRoles = (await staff(`u.id = ${manager.id}`)).map((r) => r.role as StaffActor['roles'][number]);
    const managerCaller = createBackofficeCaller({
      db,
      actor: { ...actor(manager), roles: managerRoles },
      requestId: 'bench',
      clock: () => new Date(),
    });
    const amCallers = ams.map((u) => createBackofficeCaller({ db, actor: actor(u), requestId: 'bench', clock: () => new Date() }));
    // Each account manager's own shops that ordered in the newest month (their reports have figures).
    const amShops = await Promise.all(
      ams.map(
        (u) =>
          db.$queryRaw<{ id: number }[]>`
          SELECT r.id FROM "Retailer" r
          WHERE r."accountManagerId" = ${u.id}
            AND EXISTS (SELECT 1 FROM "RetailerProductMonth" s WHERE s."retailerId" = r.id AND s.month = ${from}::date)
          ORDER BY r.id LIMIT 25`,
      ),
    );
    // The province's districts (the demo company's few shops would give empty pages, not a measurement).
    const districts = (
      await db.$queryRaw<{ id: number }[]>`SELECT "districtId" AS id FROM "Retailer" GROUP BY 1 HAVING count(*) >= 1000 ORDER BY 1`
    ).map((d) => d.id);
    const pick = <T>(list: T[], i: number) => list[i % list.length]!;
    const measures = ['volume', 'amount'] as const;
    const sorts = ['amount', 'volume', 'growth', 'reach', 'fulfilment', 'price'] as const;
    const band = (i: number) => (i % 4 === 3 ? undefined : 1 + (i % 3));
    const query = (params: Record<string, string | number | undefined>) =>
      new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();

    type Pareto = Awaited<ReturnType<typeof managerCaller.products.pareto>>;
    type Composite = Awaited<ReturnType<typeof managerCaller.products.composite>>;
    type Rankings = Awaited<ReturnType<typeof managerCaller.rankings.list>>;
    type Report = Awaited<ReturnType<typeof managerCaller.report.forRetailer>>;
    type Demand = Awaited<ReturnType<typeof managerCaller.products.demand>>;
    type Dashboard = Awaited<ReturnType<typeof managerCaller.dashboard.get>>;
    const demandInput = (i: number) => ({ districtId: i % 4 === 0 ? undefined : pick(districts, i), page: 1 + (i % 2) });
    const dashboardInput = (i: number) => ({ districtId: i % 4 === 0 ? undefined : pick(districts, i) });
    const paretoInput = (i: number) => ({
      period: latest,
      districtId: pick(districts, i),
      gradeBand: band(i),
      measure: pick([...measures], i),
    });
    const compositeInput = (i: number) => ({
      period: latest,
      districtId: i % 5 === 0 ? undefined : pick(districts, i),
      gradeBand: band(i),
      sort: pick([...sorts], i),
      dir: 'desc' as const,
    });
    const rankingsInput = (i: number) => ({ month: latest, districtId: pick(districts, i), gradeBand: band(i), page: 1 + (i % 3) });
    const shopOf = (i: number) => {
      const k = i % ams.length;
      return { caller: amCallers[k]!, shop: pick(amShops[k]!, Math.floor(i / ams.length)), am: k };
    };

    const screens: Screen[] = [
      {
        name: '商品二八分析 /products/pareto',
        who: 'manager',
        path: (i) => `/products/pareto?${query(paretoInput(i))}`,
        query: (i) => managerCaller.products.pareto(paretoInput(i)),
        expect: (a) => (a as Pareto).rows[0]?.product.name ?? '',
      },
      {
        name: '商品综合分析 /products/composite',
        who: 'manager',
        path: (i) => `/products/composite?${query(compositeInput(i))}`,
        query: (i) => managerCaller.products.composite(compositeInput(i)),
        expect: (a) => (a as Composite).items[0]?.name ?? '',
      },
      {
        name: '排名 /rankings',
        who: 'manager',
        path: (i) => `/rankings?${query(rankingsInput(i))}`,
        query: (i) => managerCaller.rankings.list(rankingsInput(i)),
        expect: (a) => (a as Rankings).items[0]?.shopName ?? '',
      },
      {
        name: '经营分析报告 /retailers/[id]/report (account manager)',
        who: 'accountManager',
        path: (i) => `/retailers/${shopOf(i).shop.id}/report?month=${latest}`,
        // The page asks for both: the shop's report and the analysis beside it (trend, capability, commentary).
        query: async (i) => {
          const { caller, shop } = shopOf(i);
          const [shopReport, analysis] = await Promise.all([
            caller.report.forRetailer({ retailerId: shop.id, month: latest }),
            caller.report.analysis({ retailerId: shop.id, month: latest }),
          ]);
          // The capability the monthly job stored (a shop with orders in the month always has one).
          return analysis.capability && analysis.computedAt ? shopReport : null;
        },
        // The page shows the month's amount as the shop reads it.
        expect: (a) => ((a as Report | null)?.month === latest ? formatFen((a as Report).totals.current.amountFen, 'zh-CN') : ''),
      },
      {
        name: '需求预测 /products/demand',
        who: 'manager',
        path: (i) => `/products/demand?${query(demandInput(i))}`,
        query: (i) => managerCaller.products.demand(demandInput(i)),
        expect: (a) => (a as Demand).items[0]?.name ?? '',
      },
      {
        name: '领导驾驶舱 /dashboard',
        who: 'manager',
        path: (i) => `/dashboard?${query(dashboardInput(i))}`,
        query: (i) => managerCaller.dashboard.get(dashboardInput(i)),
        // The scope line names the district asked for (or the whole company); the sales card needs its months.
        expect: (a) => {
          const d = a as Dashboard;
          return d.sales && d.months.length ? `当前范围：${d.district?.name ?? '全公司'}` : '';
        },
      },
    ];

    // ---------------------------------------------------------------- 2. in-process
    const inProcess: Record<string, { runs: number; p50: number; p95: number; p99: number; load: string }> = {};
    for (const s of screens) {
      for (let i = 0; i < 5; i += 1) await s.query(i);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const t0 = performance.now();
        const answer = await s.query(i);
        times.push(performance.now() - t0);
        if (!s.expect(answer)) throw new Error(`${s.name}: call ${i} answered nothing to show`);
      }
      times.sort((a, b) => a - b);
      inProcess[s.name] = {
        runs: RUNS,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        p99: percentile(times, 0.99),
        load: load(),
      };
    }
    report.inProcess = inProcess;

    // ---------------------------------------------------------------- 3. through HTTP
    const baseUrl = `http://127.0.0.1:${PORT}`;
    backoffice = startApp('backoffice', server.url, PORT);
    await waitForServer(`${baseUrl}/login`);
    const managerCookie = await signIn(baseUrl, 'manager', args.password);
    const amCookies = await Promise.all(ams.map((u) => signIn(baseUrl, u.username, args.password)));
    const http: Record<
      string,
      { concurrency: number; calls: number; p50: number; p95: number; p99: number; perSecond: number; bytes: number; load: string }[]
    > = {};
    for (const s of screens) {
      // What each page must show: the in-process answer for the same input, asked as the same person.
      const expected = await Promise.all(Array.from({ length: 24 }, async (_, i) => s.expect(await s.query(i))));
      const get = async (i: number) => {
        const cookie = s.who === 'manager' ? managerCookie : amCookies[shopOf(i).am]!;
        const response = await fetch(`${baseUrl}${s.path(i)}`, { headers: { cookie }, redirect: 'manual' });
        const body = await response.text();
        if (response.status !== 200) throw new Error(`${s.name}: GET ${s.path(i)} answered ${response.status}`);
        const want = expected[i % expected.length]!;
        if (!want || !body.includes(want)) throw new Error(`${s.name}: GET ${s.path(i)} does not show "${want}"`);
        return body.length;
      };
      http[s.name] = [];
      for (const concurrency of LEVELS) {
        let next = 0;
        let bytes = 0;
        const loop = async (until: number, latencies?: number[]) => {
          while (performance.now() < until) {
            // The same 24 inputs in turn: the expected text is known for each.
            const i = next++ % expected.length;
            const t0 = performance.now();
            bytes = await get(i);
            latencies?.push(performance.now() - t0);
          }
        };
        await Promise.all(Array.from({ length: concurrency }, () => loop(performance.now() + 3000)));
        const latencies: number[] = [];
        const started = performance.now();
        await Promise.all(Array.from({ length: concurrency }, () => loop(started + SECONDS * 1000, latencies)));
        const elapsed = (performance.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        http[s.name]!.push({
          concurrency,
          calls: latencies.length,
          p50: percentile(latencies, 0.5),
          p95: percentile(latencies, 0.95),
          p99: percentile(latencies, 0.99),
          perSecond: latencies.length / elapsed,
          bytes,
          load: load(),
        });
      }
    }
    report.http = http;

    // ---------------------------------------------------------------- report
    const f = (n: number) => n.toFixed(1);
    console.log('\n| screen | query in-process p50 / p95 / p99 ms | page over HTTP: clients, p50 / p95 / p99 ms, pages/s | load average |');
    console.log('| --- | --- | --- | --- |');
    for (const s of screens) {
      const q = inProcess[s.name]!;
      const pages = http[s.name]!.map((h) => `${h.concurrency}: ${f(h.p50)} / ${f(h.p95)} / ${f(h.p99)}, ${f(h.perSecond)}/s`).join('; ');
      console.log(`| ${s.name} | ${f(q.p50)} / **${f(q.p95)}** / ${f(q.p99)} | ${pages} | ${http[s.name]!.at(-1)!.load} |`);
    }
    const worst = Math.max(...Object.values(inProcess).map((q) => q.p95));
    const slowestMonth = Math.max(0, ...refresh.map((r) => r.total));
    const { backtest } = await managerCaller.products.demand({});
    report.backtest = backtest;
    console.log(`\nforecast back-test on this data set (whole company): ${JSON.stringify(backtest)}`);
    console.log(`\nevery screen's query p95 ≤ ${TARGET_MS} ms: ${worst <= TARGET_MS ? 'met' : 'NOT met'} (worst ${f(worst)} ms)`);
    if (refresh.length)
      console.log(`monthly refresh ≤ 5 min: ${slowestMonth <= 300 ? 'met' : 'NOT met'} (slowest month ${f(slowestMonth)} s)`);
    const out = path.join(import.meta.dirname, '..', 'results', 'analysis.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify({ ...report, loadAfter: os.loadavg() }, null, 2)}\n`);
  } finally {
    if (backoffice?.pid) process.kill(-backoffice.pid, 'SIGTERM');
    await db.$disconnect();
    await server.stop();
  }
}

await main();
