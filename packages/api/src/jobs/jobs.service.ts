import type { Db, DbTx } from '@tobacco/db/client';
import { Prisma } from '@tobacco/db/client';

// A job queue on PostgreSQL: side effects run after the transaction that asked for them has committed
// (enqueue inside it, so a rolled-back change never leaves a job behind), survive restarts, and any number
// of workers share the table safely (rows are claimed with FOR UPDATE SKIP LOCKED).

export type EnqueueInput = { queue: string; payload: Prisma.InputJsonValue; runAt?: Date; uniqueKey?: string };

/** Adds a job; with a uniqueKey a second enqueue of the same job is a no-op. */
export async function enqueueJob(db: DbTx, input: EnqueueInput): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "Job" (queue, payload, "runAt", "uniqueKey")
    VALUES (${input.queue}, ${JSON.stringify(input.payload)}::jsonb, ${input.runAt ?? new Date()}, ${input.uniqueKey ?? null})
    ON CONFLICT ("uniqueKey") DO NOTHING`;
}

export type ClaimedJob = { id: bigint; queue: string; payload: Prisma.JsonValue; attempts: number; maxAttempts: number };

/** Claims up to `limit` due jobs for this worker; a job left RUNNING by a crashed worker is retried after 10 minutes. */
export async function claimDueJobs(db: Db, now: Date, limit = 10): Promise<ClaimedJob[]> {
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET state = 'RUNNING', "lockedAt" = ${now}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "Job"
      WHERE (state = 'PENDING' AND "runAt" <= ${now})
         OR (state = 'RUNNING' AND "lockedAt" < ${new Date(now.getTime() - 10 * 60_000)})
      ORDER BY "runAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, queue, payload, attempts, "maxAttempts"`;
}

export async function completeJob(db: Db, id: bigint, now: Date): Promise<void> {
  await db.job.update({ where: { id }, data: { state: 'DONE', finishedAt: now, lockedAt: null } });
}

/** Retries with exponential back-off (30 s, 1 min, 2 min …) until maxAttempts, then marks it FAILED. */
export async function failJob(db: Db, job: ClaimedJob, error: unknown, now: Date): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const finalAttempt = job.attempts >= job.maxAttempts;
  await db.job.update({
    where: { id: job.id },
    data: {
      state: finalAttempt ? 'FAILED' : 'PENDING',
      lastError: message.slice(0, 2000),
      lockedAt: null,
      runAt: new Date(now.getTime() + 30_000 * 2 ** (job.attempts - 1)),
      finishedAt: finalAttempt ? now : null,
    },
  });
}

export type JobHandler = (db: Db, payload: Prisma.JsonValue, now: Date) => Promise<void>;

/** Runs every due job once; returns how many ran. The worker calls it in a loop, tests call it directly. */
export async function runDueJobs(db: Db, handlers: Record<string, JobHandler>, now: Date = new Date()): Promise<number> {
  const jobs = await claimDueJobs(db, now);
  for (const job of jobs) {
    const handler = handlers[job.queue];
    try {
      if (!handler) throw new Error(`No handler for queue "${job.queue}"`);
      await handler(db, job.payload, now);
      await completeJob(db, job.id, now);
    } catch (error) {
      console.error(`[jobs] ${job.queue} #${job.id} failed (attempt ${job.attempts}):`, error);
      await failJob(db, job, error, now);
    }
  }
  return jobs.length;
}
