import { fromPrisma } from 'pg-boss';
import type { z } from 'zod';
import { writeAudit } from '../admin/audit.service';
import type { StaffDeps } from '../deps';
import { DomainError } from '../errors';
import { DEAD_LETTER_QUEUE, jobQueue } from './jobs.service';
import { FAILED_JOBS_PAGE_SIZE, type ZListFailedJobsInput, type ZRetryJobInput } from './jobs.schema';

// What the administrator sees of the job queue: each queue's load, and the jobs that ran out of retries.
// Counted in SQL over pg-boss's table, which retention keeps to about a week of jobs.

export type QueueOverview = {
  queue: string;
  /** Due and not yet taken by a worker. */
  waiting: number;
  /** Seconds the longest-waiting due job has waited, or null when none waits. */
  oldestWaitingSeconds: number | null;
  scheduled: number;
  running: number;
  done: number;
  failed: number;
};

export async function jobQueueOverview({ db, clock }: StaffDeps): Promise<QueueOverview[]> {
  const now = clock();
  const rows = await db.$queryRaw<
    { queue: string; waiting: number; oldest: Date | null; scheduled: number; running: number; done: number; failed: number }[]
  >`
    SELECT q.name AS queue,
      count(j.id) FILTER (WHERE j.state IN ('created','retry') AND j.start_after <= ${now})::int AS waiting,
      min(j.start_after) FILTER (WHERE j.state IN ('created','retry') AND j.start_after <= ${now}) AS oldest,
      count(j.id) FILTER (WHERE j.state IN ('created','retry') AND j.start_after > ${now})::int AS scheduled,
      count(j.id) FILTER (WHERE j.state = 'active')::int AS running,
      count(j.id) FILTER (WHERE j.state = 'completed')::int AS done,
      count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed
    FROM pgboss.queue q LEFT JOIN pgboss.job j ON j.name = q.name
    GROUP BY q.name
    ORDER BY q.name`;
  return rows.map(({ oldest, ...row }) => ({
    ...row,
    oldestWaitingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
  }));
}

export type FailedJob = {
  id: string;
  queue: string;
  uniqueKey: string | null;
  attempts: number;
  failedAt: Date | null;
  error: string | null;
  payload: unknown;
};

/** Jobs out of retries, newest first, with the error of their last attempt. */
export async function listFailedJobs({ db }: StaffDeps, input: z.output<typeof ZListFailedJobsInput>) {
  const queue = input.queue ?? null;
  const [{ total } = { total: 0 }] = await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM pgboss.job WHERE state = 'failed' AND (${queue}::text IS NULL OR name = ${queue})`;
  const items = await db.$queryRaw<FailedJob[]>`
    SELECT id::text, name AS queue, singleton_key AS "uniqueKey", retry_count + 1 AS attempts, completed_on AS "failedAt",
      COALESCE(output->>'message', output::text) AS error, data AS payload
    FROM pgboss.job WHERE state = 'failed' AND (${queue}::text IS NULL OR name = ${queue})
    ORDER BY completed_on DESC NULLS LAST, id
    LIMIT ${FAILED_JOBS_PAGE_SIZE} OFFSET ${(input.page - 1) * FAILED_JOBS_PAGE_SIZE}`;
  return { items, total, page: input.page, pages: Math.max(1, Math.ceil(total / FAILED_JOBS_PAGE_SIZE)) };
}

/** Puts a failed job back in its queue (with one more attempt) and drops its copy from the dead letters. */
export async function retryFailedJob({ db, actor }: StaffDeps, input: z.output<typeof ZRetryJobInput>): Promise<void> {
  const boss = await jobQueue();
  await db.$transaction(async (tx) => {
    const { affected } = (await boss.retry(input.queue, input.id, { db: fromPrisma(tx) })) as { affected?: number };
    if (!affected) throw new DomainError('NOT_FOUND', 'admin.jobs.errors.notFailed');
    await tx.$executeRaw`DELETE FROM pgboss.job WHERE name = ${DEAD_LETTER_QUEUE} AND source_id = ${input.id}::uuid`;
    await writeAudit(tx, { actor, action: 'job.retry', entityType: 'Job', entityId: input.id, after: { queue: input.queue } });
  });
}
