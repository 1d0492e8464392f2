import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { Prisma } from '@tobacco/db/client';
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
    const session = await signedIn(db, {
      kind: 'retailer' as const,
      loginId: shop.logins[0]!.id,
      retailerId: shop.id,
      sessionVersion: 0,
      name: shop.shopName,
    });
    expect((await createContext({ db, sessionUser: session })).actor).toEqual({
      kind: 'retailer',
      retailerId: shop.id,
      loginId: shop.logins[0]!.id,
      sessionId: session.sessionId,
    });
    await db.retailer.update({ where: { id: shop.id }, data: { status: 'SUSPENDED' } });
    expect((await createContext({ db, sessionUser: session })).actor).toBeNull();
  });

  it("reads a retailer's session and the unread count in one statement", async () => {
    const districtId = (await createDistrict(db)).id;
    const shop = await createRetailer(db, { districtId, passwordHash });
    const other = await createRetailer(db, { districtId, passwordHash });
    const at = new Date();
    await db.notification.createMany({
      data: [
        { retailerId: shop.id, kind: 'SYSTEM', messageKey: 'notifications.stored', params: { title: 'a' }, createdAt: at },
        { retailerId: shop.id, kind: 'SYSTEM', messageKey: 'notifications.stored', params: { title: 'b' }, createdAt: at },
        { retailerId: shop.id, kind: 'SYSTEM', messageKey: 'notifications.stored', params: { title: 'c' }, createdAt: at, readAt: at },
        { retailerId: other.id, kind: 'SYSTEM', messageKey: 'notifications.stored', params: { title: 'd' }, createdAt: at },
      ],
    });
    // Records every way the context could query: raw statements, transactions and model delegates alike.
    const queries = new Set([
      '$queryRaw',
      '$queryRawUnsafe',
      '$executeRaw',
      '$executeRawUnsafe',
      '$transaction',
      ...Object.values(Prisma.ModelName).map((m) => m[0]!.toLowerCase() + m.slice(1)),
    ]);
    const calls: string[] = [];
    const counted = new Proxy(db, {
      get(target, key, receiver) {
        if (typeof key === 'string' && queries.has(key)) calls.push(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const session = await signedIn(db, {
      kind: 'retailer' as const,
      loginId: shop.logins[0]!.id,
      retailerId: shop.id,
      sessionVersion: 0,
      name: shop.shopName,
    });
    const ctx = await createContext({ db: counted, sessionUser: session });
    expect(ctx.actor).toEqual({ kind: 'retailer', retailerId: shop.id, loginId: shop.logins[0]!.id, sessionId: session.sessionId });
    expect(ctx.unread).toBe(2);
    expect(calls).toEqual(['$queryRaw']);
    // An outdated session version signs the shop out, and says nothing about its inbox.
    const outdated = await createContext({ db, sessionUser: { ...session, sessionVersion: 1 } });
    expect(outdated.actor).toBeNull();
    expect(outdated.unread).toBeUndefined();
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
