import { randomUUID } from 'node:crypto';
import type { Db } from '@tobacco/db/client';
import { DEFAULT_LOCKOUT_POLICY, lockSeconds, minutesUntilUnlock, type LockoutPolicy } from './lockout';
import { hashPassword, verifyPassword } from './password';
import { clearCounter, IP_POLICY, refundAttempt, reserveAttempt, type Counter } from './throttle';

export type SignInFailure = 'INVALID_CREDENTIALS' | 'LOCKED' | 'RATE_LIMITED' | 'SUSPENDED' | 'INACTIVE';
export type SignInResult<T> = { ok: true; user: T } | { ok: false; reason: SignInFailure; minutes?: number };

// `sessionId` names the AuthSession row of the sign-in; it is given when the session cookie is issued.
export type StaffSession = { kind: 'staff'; userId: number; sessionVersion: number; name: string; sessionId?: string };
export type RetailerSession = {
  kind: 'retailer';
  loginId: number;
  retailerId: number;
  sessionVersion: number;
  name: string;
  sessionId?: string;
};

/** Where an attempt comes from: the caller's address, when the app knows it; a password change is no sign-in. */
export type SignInOrigin = { ip?: string | null; passwordChange?: boolean };

// An unknown account costs one password verification and one counter update too, and locks the same way
// under its own name, so neither the answer nor the time tells whether an account exists.
let dummyHash: Promise<string> | undefined;
async function spendVerification(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomUUID());
  await verifyPassword(await dummyHash, password);
  return false;
}

type Clock = () => Date;

export async function signInStaff(
  db: Db,
  input: { username: string; password: string },
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
  now: Clock = () => new Date(),
  origin: SignInOrigin = {},
): Promise<SignInResult<StaffSession>> {
  const username = input.username.trim();
  const user = await db.staffUser.findUnique({ where: { username } });
  const counter: Counter = user ? { kind: 'staff', id: user.id } : { kind: 'key', key: `login:staff:${username.slice(0, 64)}` };
  const checked = await checkPassword(db, counter, user?.passwordHash ?? null, input.password, policy, now(), origin);
  if (!checked.ok || !user) return checked.ok ? { ok: false, reason: 'INVALID_CREDENTIALS' } : checked;
  if (!user.active) return { ok: false, reason: 'INACTIVE' };
  return { ok: true, user: { kind: 'staff', userId: user.id, sessionVersion: user.sessionVersion, name: user.name } };
}

export async function signInRetailer(
  db: Db,
  input: { loginName: string; password: string },
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
  now: Clock = () => new Date(),
  origin: SignInOrigin = {},
): Promise<SignInResult<RetailerSession>> {
  const loginName = input.loginName.trim();
  const login = await db.retailerLogin.findUnique({
    where: { loginName },
    include: { retailer: { select: { status: true, shopName: true } } },
  });
  const counter: Counter = login
    ? { kind: 'retailerLogin', id: login.id }
    : { kind: 'key', key: `login:retailer:${loginName.slice(0, 64)}` };
  const checked = await checkPassword(db, counter, login?.passwordHash ?? null, input.password, policy, now(), origin);
  if (!checked.ok || !login) return checked.ok ? { ok: false, reason: 'INVALID_CREDENTIALS' } : checked;
  if (!login.active) return { ok: false, reason: 'INACTIVE' };
  if (login.retailer.status !== 'ACTIVE') return { ok: false, reason: 'SUSPENDED' };
  return {
    ok: true,
    user: {
      kind: 'retailer',
      loginId: login.id,
      retailerId: login.retailerId,
      sessionVersion: login.sessionVersion,
      name: login.retailer.shopName,
    },
  };
}

type Checked = { ok: true } | { ok: false; reason: SignInFailure; minutes?: number };

/**
 * Counts the attempt first (per address and per login, one statement each), checks the password only if
 * the counters allow it, and clears them on success. The status checks come after the password so that a
 * suspended shop is told so only by someone who knows its password.
 */
export async function checkPassword(
  db: Db,
  counter: Counter,
  passwordHash: string | null,
  password: string,
  policy: LockoutPolicy,
  now: Date,
  origin: SignInOrigin = {},
): Promise<Checked> {
  const ipKey = origin.ip ? `ip:${origin.ip.slice(0, 64)}` : null;
  if (ipKey) {
    const ip = await reserveAttempt(db, { kind: 'key', key: ipKey }, IP_POLICY, now);
    if (!ip.ok) return { ok: false, reason: 'RATE_LIMITED', minutes: minutesUntilUnlock(ip, now) };
  }
  const attempt = await reserveAttempt(db, counter, policy, now);
  if (!attempt.ok) return { ok: false, reason: 'LOCKED', minutes: minutesUntilUnlock(attempt, now) };
  const right = passwordHash ? await verifyPassword(passwordHash, password) : await spendVerification(password);
  if (!right) {
    const wait = lockSeconds(attempt.count, policy);
    return wait ? { ok: false, reason: 'LOCKED', minutes: Math.ceil(wait / 60) } : { ok: false, reason: 'INVALID_CREDENTIALS' };
  }
  await clearCounter(db, counter, now, !origin.passwordChange);
  if (ipKey) await refundAttempt(db, ipKey);
  return { ok: true };
}
