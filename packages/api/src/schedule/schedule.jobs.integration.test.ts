import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, testDb } from '@tobacco/db/testing';
import { isoWeekCode } from '../allocation/allocation.versions.rules';
import { listQueuedJobs } from '../testing/jobs';
import { addDays, chinaDateTime } from './calendar.rules';
import { ensureCyclesAhead, sendWindowReminder, sweepWindowReminders, WINDOW_REMINDER_QUEUE } from './schedule.jobs';

// The weekly cycle running by itself, on real PostgreSQL, in weeks of 2086 that no other file uses.

const db = testDb();
const MONDAY = '2086-03-04';
let districtId: number;
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
});

describe('cycles a year ahead', () => {
  it('creates the current cycle and the 52 after it once, with ISO week codes', async () => {
    const now = chinaDateTime(addDays(MONDAY, 2), '10:00');
    expect(await ensureCyclesAhead(db, now)).toBe(53);
    expect(await ensureCyclesAhead(db, now)).toBe(0);
    const rows = await db.orderCycle.findMany({
      where: { weekStart: { gte: new Date(`${MONDAY}T00:00:00Z`), lte: new Date(`${addDays(MONDAY, 7 * 52)}T00:00:00Z`) } },
      orderBy: { weekStart: 'asc' },
    });
    expect(rows).toHaveLength(53);
    expect(rows[0]).toMatchObject({ code: '2086-W10', weekEnd: new Date(`${addDays(MONDAY, 6)}T00:00:00Z`) });
    // The SQL's ISO week codes agree with the rule the back office names cycles by.
    expect(rows.map((r) => r.code)).toEqual(rows.map((r) => isoWeekCode(r.weekStart.toISOString().slice(0, 10))));
    expect(rows.at(-1)!.code).toBe('2087-W10');
    // On Saturday after the publish time the current cycle is next week's, and the year runs from there.
    expect(await ensureCyclesAhead(db, chinaDateTime(addDays(MONDAY, 5), '12:30'))).toBe(1);
  });
});

describe('order-window reminders', () => {
  it('are enqueued once per cycle and kind, and reach every active retailer once', async () => {
    const active = await createRetailer(db, { districtId, passwordHash });
    const suspended = await createRetailer(db, { districtId, passwordHash, status: 'SUSPENDED' });
    // The window of the cycle after MONDAY's opens on Saturday MONDAY+5 at 12:00; Friday 12:30 is the day before.
    const friday = chinaDateTime(addDays(MONDAY, 4), '12:30');
    const cycleStart = addDays(MONDAY, 7);
    expect(await sweepWindowReminders(db, friday)).toBe(1);
    expect(await sweepWindowReminders(db, new Date(friday.getTime() + 15 * 60_000))).toBe(1);
    const jobs = await listQueuedJobs(db, { queue: WINDOW_REMINDER_QUEUE, uniqueKeyPrefix: `schedule:windowReminder:${cycleStart}:` });
    expect(jobs.map((j) => j.uniqueKey)).toEqual([`schedule:windowReminder:${cycleStart}:dayBefore`]);

    await sendWindowReminder(db, jobs[0]!.payload as { cycleStart: string; kind: 'dayBefore' }, friday);
    const mine = await db.notification.findMany({ where: { retailerId: { in: [active.id, suspended.id] }, kind: 'ORDER_WINDOW' } });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ retailerId: active.id, link: '/allocation?cycle=next' });
    expect(mine[0]).toMatchObject({ messageKey: 'schedule.reminder.dayBefore', params: { cycle: '2086-W11' } });

    // At the opening the second reminder follows, once.
    const saturday = chinaDateTime(addDays(MONDAY, 5), '12:10');
    expect(await sweepWindowReminders(db, saturday)).toBe(1);
    expect(await listQueuedJobs(db, { uniqueKey: `schedule:windowReminder:${cycleStart}:atOpening` })).toHaveLength(1);
  });
});
