import { randomUUID } from 'node:crypto';
import type { Db, DbTx } from '@tobacco/db/client';
import { Prisma } from '@tobacco/db/client';
import type { CaseKind, CaseState, ComplaintEventType, EventVisibility } from '@tobacco/db/enums';
import type { StoredParams } from '@tobacco/i18n/stored';
import type { Actor, StaffActor } from '../actor';
import { writeAudit, type AuditInput } from '../admin/audit.service';
import { getSettings } from '../admin/settings.service';
import { DomainError, notFound } from '../errors';
import { notifyRetailer, notifyStaff, type NotificationInput } from '../notifications/notifications.service';
import { retailerScope } from '../retailers/retailers.scope';
import { addDays, chinaDate, createWorkCalendar, type WorkCalendar } from '../schedule/calendar.rules';
import { checkUploads, type CheckedUpload } from './complaints.attachments';
import { caseNotice, type EventMessageKey } from './complaints.notices';
import { nextState, type CaseAction } from './complaints.rules';
import type { TUpload } from './complaints.schema';
import {
  businessHoursOf,
  COMPLAINT_SLA_SETTING_KEYS,
  shiftForPause,
  slaDeadlines,
  toComplaintSlaSettings,
  type BusinessHours,
  type ComplaintSlaSettings,
} from './complaints.sla.rules';
import { newStorageKey, type AttachmentStorage } from './complaints.storage';

// How both sides write a case (domain.md §9); complaints.retailer.service.ts and complaints.staff.service.ts
// write complaints only through this module. Every write:
// - checks the actor may see the case (another shop's or another account manager's case is NOT_FOUND);
// - checks the state machine of complaints.rules.ts for that actor;
// - updates the row only at the version the person saw (zero rows → CONFLICT, "changed by someone else");
// - writes the timeline event (and the audit row) in the same transaction as the change.
// Deadlines come from complaints.sla.rules.ts over the settings and the CalendarDay rows.

// ---------------------------------------------------------------- SLA and scope

export type Sla = { settings: ComplaintSlaSettings; hours: BusinessHours; calendar: WorkCalendar };

const dbDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** SLA settings and the working-day calendar around `now` (a year either side, so every pause and deadline fits). */
export async function loadSla(db: DbTx, now: Date): Promise<Sla> {
  const today = chinaDate(now);
  const [values, rows] = await Promise.all([
    getSettings(db, COMPLAINT_SLA_SETTING_KEYS),
    db.calendarDay.findMany({
      where: { date: { gte: dbDate(addDays(today, -400)), lte: dbDate(addDays(today, 400)) } },
      select: { date: true, kind: true, name: true },
    }),
  ]);
  const settings = toComplaintSlaSettings(values);
  const calendar = createWorkCalendar(rows.map((row) => ({ date: row.date.toISOString().slice(0, 10), kind: row.kind, name: row.name })));
  return { settings, hours: businessHoursOf(settings), calendar };
}

/** The staff member's cases: an account manager's retailers only, everyone else with complaints.read all. */
export function caseScope(actor: StaffActor): Prisma.ComplaintWhereInput {
  const scope = retailerScope(actor);
  return Object.keys(scope).length > 0 ? { retailer: scope } : {};
}

function conflict(): DomainError {
  return new DomainError('CONFLICT', 'complaints.error.conflict');
}

// ---------------------------------------------------------------- the case, its version and its timeline

const CASE_CORE = {
  id: true,
  caseNo: true,
  retailerId: true,
  kind: true,
  categoryId: true,
  departmentId: true,
  ownerId: true,
  state: true,
  subject: true,
  version: true,
  createdAt: true,
  acceptDueAt: true,
  resolveDueAt: true,
  followUpDueAt: true,
  acceptedAt: true,
  resolvedAt: true,
  closedAt: true,
  pausedAt: true,
  rating: true,
  reopenCount: true,
} satisfies Prisma.ComplaintSelect;
/** The columns every write decides on. */
export type CaseCore = Prisma.ComplaintGetPayload<{ select: typeof CASE_CORE }>;

