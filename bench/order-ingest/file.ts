// Order lines by file import: a CSV of one order line per row, as the ordering system exports it, through
// the import framework end to end: the upload route's procedure storing the file in pieces as it streams
// in, the check job (read, row schema, staging, the checks against the database in SQL), and the apply job
// (one transaction: the checks again, orders and lines written, lines beyond the limit flagged). Then the
// database is counted: every order and line stored exactly once. See bench/README.md.
//
//   npx tsx bench/order-ingest/file.ts [--lines 1000000] [--retailers 3000]
//
// It runs on a throw-away database of the embedded server (EMBEDDED_PG_PORT), dropped at the end.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '@tobacco/db/client';
import { createDatabase, databaseUrlFor, dropDatabase, ensureDatabase } from '@tobacco/db/embedded';
import { applyMigrations } from '@tobacco/db/migrate';
import { createDistrict, createStaff } from '@tobacco/db/testing';
import { dbEnv } from '@tobacco/db/env';
import { installJobQueue, stopJobQueues } from '@tobacco/api/jobs/jobs.service';
import {
  applyImport,
  applyImportJob,
  checkImport,
  getImport,
  IMPORT_APPLY_QUEUE,
  IMPORT_CHECK_QUEUE,
  uploadImport,
} from '@tobacco/api/imports/imports.service';
import { createPolicy, createProduct, ensureCycle } from '@tobacco/api/testing/portal-fixtures';
import { addDays, chinaDate, mondayOf } from '@tobacco/api/schedule/calendar.rules';
import type { StaffActor } from '@tobacco/api/actor';

const { values: args } = parseArgs({
  options: { lines: { type: 'string', default: '1000000' }, retailers: { type: 'string', default: '3000' } },
});
const LINES = Number(args.lines);
const RETAILERS = Number(args.retailers);
const WEEKS = 8;

/** Line k of order n: 2–6 lines an order, a product per line from a fixed walk, quantities 1–9. */
const linesOf = (n: number) => 2 + (n % 5);

function* csvLines(licences: readonly string[], products: readonly string[], mondays: readonly string[]): Generator<string> {
  yield '许可证号,订单号,订货时间,卷烟编码,数量(条),单价(元),状态\r\n';
  let written = 0;
  for (let n = 0; written < LINES; n += 1) {
    const licence = licences[n % licences.length]!;
    // Tuesday morning of one of the weeks: before every shop's order day of that week.
    const at = `${addDays(mondays[n % mondays.length]!, 1)} 0${n % 10}:${String(n % 60).padStart(2, '0')}`;
    const count = Math.min(linesOf(n), LINES - written);
    let block = '';
    for (let k = 0; k < count; k += 1) {
      const product = products[(n * 7 + k * 11) % products.length]!;
      block += `${licence},FILE-${n},${at},${product},${1 + ((n + k) % 9)},200.00,确认\r\n`;
    }
    written += count;
    yield block;
  }
}

async function* asPieces(text: Generator<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let buffer = '';
  for (const part of text) {
    buffer += part;
    if (buffer.length >= 256 * 1024) {
      yield encoder.encode(buffer);
      buffer = '';
    }
  }
  if (buffer) yield encoder.encode(buffer);
}

