import type { Db, DbTx } from '@tobacco/db/client';
import type { IntegrityLevel } from '@tobacco/db/enums';
import type { StaffActor } from '../actor';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { writeAuditMany } from '../admin/audit';
import { getSettings } from '../admin/settings.service';
import { retailerScope } from '../retailers/retailers.scope';
import { chinaDate } from '../schedule/calendar.rules';
import { CAPPED_INTEGRITY_LEVELS } from './grading.rules';
import type { TIntegrityHistoryInput, TSetIntegrityInput } from './grading.schema';

// Integrity levels (诚信等级, domain.md §3) and the grade cap they drive. recordIntegrityChanges is the one
// writer: the single edit of an administrator and the licensing system's file import both call it.

export type IntegrityChange = { retailerId: number; level: IntegrityLevel; effectiveFrom: string; reason: string; source: string };

/** The most rows one call takes; an import of more is split by its caller. */
export const INTEGRITY_BATCH_MAX = 20_000;

type Deps = { db: Db | DbTx; actor: StaffActor; clock: () => Date };

/** Runs `fn` in a transaction of its own, or inside the caller's when `db` already is one. */
function inTransaction<T>(db: Db | DbTx, fn: (tx: DbTx) => Promise<T>): Promise<T> {
  return '$transaction' in db ? (db as Db).$transaction(fn, { timeout: 120_000 }) : fn(db);
}

/** Notices of a cap (one place, for the message-key change): to the shop, and to its account manager. */
function capNotices(shopName: string, level: string, cap: number) {
  return {
    retailer: { messageKey: 'grading.integrity.notify.capped', params: JSON.stringify({ level, cap }) },
    manager: { messageKey: 'grading.integrity.notify.manager', params: JSON.stringify({ shop: shopName, level, cap }) },
  };
}

/**
 * Records a batch of integrity changes, all or none: a history row each, the retailer's current level, and
 * for a change to C or D the grade capped at once (grading.integrityCapGrade), with a notice to the shop and
 * its account manager and an audit row. A later improvement is recorded the same way; the cap lifts at the
 * next publish (applyGradesInForce), as grades change only then. A row naming an unknown retailer, a date
 * after today, or a retailer twice, refuses the whole batch with the row number.
 */
