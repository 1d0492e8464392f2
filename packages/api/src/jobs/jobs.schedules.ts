import type { Db } from '@tobacco/db/client';
import { PROMOTION_SWEEP_QUEUE } from '../promotions/promotions.jobs';
import { COMPLAINT_SWEEP_QUEUE } from '../complaints/complaints.jobs';
import { BACKUP_QUEUE } from '../ops/backup.jobs';
import { enqueueJob } from './jobs.service';

// Recurring work, checked by the worker every tick: each entry enqueues its job with a uniqueKey for the
// current time slot, so several workers (or a restart) never run a slot twice.
export type Schedule = { name: string; everyMinutes: number; enqueue: (db: Db, slot: string, now: Date) => Promise<void> };

export const SCHEDULES: Schedule[] = [
  // SLA breaches of complaints: enqueues one reminder per overdue case per day (催办).
  { name: 'complaints.breachSweep', everyMinutes: 15, enqueue: (db, slot) => enqueueJob(db, { queue: COMPLAINT_SWEEP_QUEUE, payload: {}, uniqueKey: `complaints:sweep:${slot}` }) },
  // Ends promotions whose window has closed; sends live any approved one whose go-live job was lost.
  { name: 'promotions.sweep', everyMinutes: 5, enqueue: (db, slot) => enqueueJob(db, { queue: PROMOTION_SWEEP_QUEUE, payload: {}, uniqueKey: `promotions:sweep:${slot}` }) },
  // Backups: hourly check; the settings say how often one is taken and how long they are kept.
  { name: 'ops.backup', everyMinutes: 60, enqueue: (db, slot) => enqueueJob(db, { queue: BACKUP_QUEUE, payload: {}, uniqueKey: `ops:backup:${slot}` }) },
];
