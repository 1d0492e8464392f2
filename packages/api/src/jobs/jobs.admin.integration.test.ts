import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createStaff, testDb } from '@tobacco/db/testing';
import { backofficeCallerFor, staffActor } from '../testing/callers';
import { createQueue, DEAD_LETTER_QUEUE, enqueueJob, findJob, jobQueue } from './jobs.service';

const db = testDb();
type Staff = Awaited<ReturnType<typeof createStaff>>;
let admin: Staff;
let manager: Staff;
const now = new Date();
const as = (staff: Staff) => backofficeCallerFor(db, staffActor(staff), () => now);

beforeAll(async () => {
  const passwordHash = await hashPassword('irrelevant-1');
  [admin, manager] = await Promise.all([
    createStaff(db, { roles: ['ADMIN'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
  ]);
});

describe('the job queue screen', () => {
  it('shows each queue with its waiting jobs and how long the oldest has waited', async () => {
    const q = `admin-${Math.random().toString(36).slice(2)}`;
    await enqueueJob(db, { queue: q, payload: {}, runAt: new Date(now.getTime() - 90_000) });
    await enqueueJob(db, { queue: q, payload: {}, runAt: new Date(now.getTime() - 30_000) });
    await enqueueJob(db, { queue: q, payload: {}, runAt: new Date(now.getTime() + 3_600_000) });
    const row = (await as(admin).jobs.overview()).find((r) => r.queue === q);
    expect(row).toMatchObject({ waiting: 2, scheduled: 1, running: 0, failed: 0 });
    expect(row!.oldestWaitingSeconds).toBeGreaterThanOrEqual(89);
    expect(row!.oldestWaitingSeconds).toBeLessThan(120);
  });

  it('lists a failed job with its error and puts it back on retry, once', async () => {
    const q = `admin-${Math.random().toString(36).slice(2)}`;
    const boss = await jobQueue();
    await createQueue(boss, q);
    await boss.updateQueue(q, { retryLimit: 0 });
    await enqueueJob(db, { queue: q, payload: { n: 7 }, uniqueKey: `${q}:x` });
    const [job] = await boss.fetch(q);
    await boss.fail(q, job!, new Error('printer on fire'));
    expect(await db.$queryRaw`SELECT 1 FROM pgboss.job WHERE name = ${DEAD_LETTER_QUEUE} AND source_id = ${job!.id}::uuid`).toHaveLength(1);

    const failed = await as(admin).jobs.failed({ queue: q });
    expect(failed).toMatchObject({
      total: 1,
      items: [{ id: job!.id, queue: q, uniqueKey: `${q}:x`, attempts: 1, error: 'printer on fire', payload: { n: 7 } }],
    });

    await as(admin).jobs.retry({ queue: q, id: job!.id });
    expect((await findJob(db, `${q}:x`))!.state).toBe('PENDING');
    expect(await db.$queryRaw`SELECT 1 FROM pgboss.job WHERE name = ${DEAD_LETTER_QUEUE} AND source_id = ${job!.id}::uuid`).toHaveLength(0);
    expect(await db.auditLog.count({ where: { action: 'job.retry', entityId: job!.id, actorStaffId: admin.id } })).toBe(1);
    // No longer failed: a second retry is refused and changes nothing.
    await expect(as(admin).jobs.retry({ queue: q, id: job!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is for administrators only', async () => {
    await expect(as(manager).jobs.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(manager).jobs.failed({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(manager).jobs.retry({ queue: 'x', id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(as(admin).jobs.retry({ queue: 'x', id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
