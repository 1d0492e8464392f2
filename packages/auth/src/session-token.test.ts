import { decode, encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { appSecret, decodeSessionToken, readSessionUser, sessionCookieName } from './next-auth';

const secret = appSecret('test-secret', 'portal');
const retailer = { kind: 'retailer', loginId: 7, retailerId: 42, licenceNo: '330100000001', sessionVersion: 3 };

const requestWith = (cookie: string) => new NextRequest('http://localhost/', { headers: { cookie } });

describe('session token decoding with the key derived once', () => {
  it('reads what next-auth wrote, as next-auth reads it, again and again with one key', async () => {
    const token = await encode({ token: { user: retailer, sub: '7' }, secret, maxAge: 3600 });
    const ours = await decodeSessionToken({ token, secret });
    expect(ours).toEqual(await decode({ token, secret }));
    expect(ours).toMatchObject({ user: retailer, sub: '7' });
    // The second decode uses the cached key and must answer the same.
    expect(await decodeSessionToken({ token, secret })).toEqual(ours);
  });

  it('keeps one key per secret: a token of one app does not open with the other app’s key', async () => {
    const other = appSecret('test-secret', 'backoffice');
    const token = await encode({ token: { user: retailer }, secret, maxAge: 3600 });
    await expect(decodeSessionToken({ token, secret: other })).rejects.toThrow();
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ user: retailer });
  });

  it('refuses an expired token beyond next-auth’s 15 s of tolerance, and a tampered one', async () => {
    const expired = await encode({ token: { user: retailer }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow(/exp/);
    const token = await encode({ token: { user: retailer }, secret, maxAge: 3600 });
    const [header, key, iv, ciphertext, tag] = token.split('.');
    const flipped = `${ciphertext!.startsWith('A') ? 'B' : 'A'}${ciphertext!.slice(1)}`;
    await expect(decodeSessionToken({ token: [header, key, iv, flipped, tag].join('.'), secret })).rejects.toThrow();
  });

  it('gives the request’s user through readSessionUser, and nobody for a bad, foreign or absent cookie', async () => {
    const token = await encode({ token: { user: retailer }, secret, maxAge: 3600 });
    const cookie = sessionCookieName('portal');
    expect(await readSessionUser(requestWith(`${cookie}=${token}`), 'portal', secret)).toEqual(retailer);
    expect(await readSessionUser(requestWith(`${cookie}=not-a-token`), 'portal', secret)).toBeNull();
    expect(await readSessionUser(requestWith(`${cookie}=${token}`), 'portal', appSecret('another', 'portal'))).toBeNull();
    // A retailer's token presented to the back office under the back office's cookie name is nobody there.
    expect(await readSessionUser(requestWith(`${sessionCookieName('backoffice')}=${token}`), 'backoffice', secret)).toBeNull();
    expect(await readSessionUser(requestWith(''), 'portal', secret)).toBeNull();
  });
});