/** The case if the actor may see it: a retailer their own shop's, staff their scope's (caseScope); else NOT_FOUND. */
export async function loadCase(db: DbTx, actor: Actor, id: number): Promise<CaseCore> {
  const scope: Prisma.ComplaintWhereInput = actor.kind === 'staff' ? caseScope(actor) : { retailerId: actor.retailerId };
  const c = await db.complaint.findFirst({ where: { id, ...scope }, select: CASE_CORE });
  if (!c) throw notFound();
  return c;
}

export type EventInput = {
  type: ComplaintEventType;
  visibility: EventVisibility;
  /** What a person wrote, shown as written. */
  body?: string | null;
  /** Or system text: a message rendered in the reader's language. */
  messageKey?: EventMessageKey;
  params?: StoredParams;
  fromState?: CaseState | null;
  toState?: CaseState | null;
  data?: Record<string, unknown>;
};

function jsonData(data: Record<string, unknown> | undefined): Prisma.InputJsonValue | undefined {
  return data ? (JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue) : undefined;
}

export async function addEvent(tx: DbTx, complaintId: number, actor: Actor | null, now: Date, e: EventInput): Promise<number> {
  const row = await tx.complaintEvent.create({
    data: {
      complaintId,
      type: e.type,
      visibility: e.visibility,
      body: e.body ?? null,
      messageKey: e.messageKey ?? null,
      params: e.params,
      fromState: e.fromState ?? null,
      toState: e.toState ?? null,
      actorStaffId: actor?.kind === 'staff' ? actor.userId : null,
      actorLoginId: actor?.kind === 'retailer' ? actor.loginId : null,
      data: jsonData(e.data),
      createdAt: now,
    },
    select: { id: true },
  });
  return row.id;
}

/** Updates the case only at the version the person saw, and bumps it. */
async function writeCase(
  tx: DbTx,
  current: { id: number; version: number },
  data: Prisma.ComplaintUncheckedUpdateManyInput,
): Promise<void> {
  const { count } = await tx.complaint.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw conflict();
}

/** Leaving WAITING_RETAILER: the resolve deadline moves by the working time spent waiting. */
export function unpause(c: CaseCore, now: Date, sla: Sla): { resolveDueAt: Date; moved: boolean } {
  if (!c.pausedAt) return { resolveDueAt: c.resolveDueAt, moved: false };
  const resolveDueAt = shiftForPause(c.resolveDueAt, c.pausedAt, now, sla.calendar, sla.hours);
  return { resolveDueAt, moved: resolveDueAt.getTime() !== c.resolveDueAt.getTime() };
}

export function deadlineMoved(field: 'resolveDueAt' | 'acceptDueAt', before: Date, after: Date, reason: string): EventInput {
  return {
    type: 'DEADLINE_CHANGED',
    visibility: 'PUBLIC',
    data: { field, before: before.toISOString(), after: after.toISOString(), reason },
  };
}

// ---------------------------------------------------------------- one action on one case

type StepEvent = Omit<EventInput, 'fromState' | 'toState'>;

/** Who hears of the step in their inbox: the case's retailer, or one staff member. */
type CaseNotify = { to: 'retailer'; notice: NotificationInput } | { to: 'staff'; staffUserId: number; notice: NotificationInput };

/**
 * What one action does to a case, written by `applyStep` in this order: `before`, the versioned update with the
 * step's own event and audit row, `after`, then `notify`. The order is the order of the timeline.
 */
export type CaseStep = (
  | {
      /** A step of the state machine: its event records the states moved between, its audit row `complaint.<action>`. */
      action: CaseAction;
      changes?: Prisma.ComplaintUncheckedUpdateManyInput;
      event: StepEvent;
      /** Files the person sent with it, saved on the step's event. */
      files?: StoredFile[];
    }
  | {
      /** No step of the state machine: the state stays, the version still moves (others' screens go stale). */
      action?: never;
      changes?: Prisma.ComplaintUncheckedUpdateManyInput;
      event?: StepEvent;
      audit?: Pick<AuditInput, 'action' | 'before' | 'after'>;
      files?: never;
    }
) & {
  /** Timeline entries that come before the step's own (a deadline moved by the pause ending). */
  before?: EventInput[];
  /** Timeline entries that follow it (a reply, an ownership change, a moved deadline). */
  after?: EventInput[];
  notify?: CaseNotify;
};

