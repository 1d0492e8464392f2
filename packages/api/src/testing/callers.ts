import type { StaffRoleName } from '@tobacco/auth/permissions';
import type { Db } from '@tobacco/db/client';
import { openSession, type SessionUser } from '@tobacco/auth/next-auth';
import type { Actor, Clock, StaffActor } from '../actor';
import { createBackofficeCaller } from '../backoffice';
import { createPortalCaller } from '../portal';

// Callers for integration tests: the real routers with a context built for a given actor.
const fixedRequestId = 'test';

export function portalCallerFor(db: Db, actor: Actor | null, clock: Clock = () => new Date()) {
  return createPortalCaller({ db, actor, requestId: fixedRequestId, clock });
}

export function backofficeCallerFor(db: Db, actor: Actor | null, clock: Clock = () => new Date()) {
  return createBackofficeCaller({ db, actor, requestId: fixedRequestId, clock });
}

export function retailerActor(retailer: { id: number; logins: { id: number }[] }): Actor {
  const login = retailer.logins[0];
  if (!login) throw new Error('The retailer has no login');
  return { kind: 'retailer', retailerId: retailer.id, loginId: login.id };
}

export function staffActor(user: {
  id: number;
  districtId?: number | null;
  departmentId?: number | null;
  roles: { role: string }[];
}): StaffActor {
  return {
    kind: 'staff',
    userId: user.id,
    roles: user.roles.map((r) => r.role as StaffRoleName),
    districtId: user.districtId ?? null,
    departmentId: user.departmentId ?? null,
  };
}

/** A session user as the cookie would carry it after signing in: with its AuthSession row. */
export async function signedIn<U extends SessionUser>(db: Db, user: U): Promise<U & { sessionId: string }> {
  return { ...user, sessionId: await openSession(db, user.kind === 'staff' ? 'backoffice' : 'portal', user) };
}
