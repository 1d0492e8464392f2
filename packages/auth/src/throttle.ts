import { Prisma, type Db } from '@tobacco/db/client';
import { FIRST_DELAY_SECONDS, type LockoutPolicy } from './lockout';

// Sign-in attempts are counted BEFORE the password is checked, in one SQL statement per counter: the
// statement refuses when the counter is locked and otherwise adds the attempt, so 30 parallel guesses
// get at most `maxAttempts` password checks between them, whatever their timing. A right password then
// clears the counter. Once the count reaches the limit the counter locks for a delay that doubles with
// each further round (1, 2, 4 … minutes, up to the policy's lock minutes): a stranger slows a login down
// but cannot shut it for long, and a recognised device has a counter of its own.
//
// Counters live on the account rows (StaffUser, RetailerLogin: what administrators see and unlock) and,
// for keys without a row (an IP address, an unknown login name, a device), in SignInThrottle.

export type Counter = { kind: 'staff'; id: number } | { kind: 'retailerLogin'; id: number } | { kind: 'key'; key: string };

export type Reservation = { ok: true; count: number } | { ok: false; lockedUntil: Date };

const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** The new values of the three counter columns of table alias `t`, as SQL. */
function counterSet(t: Prisma.Sql, now: Date, policy: LockoutPolicy): Prisma.Sql {
  const windowStart = utc(new Date(now.getTime() - policy.windowMinutes * 60_000));
  // A recent lock keeps the window open, so the delay keeps growing while the guessing goes on.
  const open = Prisma.sql`(${t}."firstFailedAt" > ${windowStart} OR ${t}."lockedUntil" > ${windowStart})`;
  const count = Prisma.sql`(CASE WHEN ${open} THEN ${t}."failedLoginCount" + 1 ELSE 1 END)`;
  const delaySeconds = Prisma.sql`LEAST(${policy.lockMinutes * 60}, ${FIRST_DELAY_SECONDS} * power(2, GREATEST(${count} - ${policy.maxAttempts}, 0)))`;
  return Prisma.sql`
    "failedLoginCount" = ${count},
    "firstFailedAt" = CASE WHEN ${open} THEN ${t}."firstFailedAt" ELSE ${utc(now)} END,
    "lockedUntil" = CASE WHEN ${count} >= ${policy.maxAttempts} THEN ${utc(now)} + make_interval(secs => ${delaySeconds}) ELSE ${t}."lockedUntil" END`;
}

const TABLES = { staff: Prisma.raw('"StaffUser"'), retailerLogin: Prisma.raw('"RetailerLogin"') } as const;

/** Counts one attempt on the counter, or refuses it while the counter is locked. One statement. */
export async function reserveAttempt(db: Db, counter: Counter, policy: LockoutPolicy, now: Date): Promise<Reservation> {
  const unlocked = (t: Prisma.Sql) => Prisma.sql`(${t}."lockedUntil" IS NULL OR ${t}."lockedUntil" <= ${utc(now)})`;
  let rows: { failedLoginCount: number }[];
  if (counter.kind === 'key') {
    const t = Prisma.raw('"SignInThrottle"');
    rows = await db.$queryRaw`
      INSERT INTO "SignInThrottle" ("key", "failedLoginCount", "firstFailedAt", "lockedUntil")
      VALUES (${counter.key}, 1, ${utc(now)}, CASE WHEN 1 >= ${policy.maxAttempts} THEN ${utc(now)} + make_interval(secs => ${FIRST_DELAY_SECONDS}) END)
      ON CONFLICT ("key") DO UPDATE SET ${counterSet(t, now, policy)}
      WHERE ${unlocked(t)}
      RETURNING "failedLoginCount"`;
  } else {
    const t = TABLES[counter.kind];
    rows =
      await db.$queryRaw`UPDATE ${t} SET ${counterSet(t, now, policy)} WHERE "id" = ${counter.id} AND ${unlocked(t)} RETURNING "failedLoginCount"`;
  }
  if (rows[0]) return { ok: true, count: rows[0].failedLoginCount };
  return { ok: false, lockedUntil: (await lockedUntil(db, counter)) ?? now };
}

async function lockedUntil(db: Db, counter: Counter): Promise<Date | null> {
  if (counter.kind === 'key')
    return (await db.signInThrottle.findUnique({ where: { key: counter.key }, select: { lockedUntil: true } }))?.lockedUntil ?? null;
  if (counter.kind === 'staff')
    return (await db.staffUser.findUnique({ where: { id: counter.id }, select: { lockedUntil: true } }))?.lockedUntil ?? null;
  return (await db.retailerLogin.findUnique({ where: { id: counter.id }, select: { lockedUntil: true } }))?.lockedUntil ?? null;
}

/** Clears a counter after the right password (the account row's clearing also records the sign-in time). */
export async function clearCounter(db: Db, counter: Counter, now: Date, recordSignIn = true): Promise<void> {
  const cleared = { failedLoginCount: 0, firstFailedAt: null, lockedUntil: null, ...(recordSignIn ? { lastLoginAt: now } : {}) };
  if (counter.kind === 'key') await db.signInThrottle.deleteMany({ where: { key: counter.key } });
  else if (counter.kind === 'staff') await db.staffUser.update({ where: { id: counter.id }, data: cleared });
  else await db.retailerLogin.update({ where: { id: counter.id }, data: cleared });
}

/**
 * Takes back one attempt from a counter that should count only failures (the IP's): a right password is
 * not held against the address it came from.
 */
export async function refundAttempt(db: Db, key: string): Promise<void> {
  await db.$executeRaw`UPDATE "SignInThrottle" SET "failedLoginCount" = GREATEST("failedLoginCount" - 1, 0) WHERE "key" = ${key}`;
}

/** Per address: many shops may share one (a market's network), so the limit is generous but real. */
export const IP_POLICY: LockoutPolicy = { maxAttempts: 30, windowMinutes: 15, lockMinutes: 60 };
