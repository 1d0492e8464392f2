import { TRPCError } from '@trpc/server';
import type { SessionUser } from '@tobacco/auth/next-auth';
import type { StaffRoleName } from '@tobacco/auth/permissions';
import type { Db } from '@tobacco/db/client';
import { systemClock, type Actor, type Clock, type RetailerActor } from '../actor';
import { isDatabaseUnavailable, markDatabaseUnavailable } from '../ops/db-unavailable';
import { newRequestId } from '../ops/request-id';

export type Context = {
  db: Db;
  actor: Actor | null;
  requestId: string;
  clock: Clock;
  /** The caller's address (see clientIp in the auth package), for the throttles of anonymous procedures. */
  ip?: string | null;
  /** A signed-in retailer's unread notifications, read by the same statement as the session (the portal's badge). */
  unread?: number;
};

/**
 * Builds the context from the session cookie's user. The account is read again on every request, so a
 * deactivated user, a suspended shop, a password reset or a change of roles takes effect at once,
 * not when the session cookie expires.
 */
export async function createContext(opts: {
  db: Db;
  sessionUser: SessionUser | null;
  clock?: Clock;
  requestId?: string;
  ip?: string | null;
}): Promise<Context> {
  const { db, sessionUser } = opts;
  // The proxy's id when the request passed through it (see ops/request-id.ts); a new one otherwise.
  const base = { db, requestId: opts.requestId ?? newRequestId(), clock: opts.clock ?? systemClock, ip: opts.ip ?? null };
  try {
    if (sessionUser?.kind === 'retailer') {
      const retailer = await loadRetailerSession(db, sessionUser);
      return { ...base, actor: retailer?.actor ?? null, unread: retailer?.unread };
    }
    return { ...base, actor: sessionUser ? await loadActor(db, sessionUser) : null };
  } catch (error) {
    // Reading the account is the first query of a signed-in request: a database that is down answers 503
    // (translated, retry shortly) here too, not 500.
    if (!isDatabaseUnavailable(error)) throw error;
    markDatabaseUnavailable(() => db.$queryRaw`SELECT 1`);
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Database unavailable', cause: error });
  }
}

type RetailerSessionRow = { active: boolean; sessionVersion: number; retailerId: number; status: string; unread: number; holds: boolean };

/**
 * A retailer's session check and the unread count every portal page shows in its header, in one statement:
 * the portal's shell then costs one round trip per request, not two.
 */
async function loadRetailerSession(
  db: Db,
  user: Extract<SessionUser, { kind: 'retailer' }>,
): Promise<{ actor: RetailerActor; unread: number } | null> {
  const [login] = await db.$queryRaw<RetailerSessionRow[]>`
    SELECT l.active, l."sessionVersion", l."retailerId", r.status,
      (SELECT count(*)::int FROM "Notification" n WHERE n."retailerId" = l."retailerId" AND n."readAt" IS NULL) AS unread,
      -- The sign-in's session row, as sessionHolds checks it for staff: there, unrevoked, unexpired, this login's.
      EXISTS (SELECT 1 FROM "AuthSession" s WHERE s.id = ${user.sessionId ?? ''} AND s."retailerLoginId" = l.id
              AND s."revokedAt" IS NULL AND s."expiresAt" > now()) AS holds
    FROM "RetailerLogin" l JOIN "Retailer" r ON r.id = l."retailerId"
    WHERE l.id = ${user.loginId}`;
  if (!login || !login.holds || !login.active || login.sessionVersion !== user.sessionVersion || login.status !== 'ACTIVE') return null;
  return {
    actor: { kind: 'retailer', retailerId: login.retailerId, loginId: user.loginId, sessionId: user.sessionId },
    unread: login.unread,
  };
}

/** The sign-in's AuthSession row must be there, unrevoked and unexpired, and belong to the token's account. */
async function sessionHolds(db: Db, user: SessionUser): Promise<boolean> {
  if (!user.sessionId) return false;
  const row = await db.authSession.findUnique({
    where: { id: user.sessionId },
    select: { staffUserId: true, retailerLoginId: true, revokedAt: true, expiresAt: true },
  });
  if (!row || row.revokedAt || row.expiresAt <= new Date()) return false;
  return user.kind === 'staff' ? row.staffUserId === user.userId : row.retailerLoginId === user.loginId;
}

export async function loadActor(db: Db, user: SessionUser): Promise<Actor | null> {
  const [actor, holds] = await Promise.all([loadAccount(db, user), sessionHolds(db, user)]);
  return holds && actor ? { ...actor, sessionId: user.sessionId } : null;
}

async function loadAccount(db: Db, user: SessionUser): Promise<Actor | null> {
  if (user.kind === 'staff') {
    const staff = await db.staffUser.findUnique({
      where: { id: user.userId },
      select: {
        active: true,
        sessionVersion: true,
        mustChangePassword: true,
        districtId: true,
        departmentId: true,
        roles: { select: { role: true } },
      },
    });
    if (!staff || !staff.active || staff.sessionVersion !== user.sessionVersion) return null;
    return {
      kind: 'staff',
      userId: user.userId,
      roles: staff.roles.map((r) => r.role as StaffRoleName),
      districtId: staff.districtId,
      departmentId: staff.departmentId,
      mustChangePassword: staff.mustChangePassword,
    };
  }
  return (await loadRetailerSession(db, user))?.actor ?? null;
}
