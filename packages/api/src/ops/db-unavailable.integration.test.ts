import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@tobacco/db/client';
import { createDistrict, createRetailer, testDb, TEST_PASSWORD } from '@tobacco/db/testing';
import { hashPassword } from '@tobacco/auth/password';
import { portalCallerFor, retailerActor } from '../testing/callers';
import { memoryLog } from '../testing/memory-log';
import { isDatabaseUnavailable } from './db-unavailable';
import { getLogger, setLogger } from './logger';

const log = memoryLog();
const original = getLogger();
beforeAll(() => setLogger(log.logger));
afterAll(() => setLogger(original));

describe('database unavailable', () => {
  it('answers SERVICE_UNAVAILABLE (503) with a translated message key, and logs the request id', async () => {
    const db = testDb();
    const shop = await createRetailer(db, { districtId: (await createDistrict(db)).id, passwordHash: await hashPassword(TEST_PASSWORD) });
    const down = createDb('postgresql://postgres:postgres@127.0.0.1:1/none', { max: 1 });
    const error = await portalCallerFor(down, retailerActor(shop))
      .home()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(log.lines).toContainEqual(
      expect.objectContaining({ requestId: 'test', procedure: 'home', outcome: 'SERVICE_UNAVAILABLE', caller: 'retailer' }),
    );
    await down.$disconnect();
  });

  it('tells a database outage from other failures', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'P1001' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable({ meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57P01' } } } })).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('unique'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable({ meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '23505' } } } })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
