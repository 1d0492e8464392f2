import { Prisma, type DbTx } from '@tobacco/db/client';
import type { RetailerActor } from '../actor';

// The audit row of a change a retailer makes in the portal (appeal, redemption, change request,
// password): the acting login is recorded, in the transaction of the change.
export async function writeRetailerAudit(
  db: DbTx,
  actor: RetailerActor,
  entry: { action: string; entityType: string; entityId: string | number; before?: unknown; after?: unknown },
): Promise<void> {
  const json = (value: unknown) =>
    value === undefined || value === null ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
  await db.auditLog.create({
    data: {
      actorLoginId: actor.loginId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}

/** True for a unique-constraint violation (Prisma's P2002, or PostgreSQL's 23505 through a raw query). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
    cause?: { originalCode?: string };
  };
  return e?.code === 'P2002' || e?.meta?.driverAdapterError?.cause?.originalCode === '23505' || e?.cause?.originalCode === '23505';
}