async function main() {
  const server = await ensureDatabase('postgres');
  const name = `bench_order_file_${process.pid}`;
  const url = databaseUrlFor(server.adminUrl, name);
  await createDatabase(server.adminUrl, name);
  const db = createDb(url, { max: 4 });
  try {
    await applyMigrations(url);
    // The upload and the apply request enqueue their jobs; this bench runs the jobs' handlers itself.
    await installJobQueue(url, [IMPORT_CHECK_QUEUE, IMPORT_APPLY_QUEUE]);
    Object.assign(dbEnv, { databaseUrl: url });
    const now = new Date();
    const districtId = (await createDistrict(db)).id;
    const staff = await createStaff(db, { roles: ['ADMIN', 'MARKETING'], passwordHash: 'x' });
    const actor: StaffActor = { kind: 'staff', userId: staff.id, roles: ['ADMIN'], districtId: null, departmentId: null };
    // Shops in one statement: orderWeekday 3..5 (Wednesday to Friday), grades across the range.
    await db.$executeRaw`
      INSERT INTO "Retailer" ("licenceNo", "shopName", "ownerName", phone, address, "districtId", market, "businessForm", "sizeClass",
        "classificationCode", "orderWeekday", "integrityLevel", grade, "openedOn", "updatedAt")
      SELECT lpad((700000000000 + g)::text, 12, '0'), '店' || g, '店主', '13800000000', '路' || g, ${districtId}, 'C', 'Z', 2,
        'CZ2', 3 + g % 3, 'A', 1 + g % 30, current_date - 400, now()
      FROM generate_series(1, ${RETAILERS}) g`;
    const licences = (await db.retailer.findMany({ where: { districtId }, select: { licenceNo: true }, orderBy: { id: 'asc' } })).map(
      (r) => r.licenceNo,
    );
    const products: { id: number; code: string }[] = [];
    for (let i = 0; i < 60; i += 1) products.push(await createProduct(db, { scarce: i < 8 }));
    const thisMonday = mondayOf(chinaDate(now));
    const mondays = Array.from({ length: WEEKS }, (_, i) => addDays(thisMonday, -7 * (i + 1)));
    for (const monday of mondays) {
      const cycle = await ensureCycle(db, monday);
      await createPolicy(db, {
        cycleId: cycle.id,
        createdById: staff.id,
        publishedAt: new Date(`${addDays(monday, -2)}T04:00:00Z`),
        limits: products.slice(0, 8).map((p) => ({ productId: p.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 12 })),
      });
    }
    const deps = { db, actor, clock: () => now };
    const timings: Record<string, number> = {};
    const time = async <T>(label: string, fn: () => Promise<T>) => {
      const t0 = performance.now();
      const out = await fn();
      timings[label] = Number(((performance.now() - t0) / 1000).toFixed(1));
      return out;
    };

    const started = performance.now();
    const { id } = await time('upload', () =>
      uploadImport(deps, {
        kind: 'ORDERS',
        fileName: 'orders.csv',
        options: {},
        body: asPieces(
          csvLines(
            licences,
            products.map((p) => p.code),
            mondays,
          ),
        ),
      }),
    );
    await time('check', () => checkImport(db, { runId: id }, now));
    const checked = await getImport(deps, { id });
    await time('apply', async () => {
      await applyImport(deps, { id, validOnly: false });
      await applyImportJob(db, { runId: id }, now);
    });
    const total = Number(((performance.now() - started) / 1000).toFixed(1));
    const run = await getImport(deps, { id });
    const [counted] = await db.$queryRaw<{ orders: number; lines: number; distinct: number; flagged: number }[]>`
      SELECT (SELECT count(*)::int FROM "Order" WHERE "importRunId" = ${id}) AS orders,
        (SELECT count(DISTINCT "externalRef")::int FROM "Order" WHERE "importRunId" = ${id}) AS distinct,
        (SELECT count(*)::int FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o."importRunId" = ${id}) AS lines,
        (SELECT count(*)::int FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o."importRunId" = ${id} AND l."overLimitBy" > 0) AS flagged`;
    let expectedOrders = 0;
    for (let n = 0, written = 0; written < LINES; n += 1, expectedOrders += 1) written += linesOf(n);
    const result = {
      lines: LINES,
      retailers: RETAILERS,
      fileMB: Number((checked.byteSize / 1024 / 1024).toFixed(1)),
      seconds: { ...timings, total },
      linesPerSecond: Math.round(LINES / total),
      checked: { status: checked.status, totalRows: checked.totalRows, validRows: checked.validRows, errorCount: checked.errorCount },
      applied: { status: run.status, appliedRows: run.appliedRows, summary: run.summary },
      counted,
      expectedOrders,
    };
    console.log(JSON.stringify(result, null, 2));
    fs.mkdirSync(path.join(import.meta.dirname, '..', 'results'), { recursive: true });
    fs.writeFileSync(path.join(import.meta.dirname, '..', 'results', 'order-import-file.json'), JSON.stringify(result, null, 2));
    const ok =
      run.status === 'APPLIED' &&
      counted!.lines === LINES &&
      counted!.orders === expectedOrders &&
      counted!.distinct === expectedOrders &&
      checked.validRows === LINES;
    if (!ok) {
      console.error('Counts do not match: see above.');
      process.exitCode = 1;
    }
  } finally {
    await stopJobQueues();
    await db.$disconnect();
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  }
}

await main();