/** Writes `step` on a case already loaded and checked, in the caller's transaction; returns the case as the step left it. */
export async function applyStep(tx: DbTx, actor: Actor | null, c: CaseCore, now: Date, step: CaseStep): Promise<CaseCore> {
  // A step with no person behind it (a low rating's reopening) is the system's, which takes the staff steps.
  const to = step.action ? nextState(c.state, step.action, actor?.kind ?? 'staff') : c.state;
  for (const e of step.before ?? []) await addEvent(tx, c.id, actor, now, e);
  await writeCase(tx, c, step.action ? { state: to, ...step.changes } : { ...step.changes });
  const eventId = step.event
    ? await addEvent(tx, c.id, actor, now, step.action ? { ...step.event, fromState: c.state, toState: to } : step.event)
    : null;
  if (step.action) {
    await writeAudit(tx, {
      actor,
      action: `complaint.${step.action}`,
      entityType: 'Complaint',
      entityId: c.id,
      before: { state: c.state, version: c.version },
      after: { state: to, version: c.version + 1 },
    });
  } else if (step.audit) {
    await writeAudit(tx, { actor, entityType: 'Complaint', entityId: c.id, ...step.audit });
  }
  if (step.files && eventId !== null) await saveAttachments(tx, c.id, eventId, step.files, now);
  for (const e of step.after ?? []) await addEvent(tx, c.id, actor, now, e);
  if (step.notify?.to === 'retailer') await notifyRetailer(tx, c.retailerId, step.notify.notice);
  else if (step.notify?.to === 'staff') await notifyStaff(tx, step.notify.staffUserId, step.notify.notice);
  return { ...c, state: to, version: c.version + 1 };
}

/**
 * Every action a person takes on a case, retailer or staff: in the caller's transaction, loads the case in the
 * actor's scope (NOT_FOUND outside it), refuses it unless it is still at the version the person saw (CONFLICT),
 * then writes the step `decide` makes of it (which may refuse too, with a DomainError).
 */
export async function actOnCase(
  tx: DbTx,
  actor: Actor,
  seen: { id: number; version: number },
  now: Date,
  decide: (c: CaseCore) => CaseStep | Promise<CaseStep>,
): Promise<CaseCore> {
  const c = await loadCase(tx, actor, seen.id);
  if (c.version !== seen.version) throw conflict();
  return applyStep(tx, actor, c, now, await decide(c));
}

/** Reopens the case for a follow-up with a fresh resolve clock (a low rating, or a reopen); the owner is told. */
export function reopenStep(c: CaseCore, now: Date, sla: Sla, body: string | null, reason: 'retailer' | 'staff' | 'lowRating'): CaseStep {
  const { resolveDueAt } = slaDeadlines({ kind: c.kind, filedAt: now, settings: sla.settings }, sla.calendar);
  return {
    action: 'reopen',
    changes: {
      resolvedAt: null,
      closedAt: null,
      followUpDueAt: null,
      breachedAt: null,
      lastReminderAt: null,
      pausedAt: null,
      resolveDueAt,
      reopenCount: { increment: 1 },
    },
    event: {
      type: 'REOPENED',
      visibility: 'PUBLIC',
      body,
      data: { reason, resolveDueAt: { before: c.resolveDueAt.toISOString(), after: resolveDueAt.toISOString() } },
    },
    notify: c.ownerId
      ? {
          to: 'staff',
          staffUserId: c.ownerId,
          notice: caseNotice('reopened', c, body, { reason: { key: `complaints.reopenReason.${reason}` } }),
        }
      : undefined,
  };
}

// ---------------------------------------------------------------- attachments

export type StoredFile = CheckedUpload & { storageKey: string };

