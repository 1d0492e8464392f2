import type { Db } from '@tobacco/db/client';
import { enqueueJob } from '../jobs/jobs.service';
import { ALERT_RUN_QUEUE, lastClosedCycle, runCycleAnomalies } from './alerts.run';

// When an order cycle closes, its anomaly run is enqueued once (the job's unique key is the cycle), by an
// hourly schedule rather than a timer at Sunday midnight: a worker that was down catches up when it starts.

export async function enqueueClosedCycleRun(db: Db, now: Date): Promise<void> {
  const cycle = await lastClosedCycle(db, now);
  if (cycle) await enqueueJob(db, { queue: ALERT_RUN_QUEUE, payload: { cycleId: cycle.id }, uniqueKey: `alerts:cycle:${cycle.id}` });
}

export async function runAlertJob(db: Db, payload: { cycleId: number }, now: Date): Promise<void> {
  await runCycleAnomalies(db, { cycleId: payload.cycleId }, now);
}

export { ALERT_RUN_QUEUE };
