import type { DbTx } from '@tobacco/db/client';
import type { Prisma } from '@tobacco/db/client';
import { DEAD_LETTER_QUEUE, JOB_SCHEMA } from '../jobs/jobs.service';

export type QueuedJob = { id: string; queue: string; uniqueKey: string | null; payload: Prisma.JsonValue; state: string };

/**
 * The jobs waiting in the queue's own tables (pg-boss), for tests that check what a change enqueued.
 * Filter by queue and by the unique key or its prefix: other test files share the database.
 */
export async function listQueuedJobs(
  db: DbTx,
  filter: { queue?: string; uniqueKey?: string; uniqueKeyPrefix?: string },
): Promise<QueuedJob[]> {
  const rows = await db.$queryRawUnsafe<QueuedJob[]>(
    `SELECT id::text, name AS queue, singleton_key AS "uniqueKey", data AS payload, state::text
     FROM ${JOB_SCHEMA}.job
     WHERE name <> $1
       AND ($2::text IS NULL OR name = $2)
       AND ($3::text IS NULL OR singleton_key = $3)
       AND ($4::text IS NULL OR starts_with(singleton_key, $4))
     ORDER BY created_on, id`,
    DEAD_LETTER_QUEUE,
    filter.queue ?? null,
    filter.uniqueKey ?? null,
    filter.uniqueKeyPrefix ?? null,
  );
  return rows;
}
