import { createHash } from 'node:crypto';
import { fromPrisma, PgBoss, type Queue } from 'pg-boss';
import type { z } from 'zod';
import type { Db, DbTx } from '@tobacco/db/client';
import { Prisma } from '@tobacco/db/client';
import { dbEnv } from '@tobacco/db/env';
import { getLogger } from '../ops/logger';

// The job queue is pg-boss on our PostgreSQL (schema `pgboss`). What this module keeps from the queue we
// had: a job is enqueued INSIDE the transaction of the change that asked for it (pg-boss's insert runs
// through that transaction), so a rolled-back change never leaves a job behind; several workers share the
// queue safely. What pg-boss brings: retries with back-off, completion fenced to the claim (a worker whose
// claim expired cannot complete the job another worker now holds), clean-up of finished jobs, cron
// schedules that fire once however many workers run, and a dead-letter queue for jobs out of retries.

export const JOB_SCHEMA = 'pgboss';
/** Where a job goes after its last failed attempt; nothing works it: the admin screen lists and retries it. */
export const DEAD_LETTER_QUEUE = 'jobs.dead';

/** Every queue's policy: 5 attempts 30 s, 1 min, 2 min … apart; a claim lapses after 10 minutes. */
export const QUEUE_OPTIONS = {
  retryLimit: 4,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 3600,
  expireInSeconds: 600,
  // Finished jobs (done or failed) are kept a week for the admin screen and unique keys, then deleted;
  // a job nobody worked is dropped after two weeks.
  deleteAfterSeconds: 7 * 86_400,
  retentionSeconds: 14 * 86_400,
  deadLetter: DEAD_LETTER_QUEUE,
} satisfies Omit<Queue, 'name'>;

/**
 * For a job's summary rewrite in one interactive transaction: Prisma's default of 5 s expires it mid-commit at
 * province scale (a month's product summary over 30 M order lines takes tens of seconds on 2 cores).
 */
export const SUMMARY_TRANSACTION = { timeout: 15 * 60_000, maxWait: 60_000 } as const;

export type EnqueueInput = { queue: string; payload: Prisma.InputJsonValue; runAt?: Date; uniqueKey?: string };

type BossOptions = { url?: string; worker?: boolean };
const globalForJobs = globalThis as unknown as { tobaccoJobQueue?: Map<string, Promise<PgBoss>> };

/**
 * The process's pg-boss instance for DATABASE_URL (or `url`). Apps and tests only send through it; the
 * worker (`worker: true`) also installs or migrates pg-boss's schema, runs its maintenance and its cron.
 */
export function jobQueue({ url = dbEnv.databaseUrl, worker = false }: BossOptions = {}): Promise<PgBoss> {
  if (!url) throw new Error('DATABASE_URL is not set: the job queue needs it.');
  const bosses = (globalForJobs.tobaccoJobQueue ??= new Map());
  const id = `${worker}:${url}`;
  let boss = bosses.get(id);
  if (!boss) {
    const instance = new PgBoss({
      connectionString: url,
      schema: JOB_SCHEMA,
      application_name: worker ? 'tobacco-worker' : 'tobacco-jobs',
      max: worker ? 4 : 2,
      migrate: worker,
      createSchema: worker,
      supervise: worker,
      schedule: worker,
    });
    instance.on('error', (error) => getLogger().error({ err: error }, 'job queue error'));
    boss = instance.start();
    boss.catch(() => bosses.delete(id));
    bosses.set(id, boss);
  }
  return boss;
}

/** Stops this process's pg-boss instances (before their database is dropped, so none polls a missing one). */
export async function stopJobQueues(): Promise<void> {
  const bosses = globalForJobs.tobaccoJobQueue;
  if (!bosses) return;
  const started = [...bosses.values()];
  bosses.clear();
  await Promise.allSettled(started.map(async (boss) => (await boss).stop({ graceful: false })));
}

/**
 * Creates pg-boss's schema (or migrates it) and the dead-letter queue; safe to repeat. Run after our own
 * migrations wherever they run, so the apps can enqueue before the worker first starts.
 */
