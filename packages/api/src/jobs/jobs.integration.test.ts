import { afterAll, describe, expect, it } from 'vitest';
import { PgBoss, TestClock, type ConstructorOptions } from 'pg-boss';
import { inject } from 'vitest';
import { testDb } from '@tobacco/db/testing';
import { createQueue, DEAD_LETTER_QUEUE, enqueueJob, findJob, JOB_SCHEMA, jobQueue } from './jobs.service';
import { startJobs } from './worker';

const db = testDb();
const url = inject('databaseUrl');
const queue = () => `test-${Math.random().toString(36).slice(2)}`;
const started: PgBoss[] = [];

/** A pg-boss of its own, as a second worker process would have; stopped after the file. */
async function boss(options: Partial<ConstructorOptions> = {}): Promise<PgBoss> {
  const instance = new PgBoss({ connectionString: url, schema: JOB_SCHEMA, max: 2, supervise: false, schedule: false, ...options });
  instance.on('error', () => {});
  started.push(instance);
  return instance.start();
}
afterAll(async () => {
  for (const instance of started) await instance.stop({ graceful: false });
});

const count = async (q: string, state?: string) =>
  Number(
    (
      await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 ${state ? `AND state = '${state}'` : ''}`,
        q,
      )
    )[0]!.n,
  );

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('job queue', () => {
  it('runs a due job once, with its payload checked, and marks it done', async () => {
    const q = queue();
    const seen: unknown[] = [];
    await enqueueJob(db, { queue: q, payload: { n: 1 }, uniqueKey: `${q}:one` });
    await startJobs(await boss(), db, { [q]: async (_db, payload) => void seen.push(payload) }, []);
    await until(async () => (await findJob(db, `${q}:one`))?.state === 'DONE');
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('does not run a job before its time', async () => {
    const q = queue();
    await enqueueJob(db, { queue: q, payload: {}, runAt: new Date(Date.now() + 3_600_000) });
    expect(await (await jobQueue()).fetch(q)).toEqual([]);
  });

  it('enqueues a job with the same unique key once', async () => {
    const q = queue();
    await enqueueJob(db, { queue: q, payload: {}, uniqueKey: `${q}:slot` });
    await enqueueJob(db, { queue: q, payload: {}, uniqueKey: `${q}:slot` });
    expect(await count(q)).toBe(1);
  });

  it('leaves no job behind when the transaction that enqueued it rolls back', async () => {
    const q = queue();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, { queue: q, payload: { n: 1 }, uniqueKey: `${q}:rolled-back` });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await findJob(db, `${q}:rolled-back`)).toBeNull();
    await db.$transaction((tx) => enqueueJob(tx, { queue: q, payload: { n: 2 }, uniqueKey: `${q}:committed` }));
    expect(await findJob(db, `${q}:committed`)).toMatchObject({ queue: q, payload: { n: 2 }, state: 'PENDING' });
  });

  it('retries a failing job later and records the error', async () => {
    const q = queue();
    const before = Date.now();
    await enqueueJob(db, { queue: q, payload: {}, uniqueKey: `${q}:fails` });
    await startJobs(
      await boss(),
      db,
      {
        [q]: async () => {
          throw new Error('boom');
        },
      },
      [],
    );
    // Until the failed attempt is recorded: while it runs, the job already counts one attempt.
    await until(async () => {
      const job = await findJob(db, `${q}:fails`);
      return job?.attempts === 1 && job.state !== 'RUNNING';
    });
    const job = (await findJob(db, `${q}:fails`))!;
    expect(job).toMatchObject({ state: 'PENDING', attempts: 1, lastError: 'boom' });
    // Back-off: the retry waits (about 30 s on the first failure).
    expect(job.runAt.getTime()).toBeGreaterThan(before + 10_000);
  });

  it('rejects a malformed payload before the service sees it', async () => {
    const { JOB_HANDLERS } = await import('./jobs.handlers');
    const { PROMOTION_GO_LIVE_QUEUE } = await import('../promotions/promotions.jobs');
    await expect(JOB_HANDLERS[PROMOTION_GO_LIVE_QUEUE]!(db, { promotionId: 'x' }, new Date())).rejects.toThrow(
      /Invalid job payload: promotionId/,
    );
  });

  it('never hands one job to two workers at once', async () => {
    const q = queue();
    for (let i = 0; i < 20; i += 1) await enqueueJob(db, { queue: q, payload: { i } });
    const [a, b] = [await boss(), await boss()];
    const [x, y] = await Promise.all([a.fetch(q, { batchSize: 1000 }), b.fetch(q, { batchSize: 1000 })]);
    const ids = [...x, ...y].map((j) => j.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it('refuses a completion from a worker whose claim lapsed while another worker holds the job', async () => {
    const q = queue();
    const [a, b] = [await boss(), await boss()];
    await a.createQueue(q, { expireInSeconds: 1, retryLimit: 2, retryDelay: 0 });
    await enqueueJob(db, { queue: q, payload: {}, uniqueKey: `${q}:slow` });
    const [first] = await a.fetch(q);
    await new Promise((r) => setTimeout(r, 1_500));
    await a.supervise(q); // the claim of worker A has expired: the job goes back to the queue
    const [second] = await b.fetch(q);
    expect(second?.id).toBe(first!.id);
    expect(second!.retryCount).toBe(first!.retryCount + 1);
    // Worker A finishes late: its completion is refused, the job stays with B.
    expect(await a.complete(q, first!)).toMatchObject({ affected: 0 });
    expect((await findJob(db, `${q}:slow`))!.state).toBe('RUNNING');
    expect(await b.complete(q, second!)).toMatchObject({ affected: 1 });
    expect((await findJob(db, `${q}:slow`))!.state).toBe('DONE');
  });

  it('deletes finished jobs after their retention and keeps waiting ones', async () => {
    const q = queue();
    const a = await boss();
    await a.createQueue(q, { deleteAfterSeconds: 1 });
    await enqueueJob(db, { queue: q, payload: {}, uniqueKey: `${q}:done` });
    const [job] = await a.fetch(q);
    await a.complete(q, job!);
    await enqueueJob(db, { queue: q, payload: {}, uniqueKey: `${q}:waiting`, runAt: new Date(Date.now() + 3_600_000) });
    expect(await count(q)).toBe(2);
    await new Promise((r) => setTimeout(r, 1_500));
    await a.supervise(q);
    expect(await findJob(db, `${q}:done`)).toBeNull();
    expect(await findJob(db, `${q}:waiting`)).toMatchObject({ state: 'PENDING' });
  });

  it('moves a job out of retries to the dead-letter queue, where it can be retried', async () => {
    const q = queue();
    const a = await boss();
    await createQueue(a, q);
    await a.updateQueue(q, { retryLimit: 0 });
    const marker = Math.random();
    await enqueueJob(db, { queue: q, payload: { marker } });
    const [job] = await a.fetch(q);
    await a.fail(q, job!, new Error('gave up'));
    const dead = await db.$queryRaw<
      { id: string }[]
    >`SELECT id::text FROM pgboss.job WHERE name = ${DEAD_LETTER_QUEUE} AND (data->>'marker')::float8 = ${marker}`;
    expect(dead).toHaveLength(1);
  });
});

describe('cron schedules', () => {
  it('fire once per slot with two workers', async () => {
    // A schema of its own, on a clock the test moves: two workers run their cron passes side by side.
    // Unique per run, not only per process: a database kept between runs may hold an old run's schema of a reused pid.
    const schema = `pgboss_cron_${process.pid}_${Date.now().toString(36)}`;
    const start = new Date('2031-05-01T08:00:30Z');
    const clocks = [new TestClock(start), new TestClock(start)];
    const workers = await Promise.all(
      clocks.map((clock) =>
        boss({
          schema,
          clock,
          schedule: true,
          supervise: true,
          migrate: true,
          createSchema: true,
          cronMonitorIntervalSeconds: 1,
          cronWorkerIntervalSeconds: 1,
        }),
      ),
    );
    const q = queue();
    await workers[0]!.createQueue(q);
    await workers[0]!.schedule(q, '* * * * *', { tick: true });
    // Three minutes pass, a second at a time, for both workers.
    for (let s = 0; s < 180; s += 1) await Promise.all(clocks.map((c) => c.tick(1_000)));
    await new Promise((r) => setTimeout(r, 1_000));
    for (let s = 0; s < 5; s += 1) await Promise.all(clocks.map((c) => c.tick(1_000)));
    const rows = await db.$queryRawUnsafe<{ slot: Date }[]>(
      `SELECT date_trunc('minute', created_on) AS slot FROM ${schema}.job WHERE name = $1 ORDER BY 1`,
      q,
    );
    const slots = rows.map((r) => r.slot.toISOString());
    // Each minute passed through fired exactly once, though both workers ran the cron every second.
    expect(new Set(slots).size).toBe(slots.length);
    for (const minute of ['08:01', '08:02']) expect(slots.filter((s) => s === `2031-05-01T${minute}:00.000Z`)).toHaveLength(1);
  }, 60_000);
});
