import type { Db } from '@tobacco/db/client';
import { PROMOTION_SWEEP_QUEUE } from '../promotions/promotions.jobs';
import { COMPLAINT_SWEEP_QUEUE } from '../complaints/complaints.jobs';
import { ALLOCATION_CARRY_FORWARD_QUEUE } from '../allocation/allocation.carry-forward';
import { APPEAL_REMIND_QUEUE } from '../grading/grading.appeals.service';
import { enqueueClosedCycleRun } from '../alerts/alerts.jobs';
import { CYCLES_AHEAD_QUEUE, WINDOW_REMINDER_SWEEP_QUEUE } from '../schedule/schedule.jobs';
import { BACKUP_QUEUE } from '../ops/backup.jobs';
import { RANKINGS_QUEUE } from '../rankings/rankings.service';
import { lastClosedMonth } from '../rankings/rankings.rules';
import { enqueueMonthlyReports } from '../analytics/business-report.service';
import { PRODUCT_MONTH_QUEUE } from '../products/products.service';
import { enqueueCycleDemand } from '../products/forecast.service';
import { EXECUTIVE_SUMMARY_QUEUE } from '../analytics/executive.service';
import { GREETINGS_QUEUE } from '../care/care.jobs';
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
  // Overdue grade appeals: one reminder to the managers a day (the slot is a UTC day, 08:00 in China).
  {
    name: 'grading.appealReminder',
    everyMinutes: 24 * 60,
    enqueue: (db, slot) => enqueueJob(db, { queue: APPEAL_REMIND_QUEUE, payload: {}, uniqueKey: `grading:appealRemind:${slot}` }),
  },
  // Order cycles a year ahead, and the order-window reminders due now (each sent once per cycle).
  {
    name: 'schedule.cyclesAhead',
    everyMinutes: 360,
    enqueue: (db, slot) => enqueueJob(db, { queue: CYCLES_AHEAD_QUEUE, payload: {}, uniqueKey: `schedule:cyclesAhead:${slot}` }),
  },
  {
    name: 'schedule.windowReminders',
    everyMinutes: 15,
    enqueue: (db, slot) =>
      enqueueJob(db, { queue: WINDOW_REMINDER_SWEEP_QUEUE, payload: {}, uniqueKey: `schedule:windowReminderSweep:${slot}` }),
  },
  // Carries the last published allocation policy forward when the current cycle has none by its publish time.
  {
    name: 'allocation.carryForward',
    everyMinutes: 5,
    enqueue: (db, slot) =>
      enqueueJob(db, { queue: ALLOCATION_CARRY_FORWARD_QUEUE, payload: {}, uniqueKey: `allocation:carryForward:${slot}` }),
  },
  // Anomaly (异动) rules of the order cycle that closed last; once per cycle (the job's unique key).
  { name: 'alerts.cycleClose', everyMinutes: 60, enqueue: (db, _slot, now) => enqueueClosedCycleRun(db, now) },
  // Last month's rankings, once per month (the unique key), checked every six hours so a worker that was
  // down on the 1st catches up.
  {
    name: 'rankings.monthly',
    everyMinutes: 360,
    enqueue: (db, _slot, now) => {
      const month = lastClosedMonth(now);
      return enqueueJob(db, { queue: RANKINGS_QUEUE, payload: { month }, uniqueKey: `rankings:month:${month}` });
    },
  },
  // Last month's business reports (我的经营分析) with a notice to each shop, once per month (unique key).
  { name: 'reports.monthly', everyMinutes: 360, enqueue: (db, _slot, now) => enqueueMonthlyReports(db, now) },
  // Last month's product summary (商品二八分析、商品综合分析), the same way: once per month, checked every six hours.
  {
    name: 'products.monthly',
    everyMinutes: 360,
    enqueue: (db, _slot, now) => {
      const month = lastClosedMonth(now);
      return enqueueJob(db, { queue: PRODUCT_MONTH_QUEUE, payload: { month }, uniqueKey: `products:month:${month}` });
    },
  },
  // The demand summary of each order cycle that closed (需求预测 vs 投放): hourly, once per cycle (unique key),
  // and any closed cycle of the last eight weeks the summary still lacks.
  { name: 'products.cycleDemand', everyMinutes: 60, enqueue: (db, _slot, now) => enqueueCycleDemand(db, now) },
  // The executive dashboard's summaries (SLA compliance, anomalies, promotion reach), rewritten once a night at
  // 02:00 China time: the dashboard shows closed months, and a night's delay in the reach figures is acceptable.
  {
    name: 'analytics.executive',
    everyMinutes: 24 * 60,
    cron: '0 2 * * *',
    enqueue: (db, slot) => enqueueJob(db, { queue: EXECUTIVE_SUMMARY_QUEUE, payload: {}, uniqueKey: `analytics:executive:${slot}` }),
  },
  // Backups: hourly check; the settings say how often one is taken and how long they are kept.
  {
    name: 'ops.backup',
    everyMinutes: 60,
    enqueue: (db, slot) => enqueueJob(db, { queue: BACKUP_QUEUE, payload: {}, uniqueKey: `ops:backup:${slot}` }),
  },
  // Birthday and anniversary greetings, once a day at 08:00 China time (the unique constraint keeps each once a year).
  {
    name: 'care.greetings',
    everyMinutes: 24 * 60,
    cron: '0 8 * * *',
    enqueue: (db, slot) => enqueueJob(db, { queue: GREETINGS_QUEUE, payload: {}, uniqueKey: `care:greetings:${slot}` }),
  },
];
