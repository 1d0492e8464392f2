import { describe, expect, it } from 'vitest';
import { createDistrict, createRetailer, testDb, TEST_PASSWORD } from '@tobacco/db/testing';
import { hashPassword } from '@tobacco/auth/password';
import { enqueueJob } from '../jobs/jobs.service';
import { portalCallerFor, retailerActor } from '../testing/callers';
import { queueStats } from './metrics';
import { metricsResponse } from './ops.http';

const db = testDb();
const TOKEN = 'metrics-token-for-tests-0123';
const scrape = (authorization?: string, token: string | undefined = TOKEN) =>
  metricsResponse(new Request('http://localhost/api/metrics', { headers: authorization ? { authorization } : {} }), db, token);

describe('metrics', () => {
  it('exist only with a token configured, and only for its holder', async () => {
    expect((await scrape(`Bearer ${TOKEN}`, '')).status).toBe(404);
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong-token-of-same-len')).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('report procedure durations and errors, the queue and the pool in Prometheus format', async () => {
    const shop = await createRetailer(db, { districtId: (await createDistrict(db)).id, passwordHash: await hashPassword(TEST_PASSWORD) });
    await portalCallerFor(db, retailerActor(shop)).home();
    await portalCallerFor(db, null)
      .home()
      .catch(() => undefined);
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/api_request_duration_seconds_count\{procedure="home",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/api_request_errors_total\{procedure="home",code="UNAUTHORIZED"\} [1-9]/);
    expect(text).toMatch(/^job_queue_depth \d+$/m);
    expect(text).toMatch(/^job_queue_oldest_age_seconds [\d.e+-]+$/m);
    expect(text).toMatch(/^db_pool_connections [1-9]\d*$/m);
    expect(text).toMatch(/^db_pool_max [1-9]\d*$/m);
  });

  it('count due jobs and the age of the oldest', async () => {
    // A clock far ahead, so only this test's jobs (due an hour before it) set the oldest age.
    const now = new Date('2032-01-01T00:00:00Z');
    const before = await queueStats(db, now);
    await enqueueJob(db, {
      queue: 'metrics.test',
      payload: {},
      runAt: new Date(now.getTime() - 3_600_000),
      uniqueKey: `metrics-test-${Date.now()}-a`,
    });
    await enqueueJob(db, {
      queue: 'metrics.test',
      payload: {},
      runAt: new Date(now.getTime() + 60_000),
      uniqueKey: `metrics-test-${Date.now()}-b`,
    });
    const after = await queueStats(db, now);
    expect(after.due).toBe(before.due + 1);
    expect(after.oldestAgeSeconds).toBeGreaterThanOrEqual(3_600);
  });
});
