// The ingestion API under concurrent senders: POST /orders through the very handler the back office's
// route calls (integrations.http.ts: key check, zod, cycle derivation, allowance, insert, call log), from
// 32 concurrent clients, each also replaying some of its orders as an ordering system retrying would.
// Afterwards the database is counted: every order stored exactly once, none lost. See bench/README.md.
//
//   npx tsx bench/order-ingest/run.ts [--orders 5000] [--concurrency 32] [--replays 0.1]
//
// It runs on a throw-away database of the embedded server (EMBEDDED_PG_PORT), dropped at the end.

import { parseArgs } from 'node:util';
import { createDb } from '@tobacco/db/client';
import { createDatabase, databaseUrlFor, dropDatabase, ensureDatabase } from '@tobacco/db/embedded';
import { applyMigrations } from '@tobacco/db/migrate';
import { createDistrict, createRetailer, createStaff } from '@tobacco/db/testing';
import { createIntegration } from '@tobacco/api/integrations/integrations.service';
import { handleOrderPost } from '@tobacco/api/integrations/integrations.http';
import { ensureCyclesAhead } from '@tobacco/api/schedule/schedule.jobs';
import { createPolicy, createProduct, ensureCycle } from '@tobacco/api/testing/portal-fixtures';
import { chinaDate, mondayOf } from '@tobacco/api/schedule/calendar.rules';

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '32' },
    replays: { type: 'string', default: '0.1' },
  },
});
const ORDERS = Number(args.orders);
const CONCURRENCY = Number(args.concurrency);
const REPLAYS = Number(args.replays);

async function main() {
  const server = await ensureDatabase('postgres');
  const name = `bench_order_ingest_${process.pid}`;
  const url = databaseUrlFor(server.adminUrl, name);
  await createDatabase(server.adminUrl, name);
  const db = createDb(url, { max: CONCURRENCY });
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
    const cycle = await ensureCycle(db, mondayOf(chinaDate(now)));
    await createPolicy(db, {
      cycleId: cycle.id,
      createdById: staff.id,
      limits: products.slice(0, 10).map((p) => ({ productId: p.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 20 })),
    });
    const { key, id: integrationId } = await createIntegration(
      { db, actor: { kind: 'staff', userId: staff.id, roles: ['ADMIN'], districtId: null, departmentId: null }, clock: () => now },
      { name: 'bench' },
    );

    const orderOf = (n: number) => {
      const lines = Array.from({ length: 3 + (n % 6) }, (_, k) => ({
        productCode: products[(n * 7 + k * 3) % products.length]!.code,
        quantity: 1 + ((n + k) % 9),
        unitPriceFen: 20_000,
      }));
      return {
        licenceNo: retailers[n % retailers.length]!.licenceNo,
        externalOrderNo: `BENCH-${n}`,
        orderedAt: now.toISOString(),
        status: 'CONFIRMED',
        lines,
      };
    };
    const post = (body: unknown) =>
      handleOrderPost(
        db,
        new Request('http://bench/api/ingest/v1/orders', {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        new Date(),
      );

    let next = 0;
    const statuses = new Map<number, number>();
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let n = next++; n < ORDERS; n = next++) {
          const t0 = performance.now();
          const res = await post(orderOf(n));
          latencies.push(performance.now() - t0);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          // A retrying sender: the same order again must be answered, not stored twice.
          if ((n % 1000) / 1000 < REPLAYS) {
            const again = await post(orderOf(n));
            statuses.set(again.status, (statuses.get(again.status) ?? 0) + 1);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    const [counted] = await db.$queryRaw<{ orders: number; distinct: number; lines: number; flagged: number; calls: number }[]>`
      SELECT (SELECT count(*)::int FROM "Order" WHERE "externalRef" LIKE 'BENCH-%') AS orders,
        (SELECT count(DISTINCT "externalRef")::int FROM "Order" WHERE "externalRef" LIKE 'BENCH-%') AS distinct,
        (SELECT count(*)::int FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o."externalRef" LIKE 'BENCH-%') AS lines,
        (SELECT count(*)::int FROM "OrderLine" WHERE "overLimitBy" > 0) AS flagged,
        (SELECT count(*)::int FROM "IntegrationCall" WHERE "integrationId" = ${integrationId}) AS calls`;
    const expectedLines = Array.from({ length: ORDERS }, (_, n) => 3 + (n % 6)).reduce((a, b) => a + b, 0);
    const lost = ORDERS - counted!.distinct;
    const duplicated = counted!.orders - counted!.distinct;
    console.log(
      JSON.stringify({
        orders: ORDERS,
        concurrency: CONCURRENCY,
        seconds: Number(seconds.toFixed(1)),
        ordersPerSecond: Math.round(ORDERS / seconds),
        p50ms: at(0.5),
        p95ms: at(0.95),
        p99ms: at(0.99),
        statuses: Object.fromEntries(statuses),
        counted,
        expectedLines,
        lost,
        duplicated,
      }),
    );
    if (lost !== 0 || duplicated !== 0 || counted!.lines !== expectedLines) process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  }
}

await main();
