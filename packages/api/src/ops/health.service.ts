import type { Db } from '@tobacco/db/client';
import { readMigrations } from '@tobacco/db/migrate';
import { opsEnv } from '../env';
import { HEARTBEAT_STALE_MS, lastHeartbeat } from './heartbeat.service';
import { getLogger } from './logger';

export type Check = { ok: boolean; detail: string };
export type Readiness = { ready: boolean; checks: { database: Check; migrations: Check; worker: Check } };

const DATABASE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ready means this process can serve: the database answers, every migration this build knows is applied,
 * and a worker beat recently (without one, deadlines, publishing and reminders silently stop).
 * The details name no host, user or data, as the route is public.
 */
export async function checkReadiness(db: Db, now: Date, migrationsDir = opsEnv().migrationsDir): Promise<Readiness> {
  let database: Check;
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, DATABASE_TIMEOUT_MS);
    database = { ok: true, detail: 'answers' };
  } catch (error) {
    // The reason (with the server's address) goes to the log, not to the public answer.
    getLogger().warn({ err: error }, 'readiness: database unreachable');
    const skipped = { ok: false, detail: 'database unreachable' };
    return { ready: false, checks: { database: { ok: false, detail: 'unreachable' }, migrations: skipped, worker: skipped } };
  }

  const expected = readMigrations(migrationsDir).map((m) => m.name);
  const applied = new Set(
    (
      await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    ).map((r) => r.migration_name),
  );
  const pending = expected.filter((name) => !applied.has(name));
  const migrations =
    pending.length === 0 ? { ok: true, detail: `${expected.length} applied` } : { ok: false, detail: `pending: ${pending.join(', ')}` };

  const beat = await lastHeartbeat(db);
  const age = beat ? now.getTime() - beat.getTime() : null;
  const worker =
    age === null
      ? { ok: false, detail: 'no worker has ever run' }
      : { ok: age <= HEARTBEAT_STALE_MS, detail: `last heartbeat ${Math.round(age / 1000)} s ago` };

  return { ready: database.ok && migrations.ok && worker.ok, checks: { database, migrations, worker } };
}
