import { randomUUID } from 'node:crypto';
import type { Db } from '@tobacco/db/client';
import { afterFailedAttempt, CLEARED_LOCKOUT, DEFAULT_LOCKOUT_POLICY, isLocked, minutesUntilUnlock, type LockoutPolicy } from './lockout';
import { hashPassword, verifyPassword } from './password';

export type SignInFailure = 'INVALID_CREDENTIALS' | 'LOCKED' | 'SUSPENDED' | 'INACTIVE';
export type SignInResult<T> = { ok: true; user: T } | { ok: false; reason: SignInFailure; minutes?: number };

export type StaffSession = { kind: 'staff'; userId: number; sessionVersion: number; name: string };
export type RetailerSession = { kind: 'retailer'; loginId: number; retailerId: number; sessionVersion: number; name: string };

// An unknown account still costs one password verification, so response time does not tell
// whether an account exists.
let dummyHash: Promise<string> | undefined;
async function spendVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomUUID());
  await verifyPassword(await dummyHash, password);
}

type Clock = () => Date;

export async function signInStaff(
  db: Db,
  input: { username: string; password: string },
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
  now: Clock = () => new Date(),
): Promise<SignInResult<StaffSession>> {
  const user = await db.staffUser.findUnique({ where: { username: input.username.trim() } });
  if (!user) {
    await spendVerification(input.password);
    return { ok: false, reason: 'INVALID_CREDENTIALS' };
  }
  const checked = await checkPassword(user, input.password, policy, now(), (data) => db.staffUser.update({ where: { id: user.id }, data }));
  if (!checked.ok) return checked;
  if (!user.active) return { ok: false, reason: 'INACTIVE' };
  return { ok: true, user: { kind: 'staff', userId: user.id, sessionVersion: user.sessionVersion, name: user.name } };
}

export async function signInRetailer(
  db: Db,
  input: { loginName: string; password: string },
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
  now: Clock = () => new Date(),
): Promise<SignInResult<RetailerSession>> {
  const login = await db.retailerLogin.findUnique({
    where: { loginName: input.loginName.trim() },
    include: { retailer: { select: { status: true, shopName: true } } },
  });
  if (!login) {
    await spendVerification(input.password);
    return { ok: false, reason: 'INVALID_CREDENTIALS' };
  }
  const checked = await checkPassword(login, input.password, policy, now(), (data) =>
    db.retailerLogin.update({ where: { id: login.id }, data }),
  );
  if (!checked.ok) return checked;
  if (!login.active) return { ok: false, reason: 'INACTIVE' };
  if (login.retailer.status !== 'ACTIVE') return { ok: false, reason: 'SUSPENDED' };
  return {
    ok: true,
    user: { kind: 'retailer', loginId: login.id, retailerId: login.retailerId, sessionVersion: login.sessionVersion, name: login.retailer.shopName },
  };
}

type Account = { passwordHash: string; failedLoginCount: number; firstFailedAt: Date | null; lockedUntil: Date | null };

// The status checks come after the password so that a suspended shop is told so only by someone who knows its password.
async function checkPassword(
  account: Account,
  password: string,
  policy: LockoutPolicy,
  now: Date,
  save: (data: Partial<Account> & { lastLoginAt?: Date }) => Promise<unknown>,
): Promise<{ ok: true } | { ok: false; reason: SignInFailure; minutes?: number }> {
  if (isLocked(account, now)) return { ok: false, reason: 'LOCKED', minutes: minutesUntilUnlock(account, now) };
  if (!(await verifyPassword(account.passwordHash, password))) {
    const next = afterFailedAttempt(account, now, policy);
    await save(next);
    if (isLocked(next, now)) return { ok: false, reason: 'LOCKED', minutes: minutesUntilUnlock(next, now) };
    return { ok: false, reason: 'INVALID_CREDENTIALS' };
  }
  await save({ ...CLEARED_LOCKOUT, lastLoginAt: now });
  return { ok: true };
}
