import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { hashPassword } from './password';
import { signInRetailer, signInStaff } from './sign-in';

const db = testDb();
let passwordHash: string;
let districtId: number;

beforeAll(async () => {
  passwordHash = await hashPassword('right-password-1');
  districtId = (await createDistrict(db)).id;
});

const minutes = (n: number) => n * 60_000;

describe('staff sign-in', () => {
  it('accepts the right password and records the time', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const now = new Date('2026-11-23T02:00:00Z');
    const result = await signInStaff(db, { username: staff.username, password: 'right-password-1' }, undefined, () => now);
    expect(result).toEqual({ ok: true, user: { kind: 'staff', userId: staff.id, sessionVersion: 0, name: staff.name } });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).lastLoginAt).toEqual(now);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const wrong = await signInStaff(db, { username: staff.username, password: 'wrong' });
    const unknown = await signInStaff(db, { username: 'nobody-at-all', password: 'wrong' });
    expect(wrong).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    expect(unknown).toEqual(wrong);
  });

  it('locks after five wrong passwords, refuses even the right one while locked, and unlocks after 15 minutes', async () => {
    const staff = await createStaff(db, { roles: ['MANAGER'], passwordHash });
    const start = Date.parse('2026-11-23T02:00:00Z');
    for (let i = 0; i < 4; i += 1) {
      const r = await signInStaff(db, { username: staff.username, password: 'wrong' }, undefined, () => new Date(start + minutes(i)));
      expect(r).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    }
    const fifth = await signInStaff(db, { username: staff.username, password: 'wrong' }, undefined, () => new Date(start + minutes(4)));
    expect(fifth).toEqual({ ok: false, reason: 'LOCKED', minutes: 15 });

    const whileLocked = await signInStaff(db, { username: staff.username, password: 'right-password-1' }, undefined, () => new Date(start + minutes(10)));
    expect(whileLocked).toEqual({ ok: false, reason: 'LOCKED', minutes: 9 });

    const afterLock = await signInStaff(db, { username: staff.username, password: 'right-password-1' }, undefined, () => new Date(start + minutes(20)));
    expect(afterLock.ok).toBe(true);
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null, firstFailedAt: null });
  });

  it('tells a deactivated user so only after the right password', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash, active: false });
    expect(await signInStaff(db, { username: staff.username, password: 'wrong' })).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    expect(await signInStaff(db, { username: staff.username, password: 'right-password-1' })).toEqual({ ok: false, reason: 'INACTIVE' });
  });

  it('does not let a retailer login sign in as staff', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    expect(await signInStaff(db, { username: shop.licenceNo, password: 'right-password-1' })).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
  });
});

describe('retailer sign-in', () => {
  it('accepts the licence number and password', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    const result = await signInRetailer(db, { loginName: shop.licenceNo, password: 'right-password-1' });
    expect(result).toMatchObject({ ok: true, user: { kind: 'retailer', retailerId: shop.id, loginId: shop.logins[0]!.id } });
  });

  it('refuses a wrong password and an unknown licence alike', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    expect(await signInRetailer(db, { loginName: shop.licenceNo, password: 'nope' })).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    expect(await signInRetailer(db, { loginName: '000000000000', password: 'nope' })).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
  });

  it('refuses a suspended shop with its own reason', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash, status: 'SUSPENDED' });
    expect(await signInRetailer(db, { loginName: shop.licenceNo, password: 'right-password-1' })).toEqual({ ok: false, reason: 'SUSPENDED' });
  });

  it('locks a retailer login after five wrong passwords', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    let last;
    for (let i = 0; i < 5; i += 1) last = await signInRetailer(db, { loginName: shop.licenceNo, password: 'wrong' });
    expect(last).toEqual({ ok: false, reason: 'LOCKED', minutes: 15 });
    expect(await signInRetailer(db, { loginName: shop.licenceNo, password: 'right-password-1' })).toMatchObject({ ok: false, reason: 'LOCKED' });
  });
});
