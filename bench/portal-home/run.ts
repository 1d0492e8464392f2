// The portal's home page under load: the real `home` procedure (tRPC caller → service → Prisma) for
// random retailers of the provincial data set, at 1 and 32 concurrent callers, beside a plain `pg`
// client running the same two SQL statements. See bench/README.md for the command and the figures.
//
//   npx tsx bench/portal-home/run.ts [--seconds 15] [--concurrency 1,32]
//   BENCH_DATABASE_URL=postgresql://… to point it elsewhere (default: the embedded server's tobacco_bench)

import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPortalCaller } from '@tobacco/api/portal';
import { homeAllowanceSql, homeShopSql } from '@tobacco/api/home/home.sql';
import { currentCycleOf, homeWindowDates, type HomeShopRow } from '@tobacco/api/home/home.service';
import { createDb } from '@tobacco/db/client';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '15' }, concurrency: { type: 'string', default: '1,32' }, sample: { type: 'string', default: '5000' } } });
const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/tobacco_bench';
const seconds = Number(args.seconds);
const levels = args.concurrency.split(',').map(Number);
const POOL = Math.max(...levels);

type Stats = { calls: number; p50: number; p95: number; p99: number; perSecond: number };

async function measure(call: (retailerId: number) => Promise<unknown>, ids: number[], concurrency: number): Promise<Stats> {
  const pick = () => ids[Math.floor(Math.random() * ids.length)]!;
  // Warm-up: plans cached, pools filled.
  await Promise.all(Array.from({ length: concurrency }, async () => { for (let i = 0; i < 20; i += 1) await call(pick()); }));
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
  const [{ count }] = (await pool.query<{ count: string }>(`SELECT count(*) FROM "Retailer" WHERE "licenceNo" LIKE '34%'`)).rows as [{ count: string }];
  const ids = (await pool.query<{ id: number }>(`SELECT id FROM "Retailer" WHERE "licenceNo" LIKE '34%' AND status = 'ACTIVE' ORDER BY random() LIMIT $1`, [Number(args.sample)])).rows.map((r) => r.id);
  if (ids.length === 0) throw new Error(`No provincial retailers (licence 34…) in ${url}: run \`npm run seed -- --scale province\` against it first.`);
  const [{ orders, lines }] = (await pool.query(`SELECT (SELECT reltuples::bigint FROM pg_class WHERE relname = 'Order') AS orders, (SELECT reltuples::bigint FROM pg_class WHERE relname = 'OrderLine') AS lines`)).rows;

  // The procedure as the portal calls it in-process: tRPC caller (middleware, actor check) → service → Prisma.
  const viaProcedure = (retailerId: number) =>
    createPortalCaller({ db, actor: { kind: 'retailer', retailerId, loginId: 0 }, requestId: 'bench', clock: () => new Date() }).home();

  // The same two statements through a plain pg pool, with the same pure cycle choice in between.
  const viaPg = async (retailerId: number) => {
    const now = new Date();
    const dates = homeWindowDates(now);
    const shopSql = homeShopSql({ retailerId, now, ...dates });
    const shop = (await pool.query<HomeShopRow>(shopSql.text, shopSql.values as unknown[])).rows[0];
    if (!shop) throw new Error(`retailer ${retailerId} not found`);
    const { allowanceArgs } = currentCycleOf({ ...shop, calendar: shop.calendar.map((d) => ({ ...d, date: String(d.date) })) }, now);
    if (allowanceArgs && shop.grade !== null) {
      const allowanceSql = homeAllowanceSql({ retailerId, grade: shop.grade, now, ...allowanceArgs });
      await pool.query(allowanceSql.text, allowanceSql.values as unknown[]);
    }
  };

  const sample = await viaProcedure(ids[0]!);
  console.log(`database: ${url.replace(/:[^:@/]*@/, ':***@')}`);
  console.log(`provincial retailers: ${count}; orders ≈ ${orders}, order lines ≈ ${lines}; sampling ${ids.length} at random`);
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), node ${process.version}; ${seconds} s per run`);
  console.log(`sample home: cycle ${sample.cycle?.code ?? '-'}, allowance ${sample.allowance ? `${sample.allowance.products} products` : 'none'}, ${sample.promotionCount} promotions, ${sample.unread} unread\n`);

  const rows: string[] = [];
  for (const concurrency of levels) {
    for (const [name, call] of [['home procedure (Prisma)', viaProcedure], ['plain pg, same SQL', viaPg]] as const) {
      const s = await measure(call, ids, concurrency);
      const row = `| ${name} | ${concurrency} | ${s.calls} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.perSecond.toFixed(0)} |`;
      rows.push(row);
      console.log(row);
    }
  }
  console.log('\n| client | concurrency | calls | p50 ms | p95 ms | p99 ms | calls/s |\n| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  await Promise.all([db.$disconnect(), pool.end()]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
