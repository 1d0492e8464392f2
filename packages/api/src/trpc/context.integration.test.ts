import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { createContext } from './context';

const db = testDb();
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
});

describe('request context', () => {
  it('reads roles on every request, so a change of roles applies at once', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const session = { kind: 'staff' as const, userId: staff.id, sessionVersion: 0, name: staff.name };
    expect((await createContext({ db, sessionUser: session })).actor).toMatchObject({ roles: ['SERVICE_AGENT'] });
    await db.staffRoleGrant.create({ data: { userId: staff.id, role: 'MANAGER' } });
    const roles = (await createContext({ db, sessionUser: session })).actor;
    expect(roles?.kind === 'staff' && [...roles.roles].sort()).toEqual(['MANAGER', 'SERVICE_AGENT']);
  });

  it('refuses the session of a deactivated user or an outdated session version', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const session = { kind: 'staff' as const, userId: staff.id, sessionVersion: 0, name: staff.name };
    await db.staffUser.update({ where: { id: staff.id }, data: { sessionVersion: 1 } });
    expect((await createContext({ db, sessionUser: session })).actor).toBeNull();
    await db.staffUser.update({ where: { id: staff.id }, data: { active: false } });
    expect((await createContext({ db, sessionUser: { ...session, sessionVersion: 1 } })).actor).toBeNull();
  });

  it('refuses the session of a shop that has been suspended', async () => {
    const districtId = (await createDistrict(db)).id;
    const shop = await createRetailer(db, { districtId, passwordHash });
    const session = { kind: 'retailer' as const, loginId: shop.logins[0]!.id, retailerId: shop.id, sessionVersion: 0, name: shop.shopName };
    expect((await createContext({ db, sessionUser: session })).actor).toEqual({ kind: 'retailer', retailerId: shop.id, loginId: shop.logins[0]!.id });
    await db.retailer.update({ where: { id: shop.id }, data: { status: 'SUSPENDED' } });
    expect((await createContext({ db, sessionUser: session })).actor).toBeNull();
  });
});
