import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createRetailer, createStaff, testDb, uniqueNumber } from '@tobacco/db/testing';
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

  it('after five wrong passwords waits a minute, refuses even the right one meanwhile, and doubles the wait each round', async () => {
    const staff = await createStaff(db, { roles: ['MANAGER'], passwordHash });
    const start = Date.parse('2026-11-23T02:00:00Z');
    const attempt = (password: string, atMinute: number) =>
      signInStaff(db, { username: staff.username, password }, undefined, () => new Date(start + minutes(atMinute)));
    for (let i = 0; i < 4; i += 1) expect(await attempt('wrong', i)).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    expect(await attempt('wrong', 4)).toEqual({ ok: false, reason: 'LOCKED', minutes: 1 });
    expect(await attempt('right-password-1', 4.5)).toEqual({ ok: false, reason: 'LOCKED', minutes: 1 });
    // The next round: one more wrong password, and the wait doubles.
    expect(await attempt('wrong', 5.5)).toEqual({ ok: false, reason: 'LOCKED', minutes: 2 });
    expect(await attempt('right-password-1', 8)).toMatchObject({ ok: true });
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
    expect(await signInStaff(db, { username: shop.licenceNo, password: 'right-password-1' })).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIALS',
    });
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
    expect(await signInRetailer(db, { loginName: shop.licenceNo, password: 'right-password-1' })).toEqual({
      ok: false,
      reason: 'SUSPENDED',
    });
  });

  it('locks a retailer login after five wrong passwords', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    let last;
    for (let i = 0; i < 5; i += 1) last = await signInRetailer(db, { loginName: shop.licenceNo, password: 'wrong' });
    expect(last).toEqual({ ok: false, reason: 'LOCKED', minutes: 1 });
    expect(await signInRetailer(db, { loginName: shop.licenceNo, password: 'right-password-1' })).toMatchObject({
      ok: false,
      reason: 'LOCKED',
    });
  });
});

describe('sign-in under attack', () => {
  it('checks at most five of 30 parallel wrong passwords and counts every checked one', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const results = await Promise.all(Array.from({ length: 30 }, () => signInStaff(db, { username: staff.username, password: 'wrong' })));
    expect(results.filter((r) => !r.ok && r.reason === 'INVALID_CREDENTIALS')).toHaveLength(4);
    expect(results.filter((r) => !r.ok && r.reason === 'LOCKED')).toHaveLength(26);
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.failedLoginCount).toBe(5);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it('a burst of 29 wrong guesses with the right one behind them gets no more than five checks', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    const guesses = [...Array.from({ length: 29 }, (_, i) => `guess-${i}`), 'right-password-1'];
    const results = await Promise.all(guesses.map((password) => signInRetailer(db, { loginName: shop.licenceNo, password })));
    expect(results.filter((r) => r.ok || r.reason !== 'LOCKED').length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === 'LOCKED').length).toBeGreaterThanOrEqual(25);
  });

  it('limits wrong attempts per address across names, and another address is unaffected', async () => {
    const ip = `198.51.100.${uniqueNumber() % 250}`;
    // Three tries for each of ten unknown names: never the per-login limit, always the same address.
    for (let i = 0; i < 30; i += 1) {
      const r = await signInStaff(db, { username: `nobody-${ip}-${i % 10}`, password: 'wrong' }, undefined, undefined, { ip });
      expect(r).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    }
    // The 31st is refused before any password is checked, whatever the name.
    expect(await signInStaff(db, { username: 'nobody-else', password: 'wrong' }, undefined, undefined, { ip })).toEqual({
      ok: false,
      reason: 'RATE_LIMITED',
      minutes: 1,
    });
    expect(await signInStaff(db, { username: 'nobody-else', password: 'wrong' }, undefined, undefined, { ip: '203.0.113.9' })).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIALS',
    });
  });

  it('answers an unknown name exactly as an existing one, locks included', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const unknown = `ghost-${uniqueNumber()}`;
    for (let i = 0; i < 6; i += 1) {
      const known = await signInStaff(db, { username: staff.username, password: 'wrong' });
      expect(await signInStaff(db, { username: unknown, password: 'wrong' })).toEqual(known);
    }
  });

  it('takes comparable time for an existing and an unknown name (medians within 40 % of the slower, plus 15 ms)', async () => {
    const names = await Promise.all(Array.from({ length: 12 }, () => createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash })));
    const time = async (username: string) => {
      const t0 = performance.now();
      await signInStaff(db, { username, password: 'wrong' });
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a busy moment of the machine falls on both.
    for (const [i, staff] of names.entries()) {
      known.push(await time(staff.username));
      unknown.push(await time(`nobody-timing-${uniqueNumber()}-${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [a, b] = [median(known), median(unknown)];
    expect(Math.abs(a - b)).toBeLessThan(0.4 * Math.max(a, b) + 15);
  });
});