async function storeFiles(storage: AttachmentStorage, files: CheckedUpload[], now: Date) {
  const stored: StoredFile[] = [];
  try {
    for (const file of files) {
      const storageKey = newStorageKey(now, file.ext);
      await storage.put(storageKey, file.bytes, file.mimeType);
      stored.push({ ...file, storageKey });
    }
  } catch (error) {
    await discardFiles(storage, stored);
    throw error;
  }
  return stored;
}

async function discardFiles(storage: AttachmentStorage, stored: { storageKey: string }[]) {
  // Best effort: a file left behind by a failed write is unreachable (no row names it) and harmless.
  await Promise.all(stored.map((s) => storage.delete(s.storageKey).catch(() => undefined)));
}

async function maxMegabytes(db: DbTx): Promise<number> {
  return (await getSettings(db, ['complaints.attachmentMaxMegabytes']))['complaints.attachmentMaxMegabytes'];
}

/**
 * Runs a write that carries files: the files are checked, stored, then the transaction runs; if it fails
 * the stored files are removed again.
 */
export async function withFiles<T>(
  db: Db,
  files: readonly TUpload[],
  now: Date,
  storage: AttachmentStorage,
  write: (tx: DbTx, stored: StoredFile[]) => Promise<T>,
): Promise<T> {
  const checked = files.length > 0 ? await checkUploads(files, await maxMegabytes(db)) : [];
  const stored = await storeFiles(storage, checked, now);
  try {
    return await db.$transaction((tx) => write(tx, stored));
  } catch (error) {
    await discardFiles(storage, stored);
    throw error;
  }
}

async function saveAttachments(tx: DbTx, complaintId: number, eventId: number, stored: StoredFile[], now: Date) {
  if (stored.length === 0) return;
  await tx.complaintAttachment.createMany({
    data: stored.map((s) => ({
      complaintId,
      eventId,
      fileName: s.fileName,
      mimeType: s.mimeType,
      sizeBytes: s.sizeBytes,
      storageKey: s.storageKey,
      createdAt: now,
    })),
  });
}

// ---------------------------------------------------------------- filing (the portal, a call, a visit)

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === 'P2002' || /unique constraint/i.test(String((error as Error)?.message ?? ''));
}

export type FiledCase = { id: number; caseNo: string; duplicate: boolean };

export type FileArgs = {
  retailerId: number;
  kind: CaseKind;
  categoryId: number;
  subject: string;
  description: string;
  relatedOrderId?: number | null;
  idempotencyKey: string;
  channel: 'PORTAL' | 'PHONE' | 'VISIT';
  attachments: TUpload[];
};

export function caseNumber(now: Date, id: number): string {
  return `TS${chinaDate(now).replace(/-/g, '')}${String(id).padStart(6, '0')}`;
}

