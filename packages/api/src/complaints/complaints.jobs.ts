import type { Db, DbTx } from '@tobacco/db/client';
import type { CaseState } from '@tobacco/db/enums';
import { notifyStaff } from '../notifications/notifications.service';
import { enqueueJobs } from '../jobs/jobs.service';
import { chinaDate, chinaDateTime } from '../schedule/calendar.rules';
import { overdueClock, overdueSql } from './complaints.rules';
import { caseNotice } from './complaints.notices';
import { loadSla } from './complaints.case';

// SLA breaches (催办), checked by jobs on the PostgreSQL queue, never by timers in a process: the sweep runs
// every few minutes (jobs.schedules.ts) and enqueues one reminder per overdue case per China date (the job's
// uniqueKey), so a restart, a second worker or a second sweep on the same day never reminds twice.
// A reminder marks the case breached (the first time), puts a BREACHED event on the staff timeline and tells
// the owner and a manager in their inbox; it repeats each working day while the case stays overdue.

export const COMPLAINT_SWEEP_QUEUE = 'complaints.breachSweep';
export const COMPLAINT_REMIND_QUEUE = 'complaints.remind';

/** How far back an unmade follow-up call is still chased. */
const FOLLOW_UP_CHASE_DAYS = 30;

const ts = (d: Date) => d.toISOString();

/** Enqueues today's reminder for every overdue case not yet reminded today; returns their ids. */
export async function sweepBreaches(db: Db, now: Date): Promise<number[]> {
  const today = chinaDate(now);
  const { calendar } = await loadSla(db, now);
  // Nobody reads a reminder on a holiday; the first working day after it catches up.
  if (!calendar.isWorkingDay(today)) return [];
  const dayStart = chinaDateTime(today, '00:00');
  const chaseFrom = new Date(now.getTime() - FOLLOW_UP_CHASE_DAYS * 86_400_000);
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT c.id FROM "Complaint" c
    WHERE ${overdueSql(now)}
      AND (c."lastReminderAt" IS NULL OR c."lastReminderAt" < ${ts(dayStart)}::timestamptz AT TIME ZONE 'UTC')
    UNION
    SELECT c.id FROM "Complaint" c
    WHERE c.state IN ('RESOLVED','CLOSED')
      AND c."followUpDueAt" < ${ts(now)}::timestamptz AT TIME ZONE 'UTC'
      AND c."followUpDueAt" >= ${ts(chaseFrom)}::timestamptz AT TIME ZONE 'UTC'
      AND (c."lastReminderAt" IS NULL OR c."lastReminderAt" < ${ts(dayStart)}::timestamptz AT TIME ZONE 'UTC')
      AND NOT EXISTS (SELECT 1 FROM "ComplaintEvent" e WHERE e."complaintId" = c.id AND e.type = 'FOLLOW_UP')`;
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  // One statement for all of them, however many cases are overdue.
  await enqueueJobs(
    db,
    COMPLAINT_REMIND_QUEUE,
    ids.map((id) => ({ payload: { complaintId: id, date: today }, runAt: now, uniqueKey: `complaints:remind:${id}:${today}` })),
  );
  return ids;
}

type LockedCase = {
  id: number;
  caseNo: string;
  subject: string;
  state: CaseState;
  departmentId: number;
  ownerId: number | null;
  acceptDueAt: Date;
  resolveDueAt: Date;
  followUpDueAt: Date | null;
  breachedAt: Date | null;
  lastReminderAt: Date | null;
};

export type Breach = 'accept' | 'resolve' | 'followUp';

/** Which clock of the case has run out at `now`, if any (the accept clock first). */
export function breachOf(
  c: Pick<LockedCase, 'state' | 'acceptDueAt' | 'resolveDueAt' | 'followUpDueAt'>,
  now: Date,
  followUpDone: boolean,
): Breach | null {
  const clock = overdueClock(c, now);
  if (clock) return clock;
  if ((c.state === 'RESOLVED' || c.state === 'CLOSED') && c.followUpDueAt && c.followUpDueAt < now && !followUpDone) return 'followUp';
  return null;
}

/** A manager to remind: the case department's managers, else every manager. */
async function managersFor(tx: DbTx, departmentId: number): Promise<number[]> {
  const inDepartment = await tx.staffUser.findMany({
    where: { active: true, departmentId, roles: { some: { role: 'MANAGER' } } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  if (inDepartment.length > 0) return inDepartment.map((s) => s.id);
  const all = await tx.staffUser.findMany({
    where: { active: true, roles: { some: { role: 'MANAGER' } } },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: 1,
  });
  return all.map((s) => s.id);
}

/**
 * Today's reminder for one case. It checks again under the row lock (the case may have been handled since
 * the sweep) and skips a case already reminded today. It sets only breachedAt and lastReminderAt and leaves
 * the version alone: a reminder changes nothing a person acts on, so it must not turn a colleague's
 * concurrent reply into a "changed by someone else" conflict.
 */
export async function remindOverdueCase(
  db: Db,
  payload: { complaintId: number },
  now: Date,
): Promise<{ reminded: boolean; breach?: Breach }> {
  return db.$transaction(async (tx) => {
    const [c] = await tx.$queryRaw<LockedCase[]>`
      SELECT id, "caseNo", subject, state, "departmentId", "ownerId", "acceptDueAt", "resolveDueAt", "followUpDueAt", "breachedAt", "lastReminderAt"
      FROM "Complaint" WHERE id = ${payload.complaintId} FOR UPDATE`;
    if (!c) return { reminded: false };
    const followUpDone = (await tx.complaintEvent.count({ where: { complaintId: c.id, type: 'FOLLOW_UP' } })) > 0;
    const breach = breachOf(c, now, followUpDone);
    if (!breach) return { reminded: false };
    if (c.lastReminderAt && chinaDate(c.lastReminderAt) === chinaDate(now)) return { reminded: false };
    const reminder = (await tx.complaintEvent.count({ where: { complaintId: c.id, type: 'BREACHED' } })) + 1;
    await tx.complaint.update({ where: { id: c.id }, data: { breachedAt: c.breachedAt ?? now, lastReminderAt: now } });
    const dueAt = breach === 'accept' ? c.acceptDueAt : breach === 'resolve' ? c.resolveDueAt : c.followUpDueAt!;
    const what = { key: `complaints.breach.${breach}` as const };
    await tx.complaintEvent.create({
      data: {
        complaintId: c.id,
        type: 'BREACHED',
        visibility: 'INTERNAL',
        messageKey: 'complaints.event.breached',
        params: { what, n: reminder },
        data: { breach, reminder, dueAt: dueAt.toISOString() },
        createdAt: now,
      },
    });
    const recipients = new Set<number>(await managersFor(tx, c.departmentId));
    if (c.ownerId) recipients.add(c.ownerId);
    for (const staffUserId of recipients) {
      await notifyStaff(tx, staffUserId, caseNotice('breach', c, c.subject, { what }));
    }
    return { reminded: true, breach };
  });
}
