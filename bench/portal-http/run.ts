/**
 * The portal's home at the HTTP edge, beside its floors, in one run (see bench/README.md):
 *   npx tsx bench/portal-http/run.ts [--retailers 200] [--seconds 15] [--warmup 5] [--concurrency 1,16] [--url http://…]
 *     [--encoding identity]   (the HTTP clients' Accept-Encoding; by default fetch's own, gzip, as browsers ask)
 *
 * Signs N provincial retailers in through next-auth (as a browser does), then, per concurrency, runs four
 * clients in a closed loop, each caller taking the next retailer in turn (cookies rotate):
 *   GET /                     the page, through the built portal (`next start`, started here unless --url)
 *   GET /api/trpc/home        the same procedure through the tRPC route
 *   home procedure            in-process: tRPC caller → service → Prisma, no HTTP, no session read
 *   plain pg                  the same two SQL statements through a plain `pg` pool: the floor
 * Every answer is checked: the page and the tRPC body must carry the shop's licence number, the in-process
 * and plain-pg results must agree with each other before timing starts.
 *
 * The moment: the portal runs on the real clock, so the bench makes the real "now" exercise the whole path —
 * the cycle the portal shows must have a published policy, and every sampled shop must have ordered limited
 * products in it (orders are added for shops that have none in that cycle, so the allowance statement reads
 * order lines). The in-process and plain-pg clients are pinned to the same moment.
 *
 * Reads the product's own variables: DATABASE_URL, or the embedded server's EMBEDDED_PG_PORT and DATABASE_NAME.
 */
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { homeAllowanceSql, homeShopSql } from '../../packages/api/src/home/home.sql';
import { currentCycleOf, homeWindowDates, type HomeShopRow } from '../../packages/api/src/home/home.service';
import { createLogger, setLogger } from '../../packages/api/src/ops/logger';
import { createPortalCaller } from '../../packages/api/src/portal';
import { createDb, preparedStatementName } from '../../packages/db/src/client';
import { ensureDatabase } from '../../packages/db/src/embedded';
import { getPage, signIn, startApp, waitForServer } from './http';

const { values: args } = parseArgs({
  options: {
    retailers: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '1,16' },
    url: { type: 'string' },
    password: { type: 'string', default: 'demo-2026' },
    encoding: { type: 'string' },
  },
});
const N = Number(args.retailers);
const SECONDS = Number(args.seconds);
const WARMUP = Number(args.warmup);
const LEVELS = args.concurrency.split(',').map(Number);
const POOL = Math.max(...LEVELS);

type Shop = { retailerId: number; loginId: number; licenceNo: string; cookie: string };
type Stats = { calls: number; p50: number; p95: number; p99: number; perSecond: number; load: string };

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

/** Closed loop: `concurrency` callers, each taking the next shop in turn; warm-up, then a fixed time. */
async function measure(call: (shop: Shop) => Promise<unknown>, shops: Shop[], concurrency: number): Promise<Stats> {
  let next = 0;
  const loop = async (until: number, latencies?: number[]) => {
    while (performance.now() < until) {
      const shop = shops[next++ % shops.length]!;
      const t0 = performance.now();
      await call(shop);
      latencies?.push(performance.now() - t0);
    }
  };
  const warm = performance.now() + WARMUP * 1000;
  await Promise.all(Array.from({ length: concurrency }, () => loop(warm)));
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => loop(started + SECONDS * 1000, latencies)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { calls: latencies.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), perSecond: latencies.length / elapsed, load: load() };
}

