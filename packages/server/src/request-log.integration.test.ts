import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { portalRouter } from '@tobacco/api/portal';
import { setLogger, getLogger } from '@tobacco/api/ops/logger';
import { memoryLog } from '@tobacco/api/testing/memory-log';
import { signedIn } from '@tobacco/api/testing/callers';
import { sessionCookieName } from '@tobacco/auth/next-auth';
import { createDistrict, createRetailer, testDb, TEST_PASSWORD } from '@tobacco/db/testing';
import { hashPassword } from '@tobacco/auth/password';
import { createAuthProxy } from './app-proxy';
import { createTrpcRouteHandler } from './trpc-route';

// The request id from the edge to the log: the proxy makes it, the tRPC route hands it to the context,
// and the one line per call carries it with the procedure, the duration, the outcome and the caller's kind.
const SECRET = 'request-log-test-secret-0123456789';
const log = memoryLog();
const original = getLogger();
const db = testDb();
const handler = createTrpcRouteHandler(portalRouter, 'portal', () => SECRET);

beforeAll(() => {
  // getDb() in the route reads the URL of this run's database.
  vi.stubEnv('DATABASE_URL', inject('databaseUrl'));
  setLogger(log.logger);
});
afterAll(() => setLogger(original));

/** What the proxy passes on: the request's headers with the id it set. */
async function throughProxy(url: string, headers: Record<string, string> = {}) {
  const response = await createAuthProxy('portal', () => ({ authSecret: SECRET, development: false }))(new NextRequest(url, { headers }));
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(/^[A-Za-z0-9._-]{6,64}$/);
  // NextResponse.next({ request: { headers } }) hands the changed request headers to the route this way.
  expect(response.headers.get('x-middleware-request-x-request-id')).toBe(requestId);
  return { requestId: requestId!, headers: { ...headers, 'x-request-id': requestId! } };
}

describe('request id and request log', () => {
  it('makes an id at the edge and logs one line per call with it, for an anonymous caller', async () => {
    const { requestId, headers } = await throughProxy('http://localhost/api/trpc/home');
    const response = await handler(new NextRequest('http://localhost/api/trpc/home', { headers }));
    expect(response.status).toBe(401);
    const lines = log.lines.filter((l) => l.requestId === requestId);
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request', procedure: 'home', outcome: 'UNAUTHORIZED', caller: 'anonymous', type: 'query' }),
    ]);
    expect(typeof lines[0]!.durationMs).toBe('number');
  });

  it('keeps a well-formed id from a load balancer and replaces one that is not', async () => {
    expect((await throughProxy('http://localhost/api/health', { 'x-request-id': 'lb-7f3a9c21' })).requestId).toBe('lb-7f3a9c21');
    expect((await throughProxy('http://localhost/api/health', { 'x-request-id': 'bad id {"level":"fatal"}' })).requestId).not.toContain(
      ' ',
    );
  });

  it('logs a signed-in shop as a retailer, without its name or phone', async () => {
    const district = await createDistrict(db);
    const shop = await createRetailer(db, { districtId: district.id, passwordHash: await hashPassword(TEST_PASSWORD) });
    const login = shop.logins[0]!;
    const token = await encode({
      secret: SECRET,
      token: {
        user: await signedIn(db, {
          kind: 'retailer' as const,
          loginId: login.id,
          retailerId: shop.id,
          sessionVersion: 0,
          name: shop.shopName,
        }),
      },
    });
    const { requestId, headers } = await throughProxy('http://localhost/api/trpc/home', {
      cookie: `${sessionCookieName('portal')}=${token}`,
    });
    const response = await handler(new NextRequest('http://localhost/api/trpc/home', { headers }));
    const lines = log.lines.filter((l) => l.requestId === requestId);
    expect(lines).toEqual([expect.objectContaining({ procedure: 'home', caller: 'retailer' })]);
    expect(response.status).toBe(200);
    expect(lines[0]!.outcome).toBe('ok');
    expect(JSON.stringify(lines)).not.toContain(shop.shopName);
  });
});
