import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '@tobacco/db/client';
import { createDatabase, databaseUrlFor, dropDatabase } from '@tobacco/db/embedded';
import { applyMigrations } from '@tobacco/db/migrate';
import { checkReadiness } from './health.service';
import { startHeartbeat } from './heartbeat.service';

// Two worker processes on one database (two clients with their own connection pools) both say they are
// alive, and readiness sees a recent beat. That a scheduled job of a slot runs once however many workers
// serve the queue is tested with the queue itself (jobs.integration.test.ts, "cron schedules").
// On a database of its own, so no other test's workers count.
const adminUrl = databaseUrlFor(inject('databaseUrl'), 'postgres');
const name = `workers_${Date.now()}_${process.pid}`;
const url = databaseUrlFor(adminUrl, name);
let workers: Db[] = [];

beforeAll(async () => {
  await createDatabase(adminUrl, name);
  await applyMigrations(url);
  workers = [createDb(url, { max: 3 }), createDb(url, { max: 3 })];
});

afterAll(async () => {
  await Promise.all(workers.map((db) => db.$disconnect()));
  await dropDatabase(adminUrl, name);
});

describe('two workers on one database', () => {
  it('both beat, and readiness sees them', async () => {
    const controller = new AbortController();
    const db = workers[0]!;
    expect((await checkReadiness(db, new Date())).checks.worker.ok).toBe(false);
    const identities = workers.map((worker) => startHeartbeat(worker, controller.signal, 200));
    const began = Date.now();
    let beats = 0;
    while (Date.now() - began < 10_000) {
      beats = await db.workerHeartbeat.count({ where: { workerId: { in: identities.map((w) => w.workerId) } } });
      if (beats === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    controller.abort();
    expect(beats).toBe(2);
    expect((await checkReadiness(db, new Date())).checks.worker.ok).toBe(true);
  }, 30_000);
});