export async function fileCase(db: Db, actor: Actor, now: Date, args: FileArgs, storage: AttachmentStorage): Promise<FiledCase> {
  const existing = await db.complaint.findUnique({
    where: { idempotencyKey: args.idempotencyKey },
    select: { id: true, caseNo: true, retailerId: true },
  });
  if (existing) {
    if (existing.retailerId !== args.retailerId) throw conflict();
    return { id: existing.id, caseNo: existing.caseNo, duplicate: true };
  }
  const [category, order, monopoly, sla] = await Promise.all([
    db.complaintCategory.findFirst({
      where: { id: args.categoryId, active: true },
      select: { id: true, departmentId: true, acceptSlaDays: true, resolveSlaDays: true },
    }),
    args.relatedOrderId
      ? db.order.findFirst({ where: { id: args.relatedOrderId, retailerId: args.retailerId }, select: { id: true } })
      : Promise.resolve(null),
    args.kind === 'REPORT'
      ? db.department.findFirst({ where: { kind: 'MONOPOLY', active: true }, orderBy: { id: 'asc' }, select: { id: true, name: true } })
      : Promise.resolve(null),
    loadSla(db, now),
  ]);
  if (!category) throw new DomainError('VALIDATION', 'complaints.error.category');
  if (args.relatedOrderId && !order) throw new DomainError('VALIDATION', 'complaints.error.order');
  // A report of illegal sales goes to 专卖 at once, whatever category was picked.
  const departmentId = monopoly?.id ?? category.departmentId;
  const { acceptDueAt, resolveDueAt } = slaDeadlines(
    { kind: args.kind, filedAt: now, settings: sla.settings, categoryOverride: category },
    sla.calendar,
  );

  try {
    return await withFiles(db, args.attachments, now, storage, async (tx, stored) => {
      const created = await tx.complaint.create({
        data: {
          caseNo: `NEW-${randomUUID()}`,
          retailerId: args.retailerId,
          kind: args.kind,
          categoryId: category.id,
          departmentId,
          channel: args.channel,
          subject: args.subject,
          description: args.description,
          relatedOrderId: order?.id ?? null,
          filedById: actor.kind === 'staff' ? actor.userId : null,
          idempotencyKey: args.idempotencyKey,
          acceptDueAt,
          resolveDueAt,
          createdAt: now,
        },
        select: { id: true },
      });
      const caseNo = caseNumber(now, created.id);
      await tx.complaint.update({ where: { id: created.id }, data: { caseNo } });
      const eventId = await addEvent(tx, created.id, actor, now, {
        type: 'FILED',
        visibility: 'PUBLIC',
        body: args.description,
        toState: 'SUBMITTED',
        data: { channel: args.channel, acceptDueAt: acceptDueAt.toISOString(), resolveDueAt: resolveDueAt.toISOString() },
      });
      await saveAttachments(tx, created.id, eventId, stored, now);
      if (monopoly) {
        await addEvent(tx, created.id, null, now, {
          type: 'REASSIGNED',
          visibility: 'INTERNAL',
          messageKey: 'complaints.event.reportRouted',
          params: { department: monopoly.name },
          data: { reason: 'report', toDepartmentId: monopoly.id },
        });
        const handlers = await tx.staffUser.findMany({
          where: { active: true, departmentId: monopoly.id, roles: { some: { role: { in: ['SERVICE_AGENT', 'MANAGER'] } } } },
          select: { id: true },
        });
        for (const h of handlers) {
          await notifyStaff(tx, h.id, caseNotice('report', { id: created.id, caseNo }, args.subject));
        }
      }
      if (actor.kind === 'staff') {
        await notifyRetailer(tx, args.retailerId, caseNotice('filedForYou', { id: created.id, caseNo }, args.subject));
      }
      await writeAudit(tx, {
        actor,
        action: 'complaint.file',
        entityType: 'Complaint',
        entityId: created.id,
        after: { caseNo, kind: args.kind, departmentId, channel: args.channel },
      });
      return { id: created.id, caseNo, duplicate: false };
    });
  } catch (error) {
    // Two submissions of one form raced: the loser answers with the winner's case.
    if (isUniqueViolation(error)) {
      const winner = await db.complaint.findUnique({
        where: { idempotencyKey: args.idempotencyKey },
        select: { id: true, caseNo: true, retailerId: true },
      });
      if (winner && winner.retailerId === args.retailerId) return { id: winner.id, caseNo: winner.caseNo, duplicate: true };
    }
    throw error;
  }
}

// ---------------------------------------------------------------- reads both sides share

/** Active categories with their owning department, for both apps' forms. */
export async function listCategories({ db }: { db: DbTx }) {
  return db.complaintCategory.findMany({
    where: { active: true },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      dimension: true,
      department: { select: { id: true, name: true, nameEn: true, kind: true } },
    },
  });
}

/** A timeline event as the portal may show it; the back office adds `visibility`. */
export const PUBLIC_EVENT_SELECT = {
  id: true,
  type: true,
  body: true,
  messageKey: true,
  params: true,
  fromState: true,
  toState: true,
  data: true,
  createdAt: true,
  actorStaff: { select: { name: true } },
  actorLogin: { select: { displayName: true } },
  attachments: { select: { id: true, fileName: true, mimeType: true, sizeBytes: true } },
} satisfies Prisma.ComplaintEventSelect;
