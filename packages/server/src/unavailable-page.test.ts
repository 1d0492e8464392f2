import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseUnavailable, markDatabaseUnavailable } from '@tobacco/api/ops/db-unavailable';
import { createAuthProxy } from './app-proxy';

const proxy = createAuthProxy('portal', () => ({ authSecret: 'unavailable-page-test-secret', development: false }));
let databaseBack = false;

afterEach(async () => {
  databaseBack = true;
  while (databaseUnavailable()) await new Promise((resolve) => setTimeout(resolve, 50));
});

describe('pages while the database is down', () => {
  it('answer a translated 503 that retries by itself, and come back when the probe succeeds', async () => {
    databaseBack = false;
    markDatabaseUnavailable(async () => {
      if (!databaseBack) throw new Error('still down');
    });
    const zh = await proxy(new NextRequest('http://localhost/complaints'));
    expect(zh.status).toBe(503);
    expect(zh.headers.get('retry-after')).toBe('5');
    expect(zh.headers.get('x-request-id')).toBeTruthy();
    expect(await zh.text()).toContain('服务暂时不可用');
    const en = await proxy(new NextRequest('http://localhost/', { headers: { cookie: 'locale=en' } }));
    expect(await en.text()).toContain('Service temporarily unavailable');
    // The API keeps answering in tRPC's own shape (its 503 comes from the procedure).
    expect((await proxy(new NextRequest('http://localhost/api/trpc/home'))).status).toBe(200);

    databaseBack = true;
    const began = Date.now();
    while (databaseUnavailable() && Date.now() - began < 5_000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(databaseUnavailable()).toBe(false);
    // Back to the normal proxy: no session, so to the login page.
    expect((await proxy(new NextRequest('http://localhost/complaints'))).status).toBe(307);
  });
});