export async function recordIntegrityChanges({ db, actor, clock }: Deps, rows: readonly IntegrityChange[]) {
  const now = clock();
  const today = chinaDate(now);
  if (rows.length === 0 || rows.length > INTEGRITY_BATCH_MAX)
    throw new DomainError('VALIDATION', 'grading.integrity.errors.batchSize', { max: INTEGRITY_BATCH_MAX });
  const seen = new Set<number>();
  rows.forEach((row, i) => {
    if (row.effectiveFrom > today) throw new DomainError('VALIDATION', 'grading.integrity.errors.futureDate', { row: i + 1 });
    if (!row.reason.trim()) throw new DomainError('VALIDATION', 'grading.integrity.errors.reasonRequired', { row: i + 1 });
    if (seen.has(row.retailerId)) throw new DomainError('VALIDATION', 'grading.integrity.errors.duplicate', { row: i + 1 });
    seen.add(row.retailerId);
  });
  const ids = rows.map((r) => r.retailerId);
  return inTransaction(db, async (tx) => {
    const cap = (await getSettings(tx, ['grading.integrityCapGrade']))['grading.integrityCapGrade'];
    const current = await tx.$queryRaw<
      { id: number; level: IntegrityLevel; grade: number | null; shopName: string; accountManagerId: number | null }[]
    >`
      SELECT id, "integrityLevel" AS level, grade, "shopName", "accountManagerId" FROM "Retailer" WHERE id = ANY (${ids}::int[]) ORDER BY id FOR UPDATE`;
    const byId = new Map(current.map((r) => [r.id, r]));
    const missing = rows.findIndex((r) => !byId.has(r.retailerId));
    if (missing >= 0) throw new DomainError('VALIDATION', 'grading.integrity.errors.unknownRetailer', { row: missing + 1 });

    await tx.$executeRaw`
      INSERT INTO "IntegrityRecord" ("retailerId", level, "effectiveFrom", source, note, "createdAt")
      SELECT t.id, t.level::"IntegrityLevel", t.day::date, t.source, t.note, ${now}
      FROM unnest(${ids}::int[], ${rows.map((r) => r.level)}::text[], ${rows.map((r) => r.effectiveFrom)}::text[], ${rows.map((r) => r.source)}::text[], ${rows.map((r) => r.reason.trim())}::text[])
        AS t(id, level, day, source, note)`;
    await tx.$executeRaw`
      UPDATE "Retailer" r SET "integrityLevel" = t.level::"IntegrityLevel", "updatedAt" = ${now}
      FROM unnest(${ids}::int[], ${rows.map((r) => r.level)}::text[]) AS t(id, level)
      WHERE r.id = t.id AND r."integrityLevel"::text <> t.level`;
    const capped = rows
      .filter((r) => (CAPPED_INTEGRITY_LEVELS as readonly string[]).includes(r.level))
      .map((r) => ({ row: r, before: byId.get(r.retailerId)! }))
      .filter(({ before }) => before.grade !== null && before.grade > cap);
    if (capped.length > 0) {
      const cappedIds = capped.map((c) => c.row.retailerId);
      await tx.$executeRaw`UPDATE "Retailer" SET grade = ${cap}, "updatedAt" = ${now} WHERE id = ANY (${cappedIds}::int[]) AND grade > ${cap}`;
      const notices = capped.map((c) => ({ ...c, notice: capNotices(c.before.shopName, c.row.level, cap) }));
      const toManagers = notices.filter((n) => n.before.accountManagerId !== null);
      await tx.$executeRaw`
        INSERT INTO "Notification" ("retailerId", "staffUserId", kind, "messageKey", params, link, "createdAt")
        SELECT t.retailer, t.staff, 'SYSTEM'::"NotificationKind", t.key, t.params::jsonb, t.link, ${now}
        FROM unnest(
          ${[...notices.map((n) => n.row.retailerId), ...toManagers.map(() => null)]}::int[],
          ${[...notices.map(() => null), ...toManagers.map((n) => n.before.accountManagerId)]}::int[],
          ${[...notices.map((n) => n.notice.retailer.messageKey), ...toManagers.map((n) => n.notice.manager.messageKey)]}::text[],
          ${[...notices.map((n) => n.notice.retailer.params), ...toManagers.map((n) => n.notice.manager.params)]}::text[],
          ${[...notices.map(() => '/grade'), ...toManagers.map((n) => `/retailers/${n.row.retailerId}`)]}::text[]
        ) AS t(retailer, staff, key, params, link)`;
      await writeAuditMany(tx, {
        actorStaffId: actor.userId,
        action: 'grading.integrity.cap',
        entityType: 'Retailer',
        rows: capped.map((c) => ({
          entityId: c.row.retailerId,
          before: { grade: c.before.grade },
          after: { grade: cap, integrityLevel: c.row.level },
        })),
      });
    }
    await writeAuditMany(tx, {
      actorStaffId: actor.userId,
      action: 'grading.integrity.change',
      entityType: 'Retailer',
      rows: rows.map((r) => ({
        entityId: r.retailerId,
        before: { integrityLevel: byId.get(r.retailerId)!.level },
        after: { integrityLevel: r.level, effectiveFrom: r.effectiveFrom, source: r.source, reason: r.reason.trim() },
      })),
    });
    return { recorded: rows.length, capped: capped.map((c) => ({ retailerId: c.row.retailerId, from: c.before.grade!, to: cap })) };
  });
}

/** An administrator's single edit, for a retailer in their scope (others are NOT_FOUND). */
export async function setIntegrityLevel(deps: StaffDeps, input: TSetIntegrityInput) {
  const found = await deps.db.retailer.findFirst({ where: { id: input.retailerId, ...retailerScope(deps.actor) }, select: { id: true } });
  if (!found) throw notFound();
  return recordIntegrityChanges(deps, [
    { retailerId: input.retailerId, level: input.level, effectiveFrom: input.effectiveFrom, reason: input.reason, source: 'MANUAL' },
  ]);
}

/** A retailer's integrity history, latest first, paged. */
export async function listIntegrityHistory({ db, actor, clock }: StaffDeps, input: TIntegrityHistoryInput) {
  if (input.retailerId === undefined && input.licenceNo === undefined) throw notFound();
  const retailer = await db.retailer.findFirst({
    where: { ...(input.retailerId !== undefined ? { id: input.retailerId } : { licenceNo: input.licenceNo }), ...retailerScope(actor) },
    select: { id: true, shopName: true, licenceNo: true, integrityLevel: true, grade: true },
  });
  if (!retailer) throw notFound();
  const [total, items] = await Promise.all([
    db.integrityRecord.count({ where: { retailerId: retailer.id } }),
    db.integrityRecord.findMany({
      where: { retailerId: retailer.id },
      orderBy: [{ effectiveFrom: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, level: true, effectiveFrom: true, source: true, note: true, createdAt: true },
    }),
  ]);
  /** today (China) bounds the effective date an edit may take */
  return { retailer, items, total, page: input.page, pages: Math.max(1, Math.ceil(total / input.pageSize)), today: chinaDate(clock()) };
}
