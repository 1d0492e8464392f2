import type { Db } from '@tobacco/db/client';
import { PROMOTION_SWEEP_QUEUE } from '../promotions/promotions.jobs';
import { COMPLAINT_SWEEP_QUEUE } from '../complaints/complaints.jobs';
import { enqueueJob } from './jobs.service';

// Recurring work: each entry becomes a pg-boss cron schedule (every `everyMinutes`, or its own `cron`
// expression, in Asia/Shanghai), which fires once per slot however many workers run; the entry then enqueues
// its job with a uniqueKey for the slot, so a restart never runs a slot twice either.
export type Schedule = { name: string; everyMinutes: number; cron?: string; enqueue: (db: Db, slot: string, now: Date) => Promise<void> };

export const SCHEDULES: Schedule[] = [
  // SLA breaches of complaints: enqueues one reminder per overdue case per day (催办).
  {
    name: 'complaints.breachSweep',
    everyMinutes: 15,
    enqueue: (db, slot) => enqueueJob(db, { queue: COMPLAINT_SWEEP_QUEUE, payload: {}, uniqueKey: `complaints:sweep:${slot}` }),
  },
  // Ends promotions whose window has closed; sends live any approved one whose go-live job was lost.
  {
    name: 'promotions.sweep',
    everyMinutes: 5,
    enqueue: (db, slot) => enqueueJob(db, { queue: PROMOTION_SWEEP_QUEUE, payload: {}, uniqueKey: `promotions:sweep:${slot}` }),
  },
];
