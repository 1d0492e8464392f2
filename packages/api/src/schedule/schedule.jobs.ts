import type { Db, DbTx } from '@tobacco/db/client';
import { getSettings } from '../admin/settings.service';
import { isoWeekCode } from '../allocation/allocation.versions.rules';
import { queueFanOutDeliveries } from '../channels/channels.service';
import { enqueueJob } from '../jobs/jobs.service';
import type { NotificationInput } from '../notifications/notifications.service';
import { currentCycleStart, dueWindowReminders, windowOpensAt, type WindowReminderKind } from './schedule.rules';
import { loadScheduleSettings } from './schedule.service';

// The weekly cycle running by itself: order cycles exist a year ahead, and retailers are reminded of the
// order window the day before it opens and when it opens (setting schedule.windowReminders).

export const CYCLES_AHEAD_QUEUE = 'schedule.cyclesAhead';
export const WINDOW_REMINDER_SWEEP_QUEUE = 'schedule.windowReminderSweep';
export const WINDOW_REMINDER_QUEUE = 'schedule.windowReminder';
export const CYCLES_AHEAD_WEEKS = 53;

/**
 * Cycle rows from the current cycle to a year ahead, in one statement; existing rows are left alone. A
 * cycle is a week: the order days in it come from the calendar when read, so calendar edits need no change here.
 */
export async function ensureCyclesAhead(db: DbTx, now: Date): Promise<number> {
  const from = currentCycleStart(now, await loadScheduleSettings(db));
  return db.$executeRaw`
    INSERT INTO "OrderCycle" (code, "weekStart", "weekEnd")
    SELECT to_char(d, 'IYYY-"W"IW'), d, d + 6
    FROM generate_series(0, ${CYCLES_AHEAD_WEEKS - 1}) AS k, LATERAL (SELECT ${from}::date + 7 * k AS d) w
    ON CONFLICT DO NOTHING`;
}

/** Enqueues each reminder due now, once per cycle and kind (the job's unique key), however often it runs. */
export async function sweepWindowReminders(db: Db, now: Date): Promise<number> {
  const [settings, values] = await Promise.all([loadScheduleSettings(db), getSettings(db, ['schedule.windowReminders'])]);
  const due = dueWindowReminders(now, settings, values['schedule.windowReminders']);
  for (const reminder of due) {
    await enqueueJob(db, {
      queue: WINDOW_REMINDER_QUEUE,
      payload: { cycleStart: reminder.cycleStart, kind: reminder.kind },
      uniqueKey: `schedule:windowReminder:${reminder.cycleStart}:${reminder.kind}`,
    });
  }
  return due.length;
}

/** The inbox entry of a reminder: one function, so its wording lives in one place. */
export function windowReminderNotice(
  kind: WindowReminderKind,
  args: { cycle: string; opensAt: Date; closeTime: string },
): NotificationInput {
  // The opening instant is rendered in the reader's language when the notice is read.
  const params = { cycle: args.cycle, at: { dateTime: args.opensAt.toISOString() }, close: args.closeTime };
  return kind === 'dayBefore'
    ? { kind: 'ORDER_WINDOW', messageKey: 'schedule.reminder.dayBefore', params, link: '/allocation?cycle=next' }
    : { kind: 'ORDER_WINDOW', messageKey: 'schedule.reminder.open', params, link: '/schedule' };
}

/** One reminder to every active retailer, in one INSERT … SELECT. */
export async function sendWindowReminder(db: Db, payload: { cycleStart: string; kind: WindowReminderKind }, now: Date): Promise<number> {
  const settings = await loadScheduleSettings(db);
  const notice = windowReminderNotice(payload.kind, {
    cycle: isoWeekCode(payload.cycleStart),
    opensAt: windowOpensAt(payload.cycleStart, settings),
    closeTime: settings.windowCloseTime,
  });
  return db.$transaction(async (tx) => {
    const sent = await tx.$executeRaw`
      INSERT INTO "Notification" ("retailerId", kind, "messageKey", params, link, "createdAt")
      SELECT id, ${notice.kind}::"NotificationKind", ${notice.messageKey}, ${JSON.stringify(notice.params ?? {})}::jsonb, ${notice.link ?? null}, ${now}
      FROM "Retailer" WHERE status = 'ACTIVE'`;
    await queueFanOutDeliveries(tx, { kind: notice.kind, messageKey: notice.messageKey, link: notice.link ?? null, createdAt: now });
    return sent;
  });
}
