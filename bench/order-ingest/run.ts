// The ingestion API under concurrent senders, through HTTP as an ordering system sends: the built back office
// (`next start`, started here) serves /api/ingest/v1/orders and /orders/batch, and this process is only the
// senders: 32 concurrent clients, each also replaying some of what it sent as a retrying system would.
// Afterwards the database is counted: every order stored exactly once, none lost. See bench/README.md.
//
//   npx turbo run build --filter=@tobacco/backoffice      # the bench builds nothing
//   npx tsx bench/order-ingest/run.ts [--orders 5000] [--concurrency 32] [--replays 0.1] [--batch 50] [--mode both]
//
// It runs on a throw-away database of the embedded server (EMBEDDED_PG_PORT), which holds a year of orders
// before the first is sent, dropped at the end; the back office listens on E2E_BACKOFFICE_PORT (default 3101).

import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createDb } from '@tobacco/db/client';
import { createDatabase, databaseUrlFor, dropDatabase, ensureDatabase } from '@tobacco/db/embedded';
import { applyMigrations } from '@tobacco/db/migrate';
import { createDistrict, createRetailer, createStaff } from '@tobacco/db/testing';
import { createIntegration } from '@tobacco/api/integrations/integrations.service';
import { ensureCyclesAhead } from '@tobacco/api/schedule/schedule.jobs';
import { createPolicy, createProduct, ensureCycle } from '@tobacco/api/testing/portal-fixtures';
import { addDays, chinaDate, mondayOf } from '@tobacco/api/schedule/calendar.rules';
import { startApp, waitForServer } from '../portal-http/http';

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '32' },
    replays: { type: 'string', default: '0.1' },
    batch: { type: 'string', default: '50' },
    mode: { type: 'string', default: 'both' },
  },
});
const ORDERS = Number(args.orders);
const CONCURRENCY = Number(args.concurrency);
const REPLAYS = Number(args.replays);
const BATCH = Number(args.batch);
const MODES = args.mode === 'both' ? ['single', 'batch'] : [args.mode!];
const PORT = Number(process.env.E2E_BACKOFFICE_PORT || 3101);
const WARM_UP = 20;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

