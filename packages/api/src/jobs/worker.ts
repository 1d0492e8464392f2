import type { PgBoss } from 'pg-boss';
import type { Db, Prisma } from '@tobacco/db/client';
import { JOB_HANDLERS } from './jobs.handlers';
import { SCHEDULES, type Schedule } from './jobs.schedules';
import { getLogger } from '../ops/logger';
import { createQueue, jobQueue, type JobHandler } from './jobs.service';

export const SCHEDULE_PREFIX = 'schedule.';
const scheduleQueue = (schedule: Schedule) => `${SCHEDULE_PREFIX}${schedule.name}`;

/** A schedule's cron expression: its own, or one that fires every `everyMinutes`. */
export function cronOf(schedule: Schedule): string {
  if (schedule.cron) return schedule.cron;
  const m = schedule.everyMinutes;
  if (Number.isInteger(m) && m >= 1 && m < 60 && 60 % m === 0) return `*/${m} * * * *`;
  if (Number.isInteger(m / 60) && m >= 60 && 24 % (m / 60) === 0) return `0 */${m / 60} * * *`;
  throw new Error(`Schedule ${schedule.name}: every ${m} minutes is no cron step; give it a cron expression.`);
}

/** The start of the schedule's slot that `now` falls in, as an ISO string (part of the job's unique key). */
export function slotOf(schedule: Schedule, now: Date): string {
  const slotMs = schedule.everyMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / slotMs) * slotMs).toISOString();
}

/**
 * Registers every queue, schedule and handler on a started pg-boss. Each schedule fires a job on its own
 * queue (pg-boss sends one per cron slot across all workers), whose work is the schedule's enqueue.
 */
export async function startJobs(
  boss: PgBoss,
  db: Db,
  handlers: Record<string, JobHandler> = JOB_HANDLERS,
  schedules: Schedule[] = SCHEDULES,
): Promise<void> {
  for (const queue of Object.keys(handlers)) await createQueue(boss, queue);
  const wanted = new Set(schedules.map(scheduleQueue));
  // A schedule taken out of jobs.schedules.ts stops firing.
  for (const old of await boss.getSchedules()) {
    if (old.name.startsWith(SCHEDULE_PREFIX) && !wanted.has(old.name)) await boss.unschedule(old.name, old.key);
  }
  for (const schedule of schedules) {
    const queue = scheduleQueue(schedule);
    await createQueue(boss, queue);
    await boss.schedule(queue, cronOf(schedule), {}, { tz: 'Asia/Shanghai' });
    await boss.work(queue, async () => {
      const now = new Date();
      await schedule.enqueue(db, slotOf(schedule, now), now);
    });
  }
  for (const [queue, handler] of Object.entries(handlers)) {
    await boss.work<Prisma.JsonValue>(queue, { batchSize: 1 }, async ([job]) => {
      try {
        await handler(db, job!.data, new Date());
      } catch (error) {
        getLogger().error({ queue, jobId: job!.id, attempt: job!.retryCount + 1, err: error }, 'job failed');
        throw error;
      }
    });
  }
}

/** The worker: serves every queue and schedule until stopped, then lets running jobs finish. */
export async function runWorker(db: Db, signal: AbortSignal): Promise<void> {
  const boss = await jobQueue({ worker: true });
  await startJobs(boss, db);
  if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  await boss.stop({ graceful: true, timeout: 30_000 });
}
