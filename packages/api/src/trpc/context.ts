import { TRPCError } from '@trpc/server';
import type { SessionUser } from '@tobacco/auth/next-auth';
import type { StaffRoleName } from '@tobacco/auth/permissions';
import type { Db } from '@tobacco/db/client';
import { systemClock, type Actor, type Clock } from '../actor';
import { isDatabaseUnavailable, markDatabaseUnavailable } from '../ops/db-unavailable';
import { newRequestId } from '../ops/request-id';

export type Context = { db: Db; actor: Actor | null; requestId: string; clock: Clock };

/**
 * Builds the context from the session cookie's user. The account is read again on every request, so a
 * deactivated user, a suspended shop, a password reset or a change of roles takes effect at once,
 * not when the session cookie expires.
 */
export async function createContext(opts: { db: Db; sessionUser: SessionUser | null; clock?: Clock; requestId?: string }): Promise<Context> {
  const { db, sessionUser } = opts;
  // The proxy's id when the request passed through it (see ops/request-id.ts); a new one otherwise.
  const base = { db, requestId: opts.requestId ?? newRequestId(), clock: opts.clock ?? systemClock };
  try {
    return { ...base, actor: sessionUser ? await loadActor(db, sessionUser) : null };
  } catch (error) {
    // Reading the account is the first query of a signed-in request: a database that is down answers 503
    // (translated, retry shortly) here too, not 500.
    if (!isDatabaseUnavailable(error)) throw error;
    markDatabaseUnavailable(() => db.$queryRaw`SELECT 1`);
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Database unavailable', cause: error });
  }
}

export async function loadActor(db: Db, user: SessionUser): Promise<Actor | null> {
  if (user.kind === 'staff') {
    const staff = await db.staffUser.findUnique({
      where: { id: user.userId },
      select: { active: true, sessionVersion: true, mustChangePassword: true, districtId: true, departmentId: true, roles: { select: { role: true } } },
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
  const login = await db.retailerLogin.findUnique({
    where: { id: user.loginId },
    select: { active: true, sessionVersion: true, retailerId: true, retailer: { select: { status: true } } },
  });
  if (!login || !login.active || login.sessionVersion !== user.sessionVersion || login.retailer.status !== 'ACTIVE') return null;
  return { kind: 'retailer', retailerId: login.retailerId, loginId: user.loginId };
}
