import { Prisma, type DbTx } from '@tobacco/db/client';
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { StaffDeps } from '../deps';
import { addDays, chinaDateTime } from '../schedule/calendar.rules';
import { AUDIT_PAGE_SIZE, ZListAuditInput, type TListAuditInput } from './audit.staff.schema';

// The audit log: who did what to which record, when, with the values before and after.
// Call writeAudit with the transaction of the change it records, so there is never one without
// the other:
//
//   await db.$transaction(async (tx) => {
//     const after = await tx.promotion.update({ ... });
//     await writeAudit(tx, { actor, action: 'promotion.approve', entityType: 'Promotion', entityId: after.id, before, after });
//   });
//
// `actor` is the staff member or retailer login acting; `null` for the system (jobs).

export type AuditInput = {
  actor: Actor | null;
  /** What happened, `<entity>.<verb>`: 'promotion.approve', 'allocationPolicy.publish'. */
  action: string;
  /** The model name: 'Promotion', 'AllocationPolicy', 'RewardRule'. */
  entityType: string;
  entityId: string | number | bigint;
  before?: unknown;
  after?: unknown;
};

// JSON columns take plain JSON: dates become ISO strings, bigints strings, absent values SQL NULL.
function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue;
}

export async function writeAudit(tx: DbTx, input: AuditInput): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorStaffId: input.actor?.kind === 'staff' ? input.actor.userId : null,
      actorLoginId: input.actor?.kind === 'retailer' ? input.actor.loginId : null,
      action: input.action,
      entityType: input.entityType,
      entityId: String(input.entityId),
      before: json(input.before),
      after: json(input.after),
    },
  });
}

// ---------------------------------------------------------------- the audit log screen

type AuditRow = {
  id: bigint;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  actorStaffId: number | null;
  actorLoginId: number | null;
  staffName: string | null;
  staffUsername: string | null;
  loginName: string | null;
};

function auditWhere(input: z.output<typeof ZListAuditInput>): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`true`];
  if (input.actorStaffId) parts.push(Prisma.sql`a."actorStaffId" = ${input.actorStaffId}`);
  if (input.entityType) parts.push(Prisma.sql`a."entityType" = ${input.entityType}`);
  if (input.entityId) parts.push(Prisma.sql`a."entityId" = ${input.entityId}`);
  if (input.action) {
    parts.push(
      input.action.endsWith('.')
        ? Prisma.sql`a.action LIKE ${`${input.action.replace(/[%_\\]/g, '\\$&')}%`}`
        : Prisma.sql`a.action = ${input.action}`,
    );
  }
  if (input.from) parts.push(Prisma.sql`a."createdAt" >= ${chinaDateTime(input.from, '00:00')}`);
  if (input.to) parts.push(Prisma.sql`a."createdAt" < ${chinaDateTime(addDays(input.to, 1), '00:00')}`);
  return Prisma.join(parts, ' AND ');
}

/**
 * A page of the audit log, newest first, with who acted (staff member or retailer login). The count and
 * the page run in parallel; filters use the (createdAt), (actorStaffId, createdAt) and (entityType,
 * entityId) indexes.
 */
export async function listAudit({ db }: StaffDeps, raw: TListAuditInput) {
  const input = ZListAuditInput.parse(raw);
  const where = auditWhere(input);
  const [counted, rows] = await Promise.all([
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "AuditLog" a WHERE ${where}`,
    db.$queryRaw<AuditRow[]>`
      SELECT a.id, a."createdAt", a.action, a."entityType", a."entityId", a.before, a.after, a."actorStaffId", a."actorLoginId",
        s.name AS "staffName", s.username AS "staffUsername", l."loginName"
      FROM "AuditLog" a
      LEFT JOIN "StaffUser" s ON s.id = a."actorStaffId"
      LEFT JOIN "RetailerLogin" l ON l.id = a."actorLoginId"
      WHERE ${where}
      ORDER BY a."createdAt" DESC, a.id DESC
      LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(input.page - 1) * AUDIT_PAGE_SIZE}`,
  ]);
  const total = counted[0]?.n ?? 0;
  return {
    items: rows.map((row) => ({ ...row, id: row.id.toString() })),
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

/** The filter choices: staff members (by name) and the entity types and actions that occur in the log. */
export async function auditFilterOptions({ db }: StaffDeps) {
  const [staff, entityTypes, actions] = await Promise.all([
    db.staffUser.findMany({ orderBy: { username: 'asc' }, take: 1000, select: { id: true, name: true, username: true } }),
    db.$queryRaw<{ entityType: string }[]>`SELECT DISTINCT "entityType" FROM "AuditLog" ORDER BY 1 LIMIT 200`,
    db.$queryRaw<{ action: string }[]>`SELECT DISTINCT action FROM "AuditLog" ORDER BY 1 LIMIT 500`,
  ]);
  return { staff, entityTypes: entityTypes.map((r) => r.entityType), actions: actions.map((r) => r.action) };
}

/** The history of one record (the last 100 rows), for the record's own page; callers check the record is visible. */
export async function listEntityAudit(db: DbTx, entityType: string, entityId: string | number) {
  const rows = await db.auditLog.findMany({
    where: { entityType, entityId: String(entityId) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 100,
    select: { id: true, createdAt: true, action: true, before: true, after: true, actorStaff: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    createdAt: row.createdAt,
    action: row.action,
    before: row.before,
    after: row.after,
    actor: row.actorStaff?.name ?? null,
  }));
}
