import { describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { signInStaff } from '@tobacco/auth/sign-in';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { createBackofficeCaller } from '../backoffice';
import { createPortalCaller } from '../portal';
import { signedIn } from '../testing/callers';
import { createContext } from '../trpc/context';

const db = testDb();

describe('sessions', () => {
  it('a token copied before sign-out is refused afterwards; other sessions of the account go on', async () => {
    const shop = await createRetailer(db, { districtId: (await createDistrict(db)).id, passwordHash: await hashPassword('irrelevant-1') });
    const user = { kind: 'retailer' as const, loginId: shop.logins[0]!.id, retailerId: shop.id, sessionVersion: 0, name: shop.shopName };
    const [phone, desk] = [await signedIn(db, user), await signedIn(db, user)];
    const ctx = await createContext({ db, sessionUser: phone });
    const listed = await createPortalCaller(ctx).sessions.list();
    expect(listed.map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [phone.sessionId, true],
        [desk.sessionId, false],
      ].sort(),
    );
    await createPortalCaller(ctx).sessions.signOut();
    expect((await createContext({ db, sessionUser: phone })).actor).toBeNull();
    expect((await createContext({ db, sessionUser: desk })).actor).not.toBeNull();
  });

  it('ends one other session by id, and "sign out everywhere" ends them all, tokens without a row included', async () => {
    const staff = await createStaff(db, { roles: ['MARKETING'], passwordHash: await hashPassword('right-password-1') });
    const signed = await signInStaff(db, { username: staff.username, password: 'right-password-1' });
    if (!signed.ok) throw new Error('sign-in failed');
    const [a, b, c] = [await signedIn(db, signed.user), await signedIn(db, signed.user), await signedIn(db, signed.user)];
    const api = createBackofficeCaller(await createContext({ db, sessionUser: a }));
    await api.sessions.end({ id: b.sessionId });
    expect((await createContext({ db, sessionUser: b })).actor).toBeNull();
    await expect(api.sessions.end({ id: b.sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await api.sessions.signOutEverywhere();
    for (const session of [a, c]) expect((await createContext({ db, sessionUser: session })).actor).toBeNull();
    // A fresh sign-in works again, with the new session version.
    const again = await signInStaff(db, { username: staff.username, password: 'right-password-1' });
    expect(again.ok && (await createContext({ db, sessionUser: await signedIn(db, again.user) })).actor).toBeTruthy();
  });
});