async function main() {
  const server = await ensureDatabase('postgres');
  const name = `bench_order_ingest_${process.pid}`;
  const url = databaseUrlFor(server.adminUrl, name);
  await createDatabase(server.adminUrl, name);
  const db = createDb(url, { max: 4 });
  let backoffice: ChildProcess | undefined;
  try {
    await applyMigrations(url);
    const now = new Date();
    await ensureCyclesAhead(db, now);
    const districtId = (await createDistrict(db)).id;
    const staff = await createStaff(db, { roles: ['ADMIN', 'MARKETING'], passwordHash: 'x' });
    const retailers: { licenceNo: string }[] = [];
    for (let i = 0; i < 300; i += 1)
      retailers.push(await createRetailer(db, { districtId, passwordHash: 'x', grade: 1 + (i % 30), orderWeekday: 1 + (i % 5) }));
    const products: { id: number; code: string }[] = [];
    for (let i = 0; i < 40; i += 1) products.push(await createProduct(db, { scarce: i < 5 }));
    // An order placed after its shop's order day belongs to the next cycle: both get a policy, so that every
    // order's lines are weighed against a limit whatever the day the bench runs.
    for (const weekStart of [mondayOf(chinaDate(now)), addDays(mondayOf(chinaDate(now)), 7)]) {
      const cycle = await ensureCycle(db, weekStart);
      await createPolicy(db, {
        cycleId: cycle.id,
        createdById: staff.id,
        limits: products.slice(0, 10).map((p) => ({ productId: p.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 20 })),
      });
    }
    // The order tables as a company's database has them before the first order is sent: a year of every shop's
    // weekly orders (four lines of 1–4 条, totals to match). On empty tables each line's foreign-key check would
    // keep the sequential scan its connection planned while "Order" was empty (see bench/README.md, survey-submit).
    for (let week = 1; week <= 52; week += 1) await ensureCycle(db, addDays(mondayOf(chinaDate(now)), -7 * week));
    await db.$executeRawUnsafe(
      `
      WITH o AS (
        INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, "totalQuantity", "totalAmountFen")
        SELECT r.id, c.id, c."weekStart" + (r.id % 5), 'ONLINE', 10, 200000
        FROM "Retailer" r CROSS JOIN "OrderCycle" c WHERE c."weekStart" < $1::date
        RETURNING id)
      INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen")
      SELECT o.id, p.id, 1 + k, 20000, 20000 * (1 + k) FROM o CROSS JOIN generate_series(0, 3) k
      JOIN LATERAL (SELECT id FROM "Product" ORDER BY id OFFSET (o.id * 7 + k * 3) % 40 LIMIT 1) p ON true`,
      mondayOf(chinaDate(now)),
    );
    await db.$executeRawUnsafe('VACUUM ANALYZE');
    const { key, id: integrationId } = await createIntegration(
      { db, actor: { kind: 'staff', userId: staff.id, roles: ['ADMIN'], districtId: null, departmentId: null }, clock: () => now },
      { name: 'bench' },
    );

    const orderOf = (prefix: string, n: number) => {
      const lines = Array.from({ length: 3 + (n % 6) }, (_, k) => ({
        productCode: products[(n * 7 + k * 3) % products.length]!.code,
        quantity: 1 + ((n + k) % 9),
        unitPriceFen: 20_000,
      }));
      return {
        licenceNo: retailers[n % retailers.length]!.licenceNo,
        externalOrderNo: `${prefix}-${n}`,
        orderedAt: now.toISOString(),
        status: 'CONFIRMED',
        lines,
      };
    };
    backoffice = startApp('backoffice', url, PORT);
    const base = `http://127.0.0.1:${PORT}/api/ingest/v1`;
    await waitForServer(`${base}/openapi.json`);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as { results?: { status: number }[] } };
    };
    // Warm-up: the routes' first requests compile nothing in production, but open the pool and load the code.
    for (let n = 0; n < WARM_UP; n += 1) await post('/orders', orderOf('WARM', n));

    const rows: Record<string, unknown>[] = [];
    for (const mode of MODES) {
      const prefix = mode === 'single' ? 'SINGLE' : 'BATCH';
      const perCall = mode === 'single' ? 1 : BATCH;
      const calls = Math.ceil(ORDERS / perCall);
      const ordersOfCall = (c: number) =>
        Array.from({ length: Math.min(perCall, ORDERS - c * perCall) }, (_, k) => orderOf(prefix, c * perCall + k));
      let next = 0;
      let sent = 0;
      const statuses = new Map<number, number>();
      const latencies: number[] = [];
      const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const send = async (c: number) => {
        const orders = ordersOfCall(c);
        const t0 = performance.now();
        sent += 1;
        const res = mode === 'single' ? await post('/orders', orders[0]) : await post('/orders/batch', { orders });
        latencies.push(performance.now() - t0);
        if (mode === 'single') count(res.status);
        else if (res.status !== 200) count(res.status);
        else for (const r of res.json.results!) count(r.status);
      };
      const loadBefore = load();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let c = next++; c < calls; c = next++) {
            await send(c);
            // A retrying sender: the same call again must be answered, not stored twice.
            if ((c % 1000) / 1000 < REPLAYS) await send(c);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const loadAfter = load();
      latencies.sort((a, b) => a - b);
      const at = (q: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1));
      const like = `${prefix}-%`;
      const [counted] = await db.$queryRaw<{ orders: number; distinct: number; lines: number; flagged: number }[]>`
        SELECT count(DISTINCT o.id)::int AS orders, count(DISTINCT o."externalRef")::int AS distinct, count(l.id)::int AS lines,
          count(l.id) FILTER (WHERE l."overLimitBy" > 0)::int AS flagged
        FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id WHERE o."externalRef" LIKE ${like}`;
      const endpoint = mode === 'single' ? 'POST /orders' : 'POST /orders/batch';
      const [logged] = await db.$queryRaw<{ calls: number }[]>`
        SELECT count(*)::int AS calls FROM "IntegrationCall" WHERE "integrationId" = ${integrationId} AND endpoint = ${endpoint}`;
      const expectedCalls = sent + (mode === 'single' ? WARM_UP : 0);
      const expectedLines = Array.from({ length: ORDERS }, (_, n) => 3 + (n % 6)).reduce((a, b) => a + b, 0);
      const row = {
        mode,
        ordersPerCall: perCall,
        orders: ORDERS,
        concurrency: CONCURRENCY,
        seconds: Number(seconds.toFixed(1)),
        ordersPerSecond: Math.round(ORDERS / seconds),
        callP50ms: at(0.5),
        callP95ms: at(0.95),
        callP99ms: at(0.99),
        statuses: Object.fromEntries(statuses),
        counted,
        expectedLines,
        callsLogged: `${logged!.calls} of ${expectedCalls}`,
        lost: ORDERS - counted!.distinct,
        duplicated: counted!.orders - counted!.distinct,
        load: `${loadBefore} → ${loadAfter}`,
      };
      rows.push(row);
      console.log(JSON.stringify(row));
      const unexpected = [...statuses.keys()].filter((s) => s !== 200 && s !== 201);
      if (
        row.lost !== 0 ||
        row.duplicated !== 0 ||
        counted!.lines !== expectedLines ||
        logged!.calls !== expectedCalls ||
        unexpected.length > 0
      )
        process.exitCode = 1;
    }
    console.table(rows.map(({ counted: _c, statuses: _s, ...r }) => r));
  } finally {
    if (backoffice?.pid) process.kill(-backoffice.pid, 'SIGTERM');
    await db.$disconnect();
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  }
}

await main();
