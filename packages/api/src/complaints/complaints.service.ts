import { randomUUID } from 'node:crypto';
import type { Db, DbTx } from '@tobacco/db/client';
import { Prisma } from '@tobacco/db/client';
import type { CaseKind, CaseState, ComplaintEventType, EventVisibility } from '@tobacco/db/enums';
import { hasPermission, type Permission } from '@tobacco/auth/permissions';
import type { StoredParams } from '@tobacco/i18n/stored';
import type { z } from 'zod';
import type { Actor, RetailerActor, StaffActor } from '../actor';
import { writeAudit } from '../admin/audit.service';
import { getSettings } from '../admin/settings.service';
import type { RetailerDeps, StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { notifyRetailer, notifyStaff } from '../notifications/notifications.service';
import { retailerScope } from '../retailers/retailers.scope';
import { addDays, chinaDate, createWorkCalendar, type WorkCalendar } from '../schedule/calendar.rules';
import { checkUploads, type CheckedUpload } from './complaints.attachments';
import { caseNotice, type EventMessageKey } from './complaints.notices';
import { availableActions, canReply, isOverdue, mayReopen, nextState, ratingReopens, type CaseAction } from './complaints.rules';
import type {
  ZCaseIdInput,
  ZFileByPhoneInput,
  ZFileComplaintInput,
  ZFollowUpInput,
  ZLookupRetailerInput,
  ZMyComplaintsInput,
  ZNoteInput,
  ZOptionalTextInput,
  ZRatingFields,
  ZReassignInput,
  ZReopenInput,
  ZRespondInput,
  ZStaffTextInput,
  TUpload,
  RetailerCaseAction,
} from './complaints.schema';
import { RETAILER_CASE_ACTIONS } from './complaints.schema';
import {
  businessHoursOf,
  COMPLAINT_SLA_SETTING_KEYS,
  followUpDueAt,
  shiftForPause,
  slaDeadlines,
  toComplaintSlaSettings,
  type BusinessHours,
  type ComplaintSlaSettings,
} from './complaints.sla.rules';
import { attachmentStorage, newStorageKey, type AttachmentStorage } from './complaints.storage';

// The only code that writes complaints (domain.md §9). Every write:
// - checks the actor may see the case (another shop's or another account manager's case is NOT_FOUND);
// - checks the state machine of complaints.rules.ts for that actor;
// - updates the row only at the version the person saw (zero rows → CONFLICT, "changed by someone else");
// - writes the timeline event (and the audit row) in the same transaction as the change.
// Deadlines come from complaints.sla.rules.ts over the settings and the CalendarDay rows.

type In<T extends z.ZodType> = z.output<T>;
const OPEN_STATES: CaseState[] = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER'];

// ---------------------------------------------------------------- shared helpers

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

type EventInput = {
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

async function addEvent(tx: DbTx, complaintId: number, actor: Actor | null, now: Date, e: EventInput): Promise<number> {
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

const CORE = {
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
type Core = Prisma.ComplaintGetPayload<{ select: typeof CORE }>;

function assertVersion(c: Core, version: number): void {
  if (c.version !== version) throw conflict();
}

async function loadForStaff(tx: DbTx, actor: StaffActor, id: number): Promise<Core> {
  const c = await tx.complaint.findFirst({ where: { id, ...caseScope(actor) }, select: CORE });
  if (!c) throw notFound();
  return c;
}

async function loadForRetailer(tx: DbTx, actor: RetailerActor, id: number): Promise<Core> {
  const c = await tx.complaint.findFirst({ where: { id, retailerId: actor.retailerId }, select: CORE });
  if (!c) throw notFound();
  return c;
}

/** Moves the case by one step of the state machine, with its event and audit row. */
async function transition(
  tx: DbTx,
  actor: Actor | null,
  c: Core,
  action: CaseAction,
  now: Date,
  changes: Prisma.ComplaintUncheckedUpdateManyInput,
  event: Omit<EventInput, 'fromState' | 'toState'>,
): Promise<{ to: CaseState; eventId: number }> {
  const to = nextState(c.state, action, actor?.kind ?? 'staff');
  await writeCase(tx, c, { state: to, ...changes });
  const eventId = await addEvent(tx, c.id, actor, now, { ...event, fromState: c.state, toState: to });
  await writeAudit(tx, {
    actor,
    action: `complaint.${action}`,
    entityType: 'Complaint',
    entityId: c.id,
    before: { state: c.state, version: c.version },
    after: { state: to, version: c.version + 1 },
  });
  return { to, eventId };
}

/** Leaving WAITING_RETAILER: the resolve deadline moves by the working time spent waiting. */
function unpause(c: Core, now: Date, sla: Sla): { resolveDueAt: Date; moved: boolean } {
  if (!c.pausedAt) return { resolveDueAt: c.resolveDueAt, moved: false };
  const resolveDueAt = shiftForPause(c.resolveDueAt, c.pausedAt, now, sla.calendar, sla.hours);
  return { resolveDueAt, moved: resolveDueAt.getTime() !== c.resolveDueAt.getTime() };
}

async function deadlineEvent(
  tx: DbTx,
  c: Core,
  actor: Actor | null,
  now: Date,
  field: 'resolveDueAt' | 'acceptDueAt',
  before: Date,
  after: Date,
  reason: string,
) {
  await addEvent(tx, c.id, actor, now, {
    type: 'DEADLINE_CHANGED',
    visibility: 'PUBLIC',
    data: { field, before: before.toISOString(), after: after.toISOString(), reason },
  });
}

async function storeFiles(storage: AttachmentStorage, files: CheckedUpload[], now: Date) {
  const stored: (CheckedUpload & { storageKey: string })[] = [];
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
async function withFiles<T>(
  db: Db,
  files: readonly TUpload[],
  now: Date,
  storage: AttachmentStorage,
  write: (tx: DbTx, stored: (CheckedUpload & { storageKey: string })[]) => Promise<T>,
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

async function saveAttachments(
  tx: DbTx,
  complaintId: number,
  eventId: number,
  stored: (CheckedUpload & { storageKey: string })[],
  now: Date,
) {
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

/** A manager to remind: the case department's managers, else every manager. */
async function managersFor(tx: DbTx, departmentId: number): Promise<number[]> {
  const inDepartment = await tx.staffUser.findMany({
    where: { active: true, departmentId, roles: { some: { role: 'MANAGER' } } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  if (inDepartment.length > 0) return inDepartment.map((s) => s.id);
  const all = await tx.staffUser.findMany({
    where: { active: true, roles: { some: { role: 'MANAGER' } } },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: 1,
  });
  return all.map((s) => s.id);
}

export { managersFor };

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === 'P2002' || /unique constraint/i.test(String((error as Error)?.message ?? ''));
}

// ---------------------------------------------------------------- filing

export type FiledCase = { id: number; caseNo: string; duplicate: boolean };

type FileArgs = {
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

async function fileCase(db: Db, actor: Actor, now: Date, args: FileArgs, storage: AttachmentStorage): Promise<FiledCase> {
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

/** A retailer files a case in the portal. */
export async function fileComplaint(
  { db, actor, clock }: RetailerDeps,
  input: In<typeof ZFileComplaintInput>,
  storage = attachmentStorage(),
): Promise<FiledCase> {
  return fileCase(
    db,
    actor,
    clock(),
    { ...input, retailerId: actor.retailerId, idempotencyKey: `r${actor.retailerId}:${input.idempotencyKey}`, channel: 'PORTAL' },
    storage,
  );
}

/** A call-centre agent (or account manager) files a case on a retailer's behalf: by phone (12313) or on a visit. */
export async function fileComplaintForRetailer(
  { db, actor, clock }: StaffDeps,
  input: In<typeof ZFileByPhoneInput>,
  storage = attachmentStorage(),
): Promise<FiledCase> {
  const retailer = await db.retailer.findFirst({ where: { id: input.retailerId, ...retailerScope(actor) }, select: { id: true } });
  if (!retailer) throw notFound();
  return fileCase(db, actor, clock(), { ...input, idempotencyKey: `s${actor.userId}:${input.idempotencyKey}` }, storage);
}

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

/** What the portal's form offers: the categories and my recent orders (to name one the case is about). */
export async function getFilingOptions({ db, actor }: RetailerDeps) {
  const [categories, orders] = await Promise.all([
    listCategories({ db }),
    db.order.findMany({
      where: { retailerId: actor.retailerId },
      orderBy: [{ orderDate: 'desc' }, { id: 'desc' }],
      take: 12,
      select: { id: true, orderDate: true, totalQuantity: true, totalAmountFen: true },
    }),
  ]);
  return { categories, orders: orders.map((o) => ({ ...o, totalAmountFen: Number(o.totalAmountFen) })) };
}

// ---------------------------------------------------------------- the retailer's cases

/** "Waiting for you": staff asked for information, or the case is resolved and awaits confirmation. */
export function waitingForRetailer(c: { state: CaseState; rating?: number | null }): boolean {
  return c.state === 'WAITING_RETAILER' || c.state === 'RESOLVED';
}

export async function listMyComplaints({ db, actor }: RetailerDeps, input: In<typeof ZMyComplaintsInput>) {
  const where = { retailerId: actor.retailerId };
  const [total, waiting, rows] = await Promise.all([
    db.complaint.count({ where }),
    db.complaint.count({ where: { ...where, state: { in: ['WAITING_RETAILER', 'RESOLVED'] } } }),
    db.complaint.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        caseNo: true,
        kind: true,
        state: true,
        subject: true,
        createdAt: true,
        acceptDueAt: true,
        resolveDueAt: true,
        pausedAt: true,
        resolvedAt: true,
        closedAt: true,
        rating: true,
        category: { select: { name: true, nameEn: true } },
      },
    }),
  ]);
  return {
    items: rows.map((r) => ({ ...r, waitingForMe: waitingForRetailer(r) })),
    total,
    waiting,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

const PUBLIC_EVENT_SELECT = {
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

/** My case with its public timeline only: internal notes and internal routing never leave the back office. */
export async function getMyComplaint({ db, actor, clock }: RetailerDeps, input: In<typeof ZCaseIdInput>) {
  const c = await db.complaint.findFirst({
    where: { id: input.id, retailerId: actor.retailerId },
    select: {
      id: true,
      caseNo: true,
      kind: true,
      state: true,
      channel: true,
      subject: true,
      description: true,
      version: true,
      createdAt: true,
      acceptDueAt: true,
      resolveDueAt: true,
      acceptedAt: true,
      resolvedAt: true,
      closedAt: true,
      pausedAt: true,
      rating: true,
      ratingComment: true,
      reopenCount: true,
      category: { select: { name: true, nameEn: true } },
      department: { select: { name: true, nameEn: true } },
      relatedOrder: { select: { id: true, orderDate: true, totalQuantity: true } },
      events: { where: { visibility: 'PUBLIC' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: PUBLIC_EVENT_SELECT },
    },
  });
  if (!c) throw notFound();
  const reopenWindowDays = (await getSettings(db, ['complaints.reopenWindowDays']))['complaints.reopenWindowDays'];
  const now = clock();
  const actions = availableActions(c.state, 'retailer').filter((action): action is RetailerCaseAction => {
    if (!(RETAILER_CASE_ACTIONS as readonly string[]).includes(action)) return false;
    if (action === 'reopen') return mayReopen({ state: c.state, actorKind: 'retailer', resolvedAt: c.resolvedAt, now, reopenWindowDays });
    if (action === 'rate') return c.rating === null;
    return true;
  });
  const reopenUntil = c.resolvedAt ? new Date(c.resolvedAt.getTime() + reopenWindowDays * 86_400_000) : null;
  return { ...c, actions, reopenUntil, waitingForMe: waitingForRetailer(c) };
}

/** The retailer answers a request for information: the clock runs again, later by the time it waited. */
export async function respondToComplaint(
  { db, actor, clock }: RetailerDeps,
  input: In<typeof ZRespondInput>,
  storage = attachmentStorage(),
) {
  const now = clock();
  await loadForRetailer(db, actor, input.id);
  const sla = await loadSla(db, now);
  return withFiles(db, input.attachments, now, storage, async (tx, stored) => {
    const c = await loadForRetailer(tx, actor, input.id);
    assertVersion(c, input.version);
    const { resolveDueAt, moved } = unpause(c, now, sla);
    const { eventId } = await transition(
      tx,
      actor,
      c,
      'retailerRespond',
      now,
      { pausedAt: null, resolveDueAt },
      { type: 'RETAILER_RESPONSE', visibility: 'PUBLIC', body: input.body },
    );
    await saveAttachments(tx, c.id, eventId, stored, now);
    if (moved) await deadlineEvent(tx, c, actor, now, 'resolveDueAt', c.resolveDueAt, resolveDueAt, 'pause');
    if (c.ownerId) await notifyStaff(tx, c.ownerId, caseNotice('retailerAnswered', c, input.body.slice(0, 200)));
    return { id: c.id };
  });
}

/** Reopens the case for a follow-up with a fresh resolve clock (a low rating, or a reopen). */
async function reopenCase(
  tx: DbTx,
  actor: Actor | null,
  c: Core,
  now: Date,
  sla: Sla,
  body: string | null,
  reason: 'retailer' | 'staff' | 'lowRating',
) {
  const { resolveDueAt } = slaDeadlines({ kind: c.kind, filedAt: now, settings: sla.settings }, sla.calendar);
  await transition(
    tx,
    actor,
    c,
    'reopen',
    now,
    {
      resolvedAt: null,
      closedAt: null,
      followUpDueAt: null,
      breachedAt: null,
      lastReminderAt: null,
      pausedAt: null,
      resolveDueAt,
      reopenCount: { increment: 1 },
    },
    {
      type: 'REOPENED',
      visibility: 'PUBLIC',
      body,
      data: { reason, resolveDueAt: { before: c.resolveDueAt.toISOString(), after: resolveDueAt.toISOString() } },
    },
  );
  if (c.ownerId)
    await notifyStaff(tx, c.ownerId, caseNotice('reopened', c, body, { reason: { key: `complaints.reopenReason.${reason}` } }));
}

async function lowRatingThreshold(db: DbTx): Promise<number> {
  return (await getSettings(db, ['complaints.lowRatingReopens']))['complaints.lowRatingReopens'];
}

/**
 * The retailer confirms the resolution and rates it (closing the case). A low rating reopens it at once for
 * a follow-up, in the same transaction: the case is never left closed on an unhappy customer.
 */
export async function confirmComplaint({ db, actor, clock }: RetailerDeps, input: In<typeof ZRatingFields>) {
  const now = clock();
  const [sla, threshold] = await Promise.all([loadSla(db, now), lowRatingThreshold(db)]);
  return db.$transaction(async (tx) => {
    const c = await loadForRetailer(tx, actor, input.id);
    assertVersion(c, input.version);
    const comment = input.comment?.trim() || null;
    await transition(
      tx,
      actor,
      c,
      'confirm',
      now,
      { closedAt: now, rating: input.rating, ratingComment: comment },
      { type: 'CLOSED', visibility: 'PUBLIC', body: comment, data: { rating: input.rating } },
    );
    const reopened = ratingReopens(input.rating, threshold);
    if (reopened) await reopenCase(tx, null, { ...c, state: 'CLOSED', version: c.version + 1 }, now, sla, null, 'lowRating');
    return { id: c.id, reopened };
  });
}

/** A rating for a case staff closed (or closed before it was rated); a low one reopens it too. */
export async function rateComplaint({ db, actor, clock }: RetailerDeps, input: In<typeof ZRatingFields>) {
  const now = clock();
  const [sla, threshold] = await Promise.all([loadSla(db, now), lowRatingThreshold(db)]);
  return db.$transaction(async (tx) => {
    const c = await loadForRetailer(tx, actor, input.id);
    assertVersion(c, input.version);
    if (c.rating !== null) throw new DomainError('INVALID_STATE', 'complaints.error.alreadyRated');
    const comment = input.comment?.trim() || null;
    await transition(
      tx,
      actor,
      c,
      'rate',
      now,
      { rating: input.rating, ratingComment: comment },
      { type: 'RATED', visibility: 'PUBLIC', body: comment, data: { rating: input.rating } },
    );
    const reopened = ratingReopens(input.rating, threshold);
    if (reopened) await reopenCase(tx, null, { ...c, version: c.version + 1 }, now, sla, null, 'lowRating');
    return { id: c.id, reopened };
  });
}

/** The retailer reopens a resolved case within the window (default 7 days). */
export async function reopenMyComplaint({ db, actor, clock }: RetailerDeps, input: In<typeof ZReopenInput>) {
  const now = clock();
  const [sla, windowDays] = await Promise.all([loadSla(db, now), getSettings(db, ['complaints.reopenWindowDays'])]);
  return db.$transaction(async (tx) => {
    const c = await loadForRetailer(tx, actor, input.id);
    assertVersion(c, input.version);
    if (
      !mayReopen({
        state: c.state,
        actorKind: 'retailer',
        resolvedAt: c.resolvedAt,
        now,
        reopenWindowDays: windowDays['complaints.reopenWindowDays'],
      })
    ) {
      throw new DomainError('INVALID_STATE', 'complaints.error.reopenWindow');
    }
    await reopenCase(tx, actor, c, now, sla, input.reason, 'retailer');
    return { id: c.id };
  });
}

/** One attachment's bytes, for the retailer who owns the case: only files on the public timeline. */
export async function readMyAttachment({ db, actor }: RetailerDeps, input: { id: number }, storage = attachmentStorage()) {
  const a = await db.complaintAttachment.findFirst({
    where: { id: input.id, complaint: { retailerId: actor.retailerId }, OR: [{ eventId: null }, { event: { visibility: 'PUBLIC' } }] },
    select: { fileName: true, mimeType: true, sizeBytes: true, storageKey: true },
  });
  if (!a) throw notFound();
  const bytes = await storage.get(a.storageKey);
  if (!bytes) throw notFound();
  return { fileName: a.fileName, mimeType: a.mimeType, bytes };
}

// ---------------------------------------------------------------- staff: one case

function may(actor: StaffActor, permission: Permission): boolean {
  return hasPermission(actor.roles, permission);
}

const STAFF_ACTION_PERMISSION: Record<string, Permission> = {
  accept: 'complaints.handle',
  start: 'complaints.handle',
  requestInfo: 'complaints.handle',
  retailerRespond: 'complaints.handle',
  resolve: 'complaints.handle',
  close: 'complaints.handle',
  reopen: 'complaints.handle',
};

/** What the person may do on the case now: the state machine's staff steps they hold the permission for, and the extras. */
export function staffActionsFor(actor: StaffActor, state: CaseState) {
  const steps = availableActions(state, 'staff').filter(
    (a) => a !== 'rate' && STAFF_ACTION_PERMISSION[a] && may(actor, STAFF_ACTION_PERMISSION[a]),
  );
  return {
    steps,
    reply: may(actor, 'complaints.handle') && canReply(state),
    note: may(actor, 'complaints.handle') || may(actor, 'complaints.file'),
    reassign: may(actor, 'complaints.reassign') && state !== 'CLOSED',
    followUp: may(actor, 'complaints.followUp') && (state === 'RESOLVED' || state === 'CLOSED'),
  };
}

export async function getCase({ db, actor, clock }: StaffDeps, input: In<typeof ZCaseIdInput>) {
  const c = await db.complaint.findFirst({
    where: { id: input.id, ...caseScope(actor) },
    select: {
      id: true,
      caseNo: true,
      kind: true,
      state: true,
      channel: true,
      subject: true,
      description: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      acceptDueAt: true,
      resolveDueAt: true,
      followUpDueAt: true,
      acceptedAt: true,
      resolvedAt: true,
      closedAt: true,
      pausedAt: true,
      breachedAt: true,
      lastReminderAt: true,
      rating: true,
      ratingComment: true,
      reopenCount: true,
      category: { select: { id: true, name: true, nameEn: true } },
      department: { select: { id: true, name: true, nameEn: true } },
      owner: { select: { id: true, name: true } },
      filedBy: { select: { id: true, name: true } },
      relatedOrder: { select: { id: true, orderDate: true, totalQuantity: true, totalAmountFen: true } },
      retailer: {
        select: {
          id: true,
          licenceNo: true,
          shopName: true,
          ownerName: true,
          phone: true,
          address: true,
          grade: true,
          integrityLevel: true,
          classificationCode: true,
          district: { select: { name: true, nameEn: true } },
          accountManager: { select: { id: true, name: true, phone: true } },
        },
      },
      events: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { ...PUBLIC_EVENT_SELECT, visibility: true },
      },
    },
  });
  if (!c) throw notFound();
  // The shop's other recent cases (served by the (retailerId, createdAt) index), for context.
  const recent = await db.complaint.findMany({
    where: { retailerId: c.retailer.id, id: { not: c.id } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 5,
    select: { id: true, caseNo: true, kind: true, state: true, subject: true, createdAt: true, rating: true },
  });
  const now = clock();
  const overdue = isOverdue(c, now);
  return {
    ...c,
    overdue,
    relatedOrder: c.relatedOrder ? { ...c.relatedOrder, totalAmountFen: Number(c.relatedOrder.totalAmountFen) } : null,
    recent,
    followUpDone: c.events.some((e) => e.type === 'FOLLOW_UP' && (e.data as { reached?: boolean } | null)?.reached === true),
    can: staffActionsFor(actor, c.state),
  };
}

/** Departments and the people who can own a case, for the reassign form. */
export async function getAssignOptions({ db }: StaffDeps) {
  const [departments, staff] = await Promise.all([
    db.department.findMany({ where: { active: true }, orderBy: { id: 'asc' }, select: { id: true, name: true, nameEn: true, kind: true } }),
    db.staffUser.findMany({
      where: { active: true, roles: { some: { role: { in: ['SERVICE_AGENT', 'MANAGER'] } } } },
      orderBy: [{ departmentId: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, username: true, departmentId: true },
    }),
  ]);
  return { departments, staff };
}

type StaffStep = 'accept' | 'start' | 'close';

/** Accept (taking ownership when no one owns it), start, or close: steps that need no more than an optional note. */
export async function takeStep({ db, actor, clock }: StaffDeps, input: In<typeof ZOptionalTextInput>, action: StaffStep) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const c = await loadForStaff(tx, actor, input.id);
    assertVersion(c, input.version);
    const body = input.body?.trim() || null;
    if (action === 'accept') {
      await transition(
        tx,
        actor,
        c,
        'accept',
        now,
        { acceptedAt: now, ownerId: c.ownerId ?? actor.userId },
        { type: 'ACCEPTED', visibility: 'PUBLIC', ...(body ? { body } : { messageKey: 'complaints.event.acceptedDefault' }) },
      );
      if (!c.ownerId) {
        await addEvent(tx, c.id, actor, now, {
          type: 'REASSIGNED',
          visibility: 'INTERNAL',
          data: { reason: 'accept', fromOwnerId: null, toOwnerId: actor.userId },
        });
      }
      await notifyRetailer(tx, c.retailerId, caseNotice('accepted', c, c.subject));
    } else if (action === 'start') {
      await transition(tx, actor, c, 'start', now, {}, { type: 'STARTED', visibility: 'PUBLIC', body });
    } else {
      await transition(tx, actor, c, 'close', now, { closedAt: now }, { type: 'CLOSED', visibility: 'PUBLIC', body });
      await notifyRetailer(tx, c.retailerId, caseNotice('closed', c));
    }
    return { id: c.id };
  });
}

/**
 * A reply the retailer sees. Replying to an accepted case starts the work on it (ACCEPTED → IN_PROGRESS),
 * in the same transaction: a reply is work on the case.
 */
export async function replyToComplaint({ db, actor, clock }: StaffDeps, input: In<typeof ZStaffTextInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const c = await loadForStaff(tx, actor, input.id);
    assertVersion(c, input.version);
    if (!canReply(c.state)) throw new DomainError('INVALID_STATE', 'complaints.error.replyState');
    if (c.state === 'ACCEPTED') {
      await transition(tx, actor, c, 'start', now, {}, { type: 'STARTED', visibility: 'PUBLIC' });
    } else {
      await writeCase(tx, c, {});
    }
    await addEvent(tx, c.id, actor, now, { type: 'REPLY', visibility: 'PUBLIC', body: input.body });
    await notifyRetailer(tx, c.retailerId, caseNotice('reply', c, input.body.slice(0, 200)));
    return { id: c.id };
  });
}

/**
 * An internal note: on the staff timeline only, never in any portal answer. Notes add to the case without
 * changing it, so they take no version (two people noting at once both keep their note).
 */
export async function addInternalNote({ db, actor, clock }: StaffDeps, input: In<typeof ZNoteInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const c = await loadForStaff(tx, actor, input.id);
    // Readers without a part in the work (executives, administrators) read notes but do not write them.
    if (!staffActionsFor(actor, c.state).note) throw new DomainError('FORBIDDEN');
    const eventId = await addEvent(tx, c.id, actor, now, { type: 'INTERNAL_NOTE', visibility: 'INTERNAL', body: input.body });
    return { id: c.id, eventId };
  });
}

/** Asks the retailer for information: the clock pauses until they answer. */
export async function requestInformation({ db, actor, clock }: StaffDeps, input: In<typeof ZStaffTextInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const c = await loadForStaff(tx, actor, input.id);
    assertVersion(c, input.version);
    await transition(
      tx,
      actor,
      c,
      'requestInfo',
      now,
      { pausedAt: now },
      { type: 'INFO_REQUESTED', visibility: 'PUBLIC', body: input.body },
    );
    await notifyRetailer(tx, c.retailerId, caseNotice('infoRequested', c, input.body.slice(0, 200)));
    return { id: c.id };
  });
}

/** The retailer's answer taken by phone: recorded by staff, the clock runs again. */
export async function recordRetailerResponse({ db, actor, clock }: StaffDeps, input: In<typeof ZStaffTextInput>) {
  const now = clock();
  const sla = await loadSla(db, now);
  return db.$transaction(async (tx) => {
    const c = await loadForStaff(tx, actor, input.id);
    assertVersion(c, input.version);
    const { resolveDueAt, moved } = unpause(c, now, sla);
    await transition(
      tx,
      actor,
      c,
      'retailerRespond',
      now,
      { pausedAt: null, resolveDueAt },
      { type: 'RETAILER_RESPONSE', visibility: 'PUBLIC', body: input.body, data: { recordedByStaff: true } },
    );
    if (moved) await deadlineEvent(tx, c, actor, now, 'resolveDueAt', c.resolveDueAt, resolveDueAt, 'pause');
    return { id: c.id };
  });
}

/** Resolves with the outcome the retailer reads; the follow-up call falls due by the next working day's close. */
export async function resolveComplaint({ db, actor, clock }: StaffDeps, input: In<typeof ZStaffTextInput>) {
  const now = clock();
  const sla = await loadSla(db, now);
  return db.$transaction(async (tx) => {
    const c = await loadForStaff(tx, actor, input.id);
    assertVersion(c, input.version);
    const { resolveDueAt, moved } = unpause(c, now, sla);
    const followUp = followUpDueAt(now, sla.calendar, sla.hours);
    // The deadline's move (the pause ending) comes before the resolution on the timeline.
    if (moved) await deadlineEvent(tx, c, actor, now, 'resolveDueAt', c.resolveDueAt, resolveDueAt, 'pause');
    await transition(
      tx,
      actor,
      c,
      'resolve',
      now,
      { resolvedAt: now, pausedAt: null, resolveDueAt, followUpDueAt: followUp, ownerId: c.ownerId ?? actor.userId },
      { type: 'RESOLVED', visibility: 'PUBLIC', body: input.body, data: { followUpDueAt: followUp.toISOString() } },
    );
    await notifyRetailer(tx, c.retailerId, caseNotice('resolved', c));
    return { id: c.id };
  });
}

/** Staff reopen a resolved or closed case (after a low rating, or a follow-up call that found it unsolved). */
export async function reopenComplaint({ db, actor, clock }: StaffDeps, input: In<typeof ZStaffTextInput>) {
  const now = clock();
  const sla = await loadSla(db, now);
  return db.$transaction(async (tx) => {
    const c = await loadForStaff(tx, actor, input.id);
    assertVersion(c, input.version);
    await reopenCase(tx, actor, c, now, sla, input.body, 'staff');
    return { id: c.id };
  });
}

/** The follow-up call (回访): reached or not, satisfied or not, and a note; on the staff timeline. */
export async function recordFollowUp({ db, actor, clock }: StaffDeps, input: In<typeof ZFollowUpInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const c = await loadForStaff(tx, actor, input.id);
    assertVersion(c, input.version);
    if (c.state !== 'RESOLVED' && c.state !== 'CLOSED') throw new DomainError('INVALID_STATE', 'complaints.error.followUpState');
    await writeCase(tx, c, {});
    await addEvent(tx, c.id, actor, now, {
      type: 'FOLLOW_UP',
      visibility: 'INTERNAL',
      body: input.note?.trim() || null,
      data: {
        reached: input.reached,
        satisfied: input.reached ? input.satisfied : null,
        onTime: c.followUpDueAt ? now <= c.followUpDueAt : null,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'complaint.followUp',
      entityType: 'Complaint',
      entityId: c.id,
      after: { reached: input.reached, satisfied: input.satisfied },
    });
    return { id: c.id };
  });
}

/** Moves the case to a department and (optionally) a person; the new owner is told in their inbox. */
export async function reassignComplaint({ db, actor, clock }: StaffDeps, input: In<typeof ZReassignInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const c = await loadForStaff(tx, actor, input.id);
    assertVersion(c, input.version);
    if (c.state === 'CLOSED') throw new DomainError('INVALID_STATE', 'complaints.error.closed');
    const department = await tx.department.findFirst({ where: { id: input.departmentId, active: true }, select: { id: true, name: true } });
    if (!department) throw new DomainError('VALIDATION', 'complaints.error.department');
    const owner = input.ownerId
      ? await tx.staffUser.findFirst({
          where: { id: input.ownerId, active: true, roles: { some: { role: { in: ['SERVICE_AGENT', 'MANAGER'] } } } },
          select: { id: true, name: true },
        })
      : null;
    if (input.ownerId && !owner) throw new DomainError('VALIDATION', 'complaints.error.owner');
    if (department.id === c.departmentId && (owner?.id ?? null) === c.ownerId)
      throw new DomainError('VALIDATION', 'complaints.error.sameAssignment');
    await writeCase(tx, c, { departmentId: department.id, ownerId: owner?.id ?? null });
    await addEvent(tx, c.id, actor, now, {
      type: 'REASSIGNED',
      visibility: 'INTERNAL',
      body: input.note?.trim() || null,
      data: {
        fromDepartmentId: c.departmentId,
        toDepartmentId: department.id,
        fromOwnerId: c.ownerId,
        toOwnerId: owner?.id ?? null,
        department: department.name,
        owner: owner?.name ?? null,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'complaint.reassign',
      entityType: 'Complaint',
      entityId: c.id,
      before: { departmentId: c.departmentId, ownerId: c.ownerId },
      after: { departmentId: department.id, ownerId: owner?.id ?? null },
    });
    if (owner && owner.id !== actor.userId) {
      await notifyStaff(tx, owner.id, caseNotice('assigned', c, c.subject));
    }
    return { id: c.id };
  });
}

/** One attachment's bytes for a staff member who may see the case (an account manager: their retailers only). */
export async function readCaseAttachment({ db, actor }: StaffDeps, input: { id: number }, storage = attachmentStorage()) {
  const a = await db.complaintAttachment.findFirst({
    where: { id: input.id, complaint: caseScope(actor) },
    select: { fileName: true, mimeType: true, storageKey: true },
  });
  if (!a) throw notFound();
  const bytes = await storage.get(a.storageKey);
  if (!bytes) throw notFound();
  return { fileName: a.fileName, mimeType: a.mimeType, bytes };
}

/** Finds a shop for a phone filing by licence number or phone (prefixes of at least 3 digits). */
export async function lookupRetailer({ db, actor }: StaffDeps, input: In<typeof ZLookupRetailerInput>) {
  const q = input.q;
  const match: Prisma.RetailerWhereInput =
    q.length === 12
      ? { licenceNo: q }
      : q.length === 11 && q.startsWith('1')
        ? { phone: q }
        : { OR: [{ licenceNo: { startsWith: q } }, { phone: { startsWith: q } }] };
  return db.retailer.findMany({
    where: { AND: [retailerScope(actor), match] },
    orderBy: { licenceNo: 'asc' },
    take: 10,
    select: {
      id: true,
      licenceNo: true,
      shopName: true,
      ownerName: true,
      phone: true,
      grade: true,
      status: true,
      district: { select: { name: true, nameEn: true } },
    },
  });
}

export { OPEN_STATES };
