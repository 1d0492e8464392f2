import type { Prisma } from '@tobacco/db/client';
import type { Actor } from '../actor';
import type { Deps } from '../deps';
import { notFound } from '../errors';

// A person's sign-ins (AuthSession rows): listed for them, ended one by one or all at once. Every query
// is narrowed to the caller's own account, so another account's session id answers NOT_FOUND.

const SESSION_LIST_LIMIT = 50;

function mine(actor: Actor): Prisma.AuthSessionWhereInput {
  return actor.kind === 'staff' ? { staffUserId: actor.userId } : { retailerLoginId: actor.loginId };
}

export async function listMySessions({ db, actor, clock }: Deps) {
  const rows = await db.authSession.findMany({
    where: { ...mine(actor), revokedAt: null, expiresAt: { gt: clock() } },
    orderBy: { createdAt: 'desc' },
    take: SESSION_LIST_LIMIT,
    select: { id: true, createdAt: true, expiresAt: true, userAgent: true },
  });
  return rows.map((row) => ({ ...row, current: row.id === actor.sessionId }));
}

/** Ends one of my sessions: its cookie stops working at its next request. */
export async function endMySession({ db, actor, clock }: Deps, input: { id: string }) {
  const { count } = await db.authSession.updateMany({
    where: { ...mine(actor), id: input.id, revokedAt: null },
    data: { revokedAt: clock() },
  });
  if (count === 0) throw notFound();
  return { id: input.id, current: input.id === actor.sessionId };
}

/** Signing out: this session's row is revoked, so a copy of the cookie is refused from now on. */
export async function signOut({ db, actor, clock }: Deps) {
  if (actor.sessionId)
    await db.authSession.updateMany({ where: { ...mine(actor), id: actor.sessionId, revokedAt: null }, data: { revokedAt: clock() } });
  return { ok: true as const };
}

/** "Sign out everywhere": every session of the account ends, this one included. */
export async function signOutEverywhere({ db, actor, clock }: Deps) {
  await db.$transaction(async (tx) => {
    await tx.authSession.updateMany({ where: { ...mine(actor), revokedAt: null }, data: { revokedAt: clock() } });
    // The version also ends tokens issued before sessions had rows.
    if (actor.kind === 'staff') await tx.staffUser.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
    else await tx.retailerLogin.update({ where: { id: actor.loginId }, data: { sessionVersion: { increment: 1 } } });
  });
  return { ok: true as const };
}
