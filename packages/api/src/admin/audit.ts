import type { DbTx } from '@tobacco/db/client';
import { Prisma } from '@tobacco/db/client';

// The audit trail of administration: who changed what, when, and the values before and after.
// Written inside the transaction of the change it records, so there is never one without the other.

export type AuditEntry = {
  actorStaffId: number;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

// JSON columns take plain JSON; dates become ISO strings and absent values SQL NULL.
function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export async function writeAudit(db: DbTx, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorStaffId: entry.actorStaffId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}

/** One audit row per retailer of a bulk change, in a single INSERT (no query per row). */
export async function writeAuditMany(
  db: DbTx,
  input: { actorStaffId: number; action: string; entityType: string; rows: { entityId: number; before: unknown; after: unknown }[] },
): Promise<void> {
  if (input.rows.length === 0) return;
  const ids = input.rows.map((row) => String(row.entityId));
  const befores = input.rows.map((row) => JSON.stringify(row.before ?? null));
  const afters = input.rows.map((row) => JSON.stringify(row.after ?? null));
  await db.$executeRaw`
    INSERT INTO "AuditLog" ("actorStaffId", action, "entityType", "entityId", before, after)
    SELECT ${input.actorStaffId}, ${input.action}, ${input.entityType}, t.id, t.before::jsonb, t.after::jsonb
    FROM unnest(${ids}::text[], ${befores}::text[], ${afters}::text[]) AS t(id, before, after)`;
}
