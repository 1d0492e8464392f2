import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '@tobacco/db/client';
import { createDatabase, databaseUrlFor, dropDatabase } from '@tobacco/db/embedded';
import { applyMigrations } from '@tobacco/db/migrate';
import { SCHEDULES } from '../jobs/jobs.schedules';
import { runWorker } from '../jobs/worker';
import { checkReadiness } from './health.service';
import { startHeartbeat } from './heartbeat.service';

// Two worker processes on one database (two clients with their own connection pools): every scheduled job
// of a slot is enqueued once and runs once, whichever worker gets there first, and both say they are alive.
// On a database of its own, so the workers claim no other test's jobs.
const adminUrl = databaseUrlFor(inject('databaseUrl'), 'postgres');
const name = `workers_${Date.now()}_${process.pid}`;
const url = databaseUrlFor(adminUrl, name);
let workers: Db[] = [];

beforeAll(async () => {
  await createDatabase(adminUrl, name);
  await applyMigrations(url);
  workers = [createDb(url, { max: 3 }), createDb(url, { max: 3 })];
  // No backup from a test (it would need the worker's DATABASE_URL); the job still runs and finds nothing to do.
  await workers[0]!.setting.create({ data: { key: 'backup.everyHours', value: 0 } });
});

afterAll(async () => {
  await Promise.all(workers.map((db) => db.$disconnect()));
  await dropDatabase(adminUrl, name);
});

describe('two workers on one database', () => {
  it('run each scheduled job of a slot exactly once, and both beat', async () => {
    const controller = new AbortController();
    const identities = workers.map((db) => startHeartbeat(db, controller.signal, 200));
    const loops = workers.map((db) => runWorker(db, controller.signal, 100));
    const db = workers[0]!;
    // Until every schedule's job of the current slot has run (or 20 s, on a busy machine).
    const began = Date.now();
    while (Date.now() - began < 20_000) {
      const done = await db.job.count({ where: { state: 'DONE' } });
      if (done >= SCHEDULES.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // A few more ticks of both workers, in which neither may run anything twice.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    controller.abort();
    await Promise.all(loops);

    const jobs = await db.job.findMany({ select: { queue: true, state: true, attempts: true, uniqueKey: true } });
    // One job per schedule and slot (a slot boundary crossed during the test may add the next slot's), each
    // claimed once: a job two workers had both run would show two attempts.
    expect(new Set(jobs.map((j) => j.queue)).size).toBe(SCHEDULES.length);
    expect(jobs.length).toBeLessThanOrEqual(2 * SCHEDULES.length);
    expect(jobs.filter((j) => j.state !== 'DONE' || j.attempts !== 1)).toEqual([]);

    const beats = await db.workerHeartbeat.findMany({ where: { workerId: { in: identities.map((w) => w.workerId) } } });
    expect(beats).toHaveLength(2);
    expect((await checkReadiness(db, new Date())).checks.worker.ok).toBe(true);
  }, 60_000);
});
