import { describe, expect, it } from 'vitest';
import { portalRouter } from '@tobacco/api/portal';
import { testDb } from '@tobacco/db/testing';
import { MAX_BATCH_SIZE } from '@tobacco/ui/lib/query-client';
import { serveTrpc } from './trpc-route';

// The tRPC endpoint over HTTP (no session: these are refused before any procedure runs, or as no one).
const db = testDb();
const serve = (req: Request) => serveTrpc(req, portalRouter, async () => ({ db, actor: null, requestId: 'http', clock: () => new Date() }));
const url = (path: string) => `http://localhost/api/trpc/${path}`;

describe('the tRPC endpoint', () => {
  it('accepts JSON bodies only', async () => {
    const form = new FormData();
    form.set('id', '1');
    expect((await serve(new Request(url('notifications.markRead'), { method: 'POST', body: form }))).status).toBe(415);
    const text = await serve(
      new Request(url('notifications.markRead'), { method: 'POST', body: '{"json":{"id":1}}', headers: { 'content-type': 'text/plain' } }),
    );
    expect(text.status).toBe(415);
    const json = await serve(
      new Request(url('notifications.markRead'), {
        method: 'POST',
        body: '{"json":{"id":1}}',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(json.status).toBe(401);
  });

  it(`refuses a batch of more than ${MAX_BATCH_SIZE} calls`, async () => {
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => 'notifications.unreadCount').join(',');
      return serve(new Request(`${url(paths)}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`));
    };
    expect((await batch(MAX_BATCH_SIZE + 1)).status).toBe(400);
    // Within the limit the calls run (and answer as no one).
    expect((await batch(MAX_BATCH_SIZE)).status).toBe(401);
  });

  it('answers 400, not 500, to 2^31 and NUL over HTTP', async () => {
    const post = (json: unknown) =>
      serve(
        new Request(url('complaints.get'), {
          method: 'POST',
          body: JSON.stringify({ json }),
          headers: { 'content-type': 'application/json' },
        }),
      );
    const get = (json: unknown) => serve(new Request(`${url('complaints.get')}?input=${encodeURIComponent(JSON.stringify({ json }))}`));
    expect((await get({ id: 2 ** 31 })).status).toBe(400);
    expect((await get({ id: 'a\u0000' })).status).toBe(400);
    // A query cannot be posted: refused as a client error too.
    expect((await post({ id: 2 ** 31 })).status).toBeLessThan(500);
  });
});