export async function installJobQueue(url: string, queues: string[] = []): Promise<void> {
  const boss = new PgBoss({ connectionString: url, schema: JOB_SCHEMA, max: 2, supervise: false, schedule: false });
  boss.on('error', (error) => getLogger().error({ err: error }, 'job queue error'));
  await boss.start();
  try {
    for (const name of [DEAD_LETTER_QUEUE, ...queues]) await createQueue(boss, name);
  } finally {
    await boss.stop({ graceful: false });
  }
}

export async function createQueue(boss: PgBoss, name: string): Promise<void> {
  if (await boss.getQueue(name)) return;
  const { deadLetter, ...options } = QUEUE_OPTIONS;
  await boss.createQueue(name, name === DEAD_LETTER_QUEUE ? options : { ...options, deadLetter });
}

/** A job's id from its unique key: a second enqueue with the key hits the same primary key and is a no-op. */
function idFor(queue: string, uniqueKey: string): string {
  const h = createHash('sha256').update(`${queue}\0${uniqueKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const isQueueMissing = (error: unknown) => (error as { code?: string } | null)?.code === 'PGBOSS_QUEUE_NOT_FOUND';

/**
 * Adds jobs inside the caller's transaction (or on the client); with a uniqueKey a second enqueue of the
 * same job is a no-op while the first is kept (a week after it finished). A queue met for the first time
 * is created with our policy, so a new handler needs nothing but its line in jobs.handlers.ts.
 */
export async function enqueueJobs(db: DbTx, queue: string, jobs: Omit<EnqueueInput, 'queue'>[]): Promise<void> {
  if (jobs.length === 0) return;
  const boss = await jobQueue();
  const rows = jobs.map((job) => ({
    data: job.payload as object,
    startAfter: job.runAt,
    ...(job.uniqueKey ? { id: idFor(queue, job.uniqueKey), singletonKey: job.uniqueKey } : {}),
  }));
  const insert = () => boss.insert(queue, rows, { db: fromPrisma(db) });
  try {
    await insert();
  } catch (error) {
    if (!isQueueMissing(error)) throw error;
    await createQueue(boss, queue);
    await insert();
  }
}

/** Adds a job; with a uniqueKey a second enqueue of the same job is a no-op. */
export async function enqueueJob(db: DbTx, input: EnqueueInput): Promise<void> {
  await enqueueJobs(db, input.queue, [input]);
}

export type JobState = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';
const STATES: Record<string, JobState> = {
  created: 'PENDING',
  retry: 'PENDING',
  active: 'RUNNING',
  completed: 'DONE',
  failed: 'FAILED',
  cancelled: 'CANCELLED',
};
export type JobRow = {
  id: string;
  queue: string;
  payload: Prisma.JsonValue;
  state: JobState;
  runAt: Date;
  attempts: number;
  lastError: string | null;
};

/** The job enqueued with this unique key, in the words of our domain (for tests and the admin screen). */
export async function findJob(db: DbTx, uniqueKey: string): Promise<JobRow | null> {
  const [row] = await db.$queryRaw<(Omit<JobRow, 'state'> & { state: string })[]>`
    SELECT id::text, name AS queue, data AS payload, state::text, start_after AS "runAt", CASE WHEN state = 'created' THEN 0 ELSE retry_count + 1 END AS attempts, output->>'message' AS "lastError"
    FROM pgboss.job WHERE singleton_key = ${uniqueKey} AND name <> ${DEAD_LETTER_QUEUE}
    ORDER BY created_on DESC LIMIT 1`;
  return row ? { ...row, state: STATES[row.state] ?? 'PENDING' } : null;
}

export type JobHandler = (db: Db, payload: Prisma.JsonValue, now: Date) => Promise<void>;

/**
 * A handler whose payload is checked first: a job with a malformed payload fails with the reason (and
 * ends in the dead-letter queue) instead of reaching the service half-read.
 */
export function withPayload<S extends z.ZodType>(
  schema: S,
  run: (db: Db, payload: z.output<S>, now: Date) => Promise<unknown>,
): JobHandler {
  return async (db, payload, now) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success)
      throw new Error(`Invalid job payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
    await run(db, parsed.data, now);
  };
}
