import type { Db } from '@tobacco/db/client';
import { PROMOTION_SWEEP_QUEUE } from '../promotions/promotions.jobs';
import { COMPLAINT_SWEEP_QUEUE } from '../complaints/complaints.jobs';
import { ALLOCATION_CARRY_FORWARD_QUEUE } from '../allocation/allocation.carry-forward';
import { CYCLES_AHEAD_QUEUE, WINDOW_REMINDER_SWEEP_QUEUE } from '../schedule/schedule.jobs';
import { enqueueJob } from './jobs.service';

// Recurring work, checked by the worker every tick: each entry enqueues its job with a uniqueKey for the
// current time slot, so several workers (or a restart) never run a slot twice.
export type Schedule = { name: string; everyMinutes: number; enqueue: (db: Db, slot: string, now: Date) => Promise<void> };

export const SCHEDULES: Schedule[] = [
  // SLA breaches of complaints: enqueues one reminder per overdue case per day (催办).
  { name: 'complaints.breachSweep', everyMinutes: 15, enqueue: (db, slot) => enqueueJob(db, { queue: COMPLAINT_SWEEP_QUEUE, payload: {}, uniqueKey: `complaints:sweep:${slot}` }) },
  // Ends promotions whose window has closed; sends live any approved one whose go-live job was lost.
  { name: 'promotions.sweep', everyMinutes: 5, enqueue: (db, slot) => enqueueJob(db, { queue: PROMOTION_SWEEP_QUEUE, payload: {}, uniqueKey: `promotions:sweep:${slot}` }) },
  // Carries the last published allocation policy forward when the current cycle has none by its publish time.
  // Order cycles a year ahead, and the order-window reminders due now (each sent once per cycle).
  { name: 'schedule.cyclesAhead', everyMinutes: 360, enqueue: (db, slot) => enqueueJob(db, { queue: CYCLES_AHEAD_QUEUE, payload: {}, uniqueKey: `schedule:cyclesAhead:${slot}` }) },
  { name: 'schedule.windowReminders', everyMinutes: 15, enqueue: (db, slot) => enqueueJob(db, { queue: WINDOW_REMINDER_SWEEP_QUEUE, payload: {}, uniqueKey: `schedule:windowReminderSweep:${slot}` }) },
  { name: 'allocation.carryForward', everyMinutes: 5, enqueue: (db, slot) => enqueueJob(db, { queue: ALLOCATION_CARRY_FORWARD_QUEUE, payload: {}, uniqueKey: `allocation:carryForward:${slot}` }) },
];
