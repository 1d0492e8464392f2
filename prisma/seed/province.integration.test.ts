import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '../../packages/db/src/client';
import { stopJobQueues } from '../../packages/api/src/jobs/jobs.service';
import { isolatedTestDatabase } from '../../packages/api/src/testing/isolated-database';
import { seedDemo } from './demo';
import { seedProvince } from './province';

// The province data set at its smallest size (1,000 shops) on top of the demo company: the same statements
// as the 300,000-shop set the benches run on, checked for what the benches rely on.
const isolated = isolatedTestDatabase('province');
const url = isolated.url;
let db: PrismaClient;

beforeAll(async () => {
  db = await isolated.open();
  await quietly(async () => {
    await seedDemo(db);
    await seedProvince(url, { retailers: 1000 });
  });
}, 300_000);

afterAll(async () => {
  // Enqueueing the demo seed's jobs started the job queue's client.
  await stopJobQueues();
  await isolated.close();
});

/** Runs a seed without its console report of each step, which is for people running it by hand. */
async function quietly(seed: () => Promise<void>): Promise<void> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await seed();
  } finally {
    log.mockRestore();
  }
}

/** The province's orders: those of the shops whose licence numbers start with 34. */
const PROVINCE_ORDERS = `SELECT o.* FROM "Order" o JOIN "Retailer" r ON r.id = o."retailerId" WHERE r."licenceNo" LIKE '34%'`;

describe('the province data set', () => {
  it('gives each order two lines that add up to its totals, with ids and sequences where new rows would go', async () => {
    const [orders] = await db.$queryRawUnsafe<[{ n: bigint; shops: bigint; cycles: bigint; first: number; last: number }]>(`
      SELECT count(*) AS n, count(DISTINCT "retailerId") AS shops, count(DISTINCT "cycleId") AS cycles, min(id) AS first, max(id) AS last
      FROM (${PROVINCE_ORDERS}) o`);
    // ~93 % of 1,000 shops order in each of 52 weeks (fewer weeks when the calendar holds fewer).
    expect(Number(orders.shops)).toBe(1000);
    expect(Number(orders.cycles)).toBeGreaterThan(10);
    expect(Number(orders.n)).toBeGreaterThan(0.9 * 1000 * Number(orders.cycles));
    // The ids are one run with no gaps, computed rather than drawn: the sequence stands at the last one.
    expect(orders.last - orders.first + 1).toBe(Number(orders.n));
    const [wrong] = await db.$queryRawUnsafe<[{ n: bigint }]>(`
      SELECT count(*) AS n FROM (${PROVINCE_ORDERS}) o
      LEFT JOIN LATERAL (SELECT count(*) AS lines, sum(quantity) AS quantity, sum("amountFen") AS amount FROM "OrderLine" WHERE "orderId" = o.id) l ON true
      WHERE l.lines <> 2 OR l.quantity <> o."totalQuantity" OR l.amount <> o."totalAmountFen"`);
    expect(Number(wrong.n)).toBe(0);
    const [sequences] = await db.$queryRawUnsafe<[{ order: boolean; line: boolean }]>(`
      SELECT (SELECT last_value FROM "Order_id_seq") = (SELECT max(id) FROM "Order") AS order,
             (SELECT last_value FROM "OrderLine_id_seq") = (SELECT max(id) FROM "OrderLine") AS line`);
    expect(sequences).toEqual({ order: true, line: true });
    // A new order takes the next id, not one of the generated ones.
    const next = await db.order.create({
      data: {
        retailerId: (await db.retailer.findFirstOrThrow()).id,
        cycleId: (await db.orderCycle.findFirstOrThrow()).id,
        orderDate: new Date(),
        channel: 'ONLINE',
        totalQuantity: 0,
        totalAmountFen: 0n,
      },
    });
    expect(next.id).toBe(orders.last + 1);
    await db.order.delete({ where: { id: next.id } });
  });

  it('lays the orders and their lines out cycle after cycle, as real orders arrive', async () => {
    // Every cycle's orders (and their lines) lie on a small share of the table's pages. Laid out shop by shop,
    // as the set once was, every cycle touched nearly every page (one order per shop, each shop's year together).
    const spread = (table: string, orders: string) =>
      db.$queryRawUnsafe<{ cycle: number; share: number }[]>(`
        WITH rows AS (
          SELECT o."cycleId" AS cycle, (t.ctid::text::point)[0] AS page
          FROM (${PROVINCE_ORDERS}) o JOIN "${table}" t ON ${orders})
        SELECT cycle, count(DISTINCT page)::float / (SELECT count(DISTINCT page) FROM rows) AS share FROM rows GROUP BY cycle`);
    for (const [table, join] of [
      ['Order', 't.id = o.id'],
      ['OrderLine', 't."orderId" = o.id'],
    ] as const) {
      const shares = await spread(table, join);
      expect(shares.length).toBeGreaterThan(10);
      expect(Math.max(...shares.map((s) => s.share)), table).toBeLessThan(0.2);
    }
  });

  it('fills the demand summary of the closed cycles with the province in it', async () => {
    const [cycle] = await db.$queryRawUnsafe<[{ id: number; lines: bigint; summary: bigint }]>(`
      SELECT c.id,
        (SELECT sum(l.quantity) FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o."cycleId" = c.id AND o.status = 'CONFIRMED') AS lines,
        (SELECT sum("quantityTiao") FROM "ProductCycleDemand" WHERE "cycleId" = c.id) AS summary
      FROM "OrderCycle" c WHERE c."demandComputedAt" IS NOT NULL ORDER BY c."weekStart" DESC LIMIT 1`);
    expect(Number(cycle.lines)).toBeGreaterThan(1000);
    expect(cycle.summary).toBe(cycle.lines);
  });

  it('is generated once: a second run leaves the data as it is', async () => {
    const before = await db.order.count();
    await quietly(() => seedProvince(url, { retailers: 1000 }));
    expect(await db.order.count()).toBe(before);
  });
});
