import type { Db } from '@tobacco/db/client';
import { JOB_HANDLERS } from './jobs.handlers';
import { SCHEDULES } from './jobs.schedules';
import { runDueJobs } from './jobs.service';

/** Enqueues each schedule's job for the current slot (idempotent through the slot's uniqueKey). */
export async function enqueueScheduled(db: Db, now: Date): Promise<void> {
  for (const schedule of SCHEDULES) {
    const slotMs = schedule.everyMinutes * 60_000;
    const slot = new Date(Math.floor(now.getTime() / slotMs) * slotMs).toISOString();
    await schedule.enqueue(db, slot, now);
  }
}

/** The worker loop: every few seconds, enqueue what is scheduled and run what is due, until stopped. */
export async function runWorker(db: Db, signal: AbortSignal, intervalMs = 5_000): Promise<void> {
  while (!signal.aborted) {
    try {
      await enqueueScheduled(db, new Date());
      while ((await runDueJobs(db, JOB_HANDLERS)) > 0 && !signal.aborted);
    } catch (error) {
      console.error('[worker] tick failed:', error);
    }
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      signal.addEventListener('abort', () => { clearTimeout(timer); resolve(undefined); }, { once: true });
    });
  }
}
