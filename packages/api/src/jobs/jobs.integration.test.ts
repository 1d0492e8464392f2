import { describe, expect, it } from 'vitest';
import { testDb } from '@tobacco/db/testing';
import { claimDueJobs, enqueueJob, runDueJobs } from './jobs.service';

const db = testDb();
const queue = () => `test-${Math.random().toString(36).slice(2)}`;

describe('job queue', () => {
  it('runs a due job once and marks it done', async () => {
    const q = queue();
    const seen: unknown[] = [];
    await enqueueJob(db, { queue: q, payload: { n: 1 }, runAt: new Date('2026-01-01T00:00:00Z') });
    const handlers = { [q]: async (_db: unknown, payload: unknown) => void seen.push(payload) };
    await runDueJobs(db, handlers, new Date('2026-01-01T00:00:01Z'));
    await runDueJobs(db, handlers, new Date('2026-01-01T00:00:02Z'));
    expect(seen).toEqual([{ n: 1 }]);
    expect(await db.job.count({ where: { queue: q, state: 'DONE' } })).toBe(1);
  });

  it('does not run a job before its time', async () => {
    const q = queue();
    await enqueueJob(db, { queue: q, payload: {}, runAt: new Date('2030-01-01T00:00:00Z') });
    const claimed = await claimDueJobs(db, new Date('2029-12-31T23:59:59Z'), 1000);
    expect(claimed.filter((j) => j.queue === q)).toEqual([]);
  });

  it('enqueues a job with the same unique key once', async () => {
    const q = queue();
    await enqueueJob(db, { queue: q, payload: {}, uniqueKey: `${q}:slot` });
    await enqueueJob(db, { queue: q, payload: {}, uniqueKey: `${q}:slot` });
    expect(await db.job.count({ where: { queue: q } })).toBe(1);
  });

  it('retries a failing job later and records the error', async () => {
    const q = queue();
    const now = new Date('2026-02-01T00:00:00Z');
    await enqueueJob(db, { queue: q, payload: {}, runAt: now });
    await runDueJobs(db, { [q]: async () => { throw new Error('boom'); } }, now);
    const job = await db.job.findFirstOrThrow({ where: { queue: q } });
    expect(job).toMatchObject({ state: 'PENDING', attempts: 1, lastError: 'Error: boom' });
    expect(job.runAt.getTime()).toBe(now.getTime() + 30_000);
  });

  it('never hands one job to two workers at once', async () => {
    const q = queue();
    const now = new Date('2026-03-01T00:00:00Z');
    for (let i = 0; i < 20; i += 1) await enqueueJob(db, { queue: q, payload: { i }, runAt: now });
    const [a, b] = await Promise.all([claimDueJobs(db, now, 1000), claimDueJobs(db, now, 1000)]);
    const mine = (jobs: { queue: string; id: bigint }[]) => jobs.filter((j) => j.queue === q).map((j) => j.id);
    const ids = [...mine(a), ...mine(b)];
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });
});
