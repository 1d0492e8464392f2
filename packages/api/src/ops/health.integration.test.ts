import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb } from '@tobacco/db/client';
import { migrationsDir } from '@tobacco/db/migrate';
import { testDb } from '@tobacco/db/testing';
import { checkReadiness } from './health.service';
import { recordHeartbeat, workerIdentity } from './heartbeat.service';
import { healthResponse, readyResponse } from './ops.http';

const db = testDb();
// Far from today, so rows of other runs never count as recent; each test moves its own clock.
const T0 = new Date('2031-03-01T00:00:00Z');

describe('health and readiness', () => {
  it('health answers without touching the database', async () => {
    const response = healthResponse('portal');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', app: 'portal' });
  });

  it('is ready only while a worker has beaten within the last minute', async () => {
    const worker = workerIdentity(T0);
    await recordHeartbeat(db, worker, T0);
    const fresh = await checkReadiness(db, new Date(T0.getTime() + 30_000), migrationsDir);
    expect(fresh.checks).toMatchObject({ database: { ok: true }, migrations: { ok: true }, worker: { ok: true } });
    expect(fresh.ready).toBe(true);

    const stale = await checkReadiness(db, new Date(T0.getTime() + 61_000), migrationsDir);
    expect(stale.checks.worker).toEqual({ ok: false, detail: 'last heartbeat 61 s ago' });
    expect(stale.ready).toBe(false);

    // The same worker beating again makes it ready again, on one row.
    await recordHeartbeat(db, worker, new Date(T0.getTime() + 60_000));
    expect((await checkReadiness(db, new Date(T0.getTime() + 61_000), migrationsDir)).ready).toBe(true);
    expect(await db.workerHeartbeat.count({ where: { workerId: worker.workerId } })).toBe(1);
  });

  it('is not ready while a migration of this build is not applied', async () => {
    const T1 = new Date(T0.getTime() + 3_600_000);
    await recordHeartbeat(db, workerIdentity(T1), T1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    fs.cpSync(migrationsDir, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, '29991231000000_not_applied'));
    fs.writeFileSync(path.join(dir, '29991231000000_not_applied', 'migration.sql'), 'SELECT 1;');
    const readiness = await checkReadiness(db, T1, dir);
    expect(readiness.checks.migrations).toEqual({ ok: false, detail: 'pending: 29991231000000_not_applied' });
    expect(readiness.ready).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });

  it('answers 503 naming the database when it cannot be reached', async () => {
    // A port nothing listens on: the connection is refused at once.
    const unreachable = createDb('postgresql://postgres:postgres@127.0.0.1:1/none', { max: 1 });
    const readiness = await checkReadiness(unreachable, T0, migrationsDir);
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.database.ok).toBe(false);
    const response = await readyResponse(unreachable, 'backoffice');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unready', app: 'backoffice', checks: { database: { ok: false } } });
    await unreachable.$disconnect();
  });
});