async function main() {
  // The in-process client writes its request lines as the server does (same level, same redaction), but into
  // nothing: the server's own output is discarded too, and 35,000 lines a run buried the figures.
  setLogger(createLogger({ write() {} }));
  const server = await ensureDatabase();
  const url = server.url;
  const db = createDb(url, { max: POOL });
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  // A connection the server drops as it stops (after the run) must not crash the bench before it has stopped.
  pool.on('error', () => {});
  const now = new Date();
  const clock = () => now;
  let portal: ChildProcess | undefined;
  try {
    // ---------------------------------------------------------------- the sample and its moment
    const candidates = (
      await pool.query<{ retailerId: number; loginId: number; licenceNo: string }>(
        `
        SELECT r.id AS "retailerId", l.id AS "loginId", r."licenceNo" FROM "Retailer" r JOIN "RetailerLogin" l ON l."retailerId" = r.id
        WHERE r."licenceNo" LIKE '34%' AND r.status = 'ACTIVE' AND l.active AND r.grade IS NOT NULL ORDER BY random() LIMIT $1`,
        [N],
      )
    ).rows;
    if (candidates.length < N)
      throw new Error(
        `Only ${candidates.length} provincial retailers in ${url.replace(/:[^:@/]*@/, ':***@')}: run \`npm run seed -- --scale province\` with the same DATABASE_NAME first.`,
      );
    const dates = homeWindowDates(now);
    // Every shop's current cycle, by the portal's own rule (it depends on the shop's order weekday).
    const cycleOf = new Map<number, number>();
    for (const shop of candidates) {
      const sql = homeShopSql({ retailerId: shop.retailerId, now, ...dates });
      const row = (await pool.query<HomeShopRow>(sql.text, sql.values as unknown[])).rows[0]!;
      const { cycleRow } = currentCycleOf({ ...row, calendar: row.calendar.map((d) => ({ ...d, date: String(d.date) })) }, now);
      if (!cycleRow)
        throw new Error(
          `No order cycle row for retailer ${shop.retailerId} around ${dates.today}: the data set's cycles do not reach today.`,
        );
      cycleOf.set(shop.retailerId, cycleRow.id);
    }
    const cycleIds = [...new Set(cycleOf.values())];
    // A policy published for a later moment (the demo seed publishes next week's on Saturday noon) is published
    // now: the bench's moment is one where the shop sees its allowance.
    const published = await pool.query(
      `
      UPDATE "AllocationPolicy" SET "publishedAt" = $2 WHERE "cycleId" = ANY($1) AND state = 'PUBLISHED' AND "publishedAt" > $2`,
      [cycleIds, new Date(now.getTime() - 60_000)],
    );
    const policies = (
      await pool.query<{ cycleId: number }>(
        `SELECT DISTINCT "cycleId" FROM "AllocationPolicy" WHERE state = 'PUBLISHED' AND "cycleId" = ANY($1)`,
        [cycleIds],
      )
    ).rows;
    if (policies.length < cycleIds.length) {
      throw new Error(
        `The current cycle has no published allocation policy: the demo seed publishes one for last, this and next week, relative to the day it ran. Seed a fresh bench database.`,
      );
    }
    // Orders of limited products in the current cycle, for the sampled shops that have none of them there yet.
    // "Limited" is per grade (a limit holds for grades gradeFrom…gradeTo), as the allowance statement reads it.
    const added = await pool.query(
      `
      WITH lim AS (
        SELECT DISTINCT p."cycleId", l."productId", l."gradeFrom", l."gradeTo" FROM "AllocationPolicy" p
        JOIN "AllocationLimit" l ON l."policyId" = p.id
        WHERE p.state = 'PUBLISHED' AND l."limitQuantity" > 0
      ), need AS (
        SELECT s.r AS "retailerId", s.c AS "cycleId",
          (SELECT min(lim."productId") FROM lim WHERE lim."cycleId" = s.c AND r.grade BETWEEN lim."gradeFrom" AND lim."gradeTo") AS "productId"
        FROM unnest($1::int[], $2::int[]) AS s(r, c) JOIN "Retailer" r ON r.id = s.r
        WHERE NOT EXISTS (
          SELECT 1 FROM "Order" o JOIN "OrderLine" ol ON ol."orderId" = o.id
          JOIN lim ON lim."cycleId" = o."cycleId" AND lim."productId" = ol."productId" AND r.grade BETWEEN lim."gradeFrom" AND lim."gradeTo"
          WHERE o."retailerId" = s.r AND o."cycleId" = s.c AND o.status = 'CONFIRMED')
      ), ins AS (
        INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, "totalQuantity", "totalAmountFen")
        SELECT n."retailerId", n."cycleId", c."weekStart", 'ONLINE', 2, 2 * p."wholesalePriceFen"
        FROM need n JOIN "OrderCycle" c ON c.id = n."cycleId" JOIN "Product" p ON p.id = n."productId"
        RETURNING id, "retailerId", "cycleId", "totalAmountFen"
      )
      INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen")
      SELECT ins.id, n."productId", 2, p."wholesalePriceFen", ins."totalAmountFen" FROM ins
      JOIN need n ON n."retailerId" = ins."retailerId" AND n."cycleId" = ins."cycleId"
      JOIN "Product" p ON p.id = n."productId"`,
      [candidates.map((c) => c.retailerId), candidates.map((c) => cycleOf.get(c.retailerId))],
    );

    // ---------------------------------------------------------------- the clients
    const viaProcedure = async (shop: Shop) => {
      const home = await createPortalCaller({
        db,
        actor: { kind: 'retailer', retailerId: shop.retailerId, loginId: shop.loginId },
        requestId: 'bench',
        clock,
      }).home();
      if (home.shop.licenceNo !== shop.licenceNo) throw new Error(`in-process home of ${shop.retailerId} answered another shop`);
      return home;
    };
    // The floor prepares its statements on each connection, as the product's pool does (preparedStatementName).
    const prepared = (statement: { text: string; values: unknown[] }) => ({
      name: preparedStatementName({ sql: statement.text, args: statement.values }),
      text: statement.text,
      values: statement.values,
    });
    const viaPg = async (shop: Shop) => {
      const shopSql = homeShopSql({ retailerId: shop.retailerId, now, ...dates });
      const row = (await pool.query<HomeShopRow>(prepared(shopSql))).rows[0];
      if (row?.licenceNo !== shop.licenceNo) throw new Error(`plain pg home of ${shop.retailerId} answered another shop`);
      const { allowanceArgs } = currentCycleOf({ ...row, calendar: row.calendar.map((d) => ({ ...d, date: String(d.date) })) }, now);
      if (!allowanceArgs || row.grade === null) return { row, allowance: null };
      const allowanceSql = homeAllowanceSql({ retailerId: shop.retailerId, grade: row.grade, now, ...allowanceArgs });
      return { row, allowance: (await pool.query(prepared(allowanceSql))).rows[0] };
    };

    // Both floors give the same answers, and every shop's allowance counts what it ordered.
    const plain = candidates.map((c) => ({ ...c, cookie: '' }));
    let ordered = 0;
    for (const shop of plain) {
      const [a, b] = await Promise.all([viaProcedure(shop), viaPg(shop)]);
      const fromPg = b.allowance
        ? { limitTotal: b.allowance.limitTotal, orderedTotal: b.allowance.orderedTotal, remainingTotal: b.allowance.remainingTotal }
        : null;
      const fromProcedure = a.allowance
        ? { limitTotal: a.allowance.limitTotal, orderedTotal: a.allowance.orderedTotal, remainingTotal: a.allowance.remainingTotal }
        : null;
      if (JSON.stringify(fromPg) !== JSON.stringify(fromProcedure) || a.unread !== b.row.unread)
        throw new Error(
          `retailer ${shop.retailerId}: in-process and plain pg disagree: ${JSON.stringify([fromProcedure, fromPg, a.unread, b.row.unread])}`,
        );
      if (!a.allowance) throw new Error(`retailer ${shop.retailerId}: no allowance in the current cycle`);
      if (a.allowance.orderedTotal > 0) ordered += 1;
    }
    if (ordered < plain.length)
      throw new Error(`${plain.length - ordered} sampled shops ordered none of the limited products: the path is not exercised`);

    // ---------------------------------------------------------------- the portal, and signing in
    const port = Number(process.env.E2E_PORTAL_PORT || 3100);
    const baseUrl = args.url ?? `http://127.0.0.1:${port}`;
    if (!args.url) {
      if (
        await fetch(baseUrl).then(
          () => true,
          () => false,
        )
      )
        throw new Error(`Port ${port} is taken: stop what runs there, set E2E_PORTAL_PORT, or pass --url to bench a running portal.`);
      portal = startApp('portal', url, port);
      await waitForServer(`${baseUrl}/login`);
    }
    const signInStarted = performance.now();
    const shops: Shop[] = [];
    for (let i = 0; i < plain.length; i += 4) {
      shops.push(
        ...(await Promise.all(
          plain.slice(i, i + 4).map(async (s) => ({ ...s, cookie: await signIn(baseUrl, s.licenceNo, args.password) })),
        )),
      );
    }
    const signInSeconds = (performance.now() - signInStarted) / 1000;
    const viaPage = (shop: Shop) => getPage(baseUrl, '/', shop.cookie, shop.licenceNo, args.encoding);
    const viaTrpc = (shop: Shop) => getPage(baseUrl, '/api/trpc/home', shop.cookie, shop.licenceNo, args.encoding);
    const pageBytes = await viaPage(shops[0]!);
    const first = await viaProcedure(shops[0]!);

    const [{ orders, lines }] = (
      await pool.query(
        `SELECT (SELECT reltuples::bigint FROM pg_class WHERE relname = 'Order') AS orders, (SELECT reltuples::bigint FROM pg_class WHERE relname = 'OrderLine') AS lines`,
      )
    ).rows;
    console.log(`database: ${url.replace(/:[^:@/]*@/, ':***@')}; orders ≈ ${orders}, order lines ≈ ${lines}`);
    console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), node ${process.version}; load average ${load()}`);
    console.log(
      `moment: ${now.toISOString()}, cycle ${first.cycle?.code} (policy v${first.allowance?.version}); ${shops.length} shops signed in (${signInSeconds.toFixed(1)} s), ${added.rowCount} of them given an order of limited products in it, ${published.rowCount} policies published now; home HTML ${pageBytes} bytes; Accept-Encoding ${args.encoding ?? "fetch's default (gzip, deflate)"}`,
    );
    console.log(`${WARMUP} s warm-up, then ${SECONDS} s per client and concurrency\n`);

    const clients = [
      ['GET / (page, HTTP)', viaPage],
      ['GET /api/trpc/home (HTTP)', viaTrpc],
      ['home procedure (in-process)', viaProcedure],
      ['plain pg, same SQL (floor)', viaPg],
    ] as const;
    const rows: string[] = [];
    for (const concurrency of LEVELS) {
      const results = [] as { name: string; s: Stats }[];
      for (const [name, call] of clients) {
        const s = await measure(call, shops, concurrency);
        results.push({ name, s });
        console.log(`  ${name} × ${concurrency}: ${s.perSecond.toFixed(0)}/s, p95 ${s.p95.toFixed(1)} ms (load ${s.load})`);
      }
      const floor = results.at(-1)!.s.perSecond;
      for (const { name, s } of results) {
        rows.push(
          `| ${name} | ${concurrency} | ${s.calls} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.perSecond.toFixed(0)} | ${((100 * s.perSecond) / floor).toFixed(0)} % | ${s.load} |`,
        );
      }
    }
    console.log(
      '\n| client | concurrency | calls | p50 ms | p95 ms | p99 ms | per s | of floor | load average (1/5/15 min) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const row of rows) console.log(row);
  } finally {
    if (portal?.pid) process.kill(-portal.pid, 'SIGTERM');
    await Promise.all([db.$disconnect(), pool.end()]);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
