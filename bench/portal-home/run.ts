// The portal's home page under load: the real `home` procedure (tRPC caller → service → Prisma) for
// random retailers of the provincial data set, at 1 and 32 concurrent callers, beside a plain `pg`
// client running the same two SQL statements. See bench/README.md for the command and the figures.
//
//   npx tsx bench/portal-home/run.ts [--seconds 15] [--concurrency 1,32]
// Reads the product's own variables: DATABASE_URL, or the embedded server's EMBEDDED_PG_PORT and DATABASE_NAME.
// The clock is pinned to Wednesday 10:00 (China time) of the newest cycle that has a published policy and the
// province's orders, and only shops whose home at that moment sums an allowance over order lines are sampled.

import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPortalCaller } from '@tobacco/api/portal';
import { homeAllowanceSql, homeShopSql } from '@tobacco/api/home/home.sql';
import { currentCycleOf, homeWindowDates, type HomeShopRow } from '@tobacco/api/home/home.service';
import { createDb } from '@tobacco/db/client';
import { ensureDatabase } from '@tobacco/db/embedded';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '1,32' },
    sample: { type: 'string', default: '1000' },
  },
});
const server = await ensureDatabase();
const url = server.url;
const seconds = Number(args.seconds);
const levels = args.concurrency.split(',').map(Number);
const POOL = Math.max(...levels);

type Stats = { calls: number; p50: number; p95: number; p99: number; perSecond: number };

async function measure(call: (retailerId: number) => Promise<unknown>, ids: number[], concurrency: number): Promise<Stats> {
  const pick = () => ids[Math.floor(Math.random() * ids.length)]!;
  // Warm-up: plans cached, pools filled.
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < 20; i += 1) await call(pick());
    }),
  );
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await call(pick());
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { calls: latencies.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), perSecond: latencies.length / elapsed };
}

async function main() {
  const db = createDb(url, { max: POOL });
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  const [{ count }] = (await pool.query<{ count: string }>(`SELECT count(*) FROM "Retailer" WHERE "licenceNo" LIKE '34%'`)).rows as [
    { count: string },
  ];
  const [cycle] = (
    await pool.query<{ id: number; weekStart: Date }>(`
    SELECT c.id, c."weekStart" FROM "OrderCycle" c
    WHERE EXISTS (SELECT 1 FROM "AllocationPolicy" p WHERE p."cycleId" = c.id AND p.state = 'PUBLISHED')
      AND EXISTS (SELECT 1 FROM "Order" o WHERE o."cycleId" = c.id AND o."retailerId" = (SELECT max(id) FROM "Retailer"))
    ORDER BY c."weekStart" DESC LIMIT 1`)
  ).rows;
  if (!cycle)
    throw new Error(
      `No cycle with a published policy and provincial orders in ${url.replace(/:[^:@/]*@/, ':***@')}: run \`npm run seed -- --scale province\` with the same DATABASE_NAME first.`,
    );
  // Wednesday 10:00 in China (02:00 UTC) of that cycle's week.
  const moment = new Date(new Date(cycle.weekStart).getTime() + 2 * 86_400_000 + 2 * 3_600_000);
  const candidates = (
    await pool.query<{ id: number }>(
      `SELECT id FROM "Retailer" WHERE "licenceNo" LIKE '34%' AND status = 'ACTIVE' AND grade IS NOT NULL ORDER BY random() LIMIT $1`,
      [Number(args.sample)],
    )
  ).rows.map((r) => r.id);
  // Only the shops whose home at that moment shows the allowance of that cycle with something ordered.
  const ids: number[] = [];
  for (const retailerId of candidates) {
    const home = await createPortalCaller({
      db,
      actor: { kind: 'retailer', retailerId, loginId: 0 },
      requestId: 'bench',
      clock: () => moment,
    }).home();
    if (home.allowance && home.allowance.orderedTotal > 0) ids.push(retailerId);
  }
  if (ids.length === 0) throw new Error(`No sampled shop orders limited products in cycle ${cycle.id} at ${moment.toISOString()}`);
  const [{ orders, lines }] = (
    await pool.query(
      `SELECT (SELECT reltuples::bigint FROM pg_class WHERE relname = 'Order') AS orders, (SELECT reltuples::bigint FROM pg_class WHERE relname = 'OrderLine') AS lines`,
    )
  ).rows;

  // The procedure as the portal calls it in-process: tRPC caller (middleware, actor check) → service → Prisma.
  const viaProcedure = (retailerId: number) =>
    createPortalCaller({ db, actor: { kind: 'retailer', retailerId, loginId: 0 }, requestId: 'bench', clock: () => moment })
      .home()
      .then((home) => {
        if (home.allowance === null) throw new Error(`retailer ${retailerId}: no allowance at the bench's moment`);
        return home;
      });

  // The same two statements through a plain pg pool, with the same pure cycle choice in between.
  const viaPg = async (retailerId: number) => {
    const now = moment;
    const dates = homeWindowDates(now);
    const shopSql = homeShopSql({ retailerId, now, ...dates });
    const shop = (await pool.query<HomeShopRow>(shopSql.text, shopSql.values as unknown[])).rows[0];
    if (!shop) throw new Error(`retailer ${retailerId} not found`);
    const { allowanceArgs } = currentCycleOf({ ...shop, calendar: shop.calendar.map((d) => ({ ...d, date: String(d.date) })) }, now);
    if (allowanceArgs && shop.grade !== null) {
      const allowanceSql = homeAllowanceSql({ retailerId, grade: shop.grade, now, ...allowanceArgs });
      const allowance = (await pool.query<{ version: number | null }>(allowanceSql.text, allowanceSql.values as unknown[])).rows[0];
      if (allowance?.version == null) throw new Error(`retailer ${retailerId}: no allowance at the bench's moment`);
    } else throw new Error(`retailer ${retailerId}: no current cycle at the bench's moment`);
  };

  const sample = await viaProcedure(ids[0]!);
  console.log(`database: ${url.replace(/:[^:@/]*@/, ':***@')}`);
  console.log(
    `provincial retailers: ${count}; orders ≈ ${orders}, order lines ≈ ${lines}; sampling ${ids.length} of ${candidates.length} at random (those with orders of limited products in the cycle)`,
  );
  console.log(
    `moment: ${moment.toISOString()} (cycle ${cycle.id}); load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`,
  );
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), node ${process.version}; ${seconds} s per run`);
  console.log(
    `sample home: cycle ${sample.cycle?.code ?? '-'}, allowance ${sample.allowance ? `${sample.allowance.products} products` : 'none'}, ${sample.promotionCount} promotions, ${sample.unread} unread\n`,
  );

  const rows: string[] = [];
  for (const concurrency of levels) {
    for (const [name, call] of [
      ['home procedure (Prisma)', viaProcedure],
      ['plain pg, same SQL', viaPg],
    ] as const) {
      const s = await measure(call, ids, concurrency);
      const row = `| ${name} | ${concurrency} | ${s.calls} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.perSecond.toFixed(0)} |`;
      rows.push(row);
      console.log(row);
    }
  }
  console.log('\n| client | concurrency | calls | p50 ms | p95 ms | p99 ms | calls/s |\n| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  await Promise.all([db.$disconnect(), pool.end()]);
  await server.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
