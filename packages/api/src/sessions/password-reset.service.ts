import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { LockoutPolicy } from '@tobacco/auth/lockout';
import { minutesUntilUnlock } from '@tobacco/auth/lockout';
import { hashPassword, isStrongPassword } from '@tobacco/auth/password';
import { reserveAttempt } from '@tobacco/auth/throttle';
import type { Db } from '@tobacco/db/client';
import type { Clock } from '../actor';
import { queueChannelMessages } from '../channels/channels.service';
import { DomainError } from '../errors';
import { enqueueJob } from '../jobs/jobs.service';
import {
  isCodeUsable,
  phoneEndsWith,
  RESET_CODE_MINUTES,
  RESET_IP_POLICY,
  RESET_LICENCE_POLICY,
  RESET_MAX_TRIES,
  resetCodeExpiry,
} from './password-reset.rules';

// A retailer who forgot the password: licence number + the last 4 digits of the phone on file bring a
// 6-digit code by SMS (issued by a job, sent by a delivery job like every SMS); the code and a new password set it. The answer to a
// request is the same whether or not the licence exists or the digits match, and a wrong code for an
// unknown licence reads the same as a wrong code for a real one, so neither step tells who is a customer.
// The throttles are the sign-in's counters (auth/throttle.ts) under keys of their own.

export type AnonymousDeps = { db: Db; clock: Clock; ip?: string | null };

async function throttle(db: Db, key: string, policy: LockoutPolicy, now: Date): Promise<void> {
  const reserved = await reserveAttempt(db, { kind: 'key', key: key.slice(0, 120) }, policy, now);
  if (!reserved.ok) throw new DomainError('LIMIT_EXCEEDED', 'auth.reset.rateLimited', { minutes: minutesUntilUnlock(reserved, now) });
}

/** Salted SHA-256 of a code (a 6-digit code lives 10 minutes; the salt keeps equal codes from looking equal). */
function hashCode(code: string, salt = randomBytes(16).toString('hex')): string {
  return `${salt}$${createHash('sha256').update(`${salt}:${code}`).digest('hex')}`;
}

function codeMatches(stored: string, code: string): boolean {
  const [salt] = stored.split('$');
  const a = Buffer.from(stored);
  const b = Buffer.from(hashCode(code, salt));
  return a.length === b.length && timingSafeEqual(a, b);
}

const NEUTRAL = { ok: true as const, minutes: RESET_CODE_MINUTES };

export const RESET_CODE_QUEUE = 'sessions.resetCode';

/**
 * The request: counted on the throttles, then handed to a job whatever the licence, so that neither the
 * answer nor the time it takes tells whether the licence exists or the digits match.
 */
export async function requestPasswordReset({ db, clock, ip }: AnonymousDeps, input: { licenceNo: string; phoneLast4: string }) {
  const now = clock();
  if (ip) await throttle(db, `reset:ip:${ip}`, RESET_IP_POLICY, now);
  await throttle(db, `reset:licence:${input.licenceNo}`, RESET_LICENCE_POLICY, now);
  await enqueueJob(db, {
    queue: RESET_CODE_QUEUE,
    payload: { licenceNo: input.licenceNo, phoneLast4: input.phoneLast4 },
    uniqueKey: `reset:${input.licenceNo}:${now.toISOString()}`,
  });
  return NEUTRAL;
}

/** The job: a code and its SMS when the licence is an active shop's and the digits match; nothing otherwise. */
export async function issueResetCode(db: Db, input: { licenceNo: string; phoneLast4: string }, now: Date): Promise<void> {
  const shop = await db.retailer.findUnique({
    where: { licenceNo: input.licenceNo },
    select: { id: true, phone: true, status: true, logins: { where: { loginName: input.licenceNo, active: true }, select: { id: true } } },
  });
  const login = shop?.logins[0];
  if (!shop || !login || shop.status !== 'ACTIVE' || !phoneEndsWith(shop.phone, input.phoneLast4)) return;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.$transaction(async (tx) => {
    // A new code voids any earlier one: only the latest SMS works.
    await tx.passwordResetCode.updateMany({ where: { retailerId: shop.id, usedAt: null, voidedAt: null }, data: { voidedAt: now } });
    await tx.passwordResetCode.create({
      data: { retailerId: shop.id, loginId: login.id, codeHash: hashCode(code), expiresAt: resetCodeExpiry(now), createdAt: now },
    });
    await queueChannelMessages(
      tx,
      [
        {
          retailerId: shop.id,
          kind: 'SYSTEM',
          channel: 'SMS',
          messageKey: 'auth.reset.sms',
          params: { code, minutes: RESET_CODE_MINUTES },
          secret: true,
        },
      ],
      now,
    );
  });
}

const invalidCode = () => new DomainError('VALIDATION', 'auth.reset.invalidCode');

export async function confirmPasswordReset(
  { db, clock, ip }: AnonymousDeps,
  input: { licenceNo: string; code: string; newPassword: string },
): Promise<{ ok: true }> {
  const now = clock();
  if (ip) await throttle(db, `reset:ip:${ip}`, RESET_IP_POLICY, now);
  if (!isStrongPassword(input.newPassword)) throw new DomainError('VALIDATION', 'retailers.password.weak');
  const shop = await db.retailer.findUnique({ where: { licenceNo: input.licenceNo }, select: { id: true } });
  const code = shop
    ? await db.passwordResetCode.findFirst({ where: { retailerId: shop.id, usedAt: null, voidedAt: null }, orderBy: { id: 'desc' } })
    : null;
  if (!code || !isCodeUsable(code, now)) throw invalidCode();
  if (!codeMatches(code.codeHash, input.code)) {
    // One statement (afterWrongTry's rule in SQL): parallel wrong guesses each count, and the fifth voids the code.
    await db.$executeRaw`
      UPDATE "PasswordResetCode" SET attempts = attempts + 1,
        "voidedAt" = CASE WHEN attempts + 1 >= ${RESET_MAX_TRIES} THEN ${now} ELSE "voidedAt" END
      WHERE id = ${code.id} AND "usedAt" IS NULL AND "voidedAt" IS NULL`;
    throw invalidCode();
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    const used = await tx.passwordResetCode.updateMany({
      where: { id: code.id, usedAt: null, voidedAt: null, attempts: { lt: RESET_MAX_TRIES } },
      data: { usedAt: now },
    });
    if (used.count !== 1) throw invalidCode();
    // Every session of the login ends, as after a password change; the lockout is cleared.
    await tx.retailerLogin.update({
      where: { id: code.loginId },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedLoginCount: 0, firstFailedAt: null, lockedUntil: null },
    });
    await tx.authSession.updateMany({ where: { retailerLoginId: code.loginId, revokedAt: null }, data: { revokedAt: now } });
    await tx.auditLog.create({
      data: { actorLoginId: code.loginId, action: 'retailers.password.reset', entityType: 'RetailerLogin', entityId: String(code.loginId) },
    });
  });
  return { ok: true as const };
}
