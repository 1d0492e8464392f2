import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { signedIn } from '../testing/callers';
import { createContext } from './context';

const db = testDb();
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
});

describe('request context', () => {
  it('reads roles on every request, so a change of roles applies at once', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const session = await signedIn(db, { kind: 'staff' as const, userId: staff.id, sessionVersion: 0, name: staff.name });
    expect((await createContext({ db, sessionUser: session })).actor).toMatchObject({ roles: ['SERVICE_AGENT'] });
    await db.staffRoleGrant.create({ data: { userId: staff.id, role: 'MANAGER' } });
    const roles = (await createContext({ db, sessionUser: session })).actor;
    expect(roles?.kind === 'staff' && [...roles.roles].sort()).toEqual(['MANAGER', 'SERVICE_AGENT']);
  });

  it('refuses the session of a deactivated user or an outdated session version', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const session = await signedIn(db, { kind: 'staff' as const, userId: staff.id, sessionVersion: 0, name: staff.name });
    await db.staffUser.update({ where: { id: staff.id }, data: { sessionVersion: 1 } });
    expect((await createContext({ db, sessionUser: session })).actor).toBeNull();
    await db.staffUser.update({ where: { id: staff.id }, data: { active: false } });
    expect((await createContext({ db, sessionUser: { ...session, sessionVersion: 1 } })).actor).toBeNull();
  });

  it('refuses the session of a shop that has been suspended', async () => {
    const districtId = (await createDistrict(db)).id;
    const shop = await createRetailer(db, { districtId, passwordHash });
    const session = await signedIn(db, { kind: 'retailer' as const, loginId: shop.logins[0]!.id, retailerId: shop.id, sessionVersion: 0, name: shop.shopName });
    expect((await createContext({ db, sessionUser: session })).actor).toEqual({ kind: 'retailer', retailerId: shop.id, loginId: shop.logins[0]!.id, sessionId: session.sessionId });
    await db.retailer.update({ where: { id: shop.id }, data: { status: 'SUSPENDED' } });
    expect((await createContext({ db, sessionUser: session })).actor).toBeNull();
  });
});

describe('sessions', () => {
  it('refuses a token without its session row, one whose row is revoked, and one presented for another account', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const other = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const user = { kind: 'staff' as const, userId: staff.id, sessionVersion: 0, name: staff.name };
    expect((await createContext({ db, sessionUser: user })).actor).toBeNull();
    const session = await signedIn(db, user);
    expect((await createContext({ db, sessionUser: session })).actor).not.toBeNull();
    expect((await createContext({ db, sessionUser: { ...session, userId: other.id } })).actor).toBeNull();
    await db.authSession.update({ where: { id: session.sessionId }, data: { revokedAt: new Date() } });
    expect((await createContext({ db, sessionUser: session })).actor).toBeNull();
  });
});
