import type { Prisma } from '@tobacco/db/client';
import type { CaseState } from '@tobacco/db/enums';
import { hasPermission, type Permission } from '@tobacco/auth/permissions';
import type { z } from 'zod';
import type { StaffActor } from '../actor';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { retailerScope } from '../retailers/retailers.scope';
import {
  actOnCase,
  addEvent,
  caseScope,
  deadlineMoved,
  fileCase,
  loadCase,
  loadSla,
  PUBLIC_EVENT_SELECT,
  reopenStep,
  unpause,
  type CaseStep,
  type FiledCase,
} from './complaints.case';
import { caseNotice } from './complaints.notices';
import { availableActions, canReply, isOverdue } from './complaints.rules';
import type {
  ZCaseIdInput,
  ZFileByPhoneInput,
  ZFollowUpInput,
  ZLookupRetailerInput,
  ZNoteInput,
  ZOptionalTextInput,
  ZReassignInput,
  ZStaffTextInput,
} from './complaints.schema';
import { followUpDueAt } from './complaints.sla.rules';
import { attachmentStorage } from './complaints.storage';

// Complaints as staff handle them (domain.md §9): one case, its steps, filing for a shop, and the lookups the
// forms need. Each action is one actOnCase (complaints.case.ts): scope, version, step, timeline, notice.
// The queue and the overview are complaints.queue.ts.

type In<T extends z.ZodType> = z.output<T>;

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

// ---------------------------------------------------------------- one case

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

// ---------------------------------------------------------------- staff actions

type StaffStep = 'accept' | 'start' | 'close';

/** Accept (taking ownership when no one owns it), start, or close: steps that need no more than an optional note. */
export async function takeStep({ db, actor, clock }: StaffDeps, input: In<typeof ZOptionalTextInput>, action: StaffStep) {
  const now = clock();
  const body = input.body?.trim() || null;
  const c = await db.$transaction((tx) =>
    actOnCase(tx, actor, input, now, (c): CaseStep => {
      if (action === 'accept') {
        return {
          action: 'accept',
          changes: { acceptedAt: now, ownerId: c.ownerId ?? actor.userId },
          event: { type: 'ACCEPTED', visibility: 'PUBLIC', ...(body ? { body } : { messageKey: 'complaints.event.acceptedDefault' }) },
          after: c.ownerId
            ? []
            : [{ type: 'REASSIGNED', visibility: 'INTERNAL', data: { reason: 'accept', fromOwnerId: null, toOwnerId: actor.userId } }],
          notify: { to: 'retailer', notice: caseNotice('accepted', c, c.subject) },
        };
      }
      if (action === 'start') return { action: 'start', event: { type: 'STARTED', visibility: 'PUBLIC', body } };
      return {
        action: 'close',
        changes: { closedAt: now },
        event: { type: 'CLOSED', visibility: 'PUBLIC', body },
        notify: { to: 'retailer', notice: caseNotice('closed', c) },
      };
    }),
  );
  return { id: c.id };
}

/**
 * A reply the retailer sees. Replying to an accepted case starts the work on it (ACCEPTED → IN_PROGRESS),
 * in the same transaction: a reply is work on the case.
 */
export async function replyToComplaint({ db, actor, clock }: StaffDeps, input: In<typeof ZStaffTextInput>) {
  const now = clock();
  const c = await db.$transaction((tx) =>
    actOnCase(tx, actor, input, now, (c): CaseStep => {
      if (!canReply(c.state)) throw new DomainError('INVALID_STATE', 'complaints.error.replyState');
      const reply = {
        after: [{ type: 'REPLY', visibility: 'PUBLIC', body: input.body }],
        notify: { to: 'retailer', notice: caseNotice('reply', c, input.body.slice(0, 200)) },
      } satisfies CaseStep;
      if (c.state !== 'ACCEPTED') return reply;
      return { action: 'start', event: { type: 'STARTED', visibility: 'PUBLIC' }, ...reply };
    }),
  );
  return { id: c.id };
}

/**
 * An internal note: on the staff timeline only, never in any portal answer. Notes add to the case without
 * changing it, so they take no version (two people noting at once both keep their note).
 */
export async function addInternalNote({ db, actor, clock }: StaffDeps, input: In<typeof ZNoteInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const c = await loadCase(tx, actor, input.id);
    // Readers without a part in the work (executives, administrators) read notes but do not write them.
    if (!staffActionsFor(actor, c.state).note) throw new DomainError('FORBIDDEN');
    const eventId = await addEvent(tx, c.id, actor, now, { type: 'INTERNAL_NOTE', visibility: 'INTERNAL', body: input.body });
    return { id: c.id, eventId };
  });
}

/** Asks the retailer for information: the clock pauses until they answer. */
export async function requestInformation({ db, actor, clock }: StaffDeps, input: In<typeof ZStaffTextInput>) {
  const now = clock();
  const c = await db.$transaction((tx) =>
    actOnCase(tx, actor, input, now, (c) => ({
      action: 'requestInfo',
      changes: { pausedAt: now },
      event: { type: 'INFO_REQUESTED', visibility: 'PUBLIC', body: input.body },
      notify: { to: 'retailer', notice: caseNotice('infoRequested', c, input.body.slice(0, 200)) },
    })),
  );
  return { id: c.id };
}

/** The retailer's answer taken by phone: recorded by staff, the clock runs again. */
export async function recordRetailerResponse({ db, actor, clock }: StaffDeps, input: In<typeof ZStaffTextInput>) {
  const now = clock();
  const sla = await loadSla(db, now);
  const c = await db.$transaction((tx) =>
    actOnCase(tx, actor, input, now, (c) => {
      const { resolveDueAt, moved } = unpause(c, now, sla);
      return {
        action: 'retailerRespond',
        changes: { pausedAt: null, resolveDueAt },
        event: { type: 'RETAILER_RESPONSE', visibility: 'PUBLIC', body: input.body, data: { recordedByStaff: true } },
        after: moved ? [deadlineMoved('resolveDueAt', c.resolveDueAt, resolveDueAt, 'pause')] : [],
      };
    }),
  );
  return { id: c.id };
}

/** Resolves with the outcome the retailer reads; the follow-up call falls due by the next working day's close. */
export async function resolveComplaint({ db, actor, clock }: StaffDeps, input: In<typeof ZStaffTextInput>) {
  const now = clock();
  const sla = await loadSla(db, now);
  const c = await db.$transaction((tx) =>
    actOnCase(tx, actor, input, now, (c) => {
      const { resolveDueAt, moved } = unpause(c, now, sla);
      const followUp = followUpDueAt(now, sla.calendar, sla.hours);
      return {
        // The deadline's move (the pause ending) comes before the resolution on the timeline.
        before: moved ? [deadlineMoved('resolveDueAt', c.resolveDueAt, resolveDueAt, 'pause')] : [],
        action: 'resolve',
        changes: { resolvedAt: now, pausedAt: null, resolveDueAt, followUpDueAt: followUp, ownerId: c.ownerId ?? actor.userId },
        event: { type: 'RESOLVED', visibility: 'PUBLIC', body: input.body, data: { followUpDueAt: followUp.toISOString() } },
        notify: { to: 'retailer', notice: caseNotice('resolved', c) },
      };
    }),
  );
  return { id: c.id };
}

/** Staff reopen a resolved or closed case (after a low rating, or a follow-up call that found it unsolved). */
export async function reopenComplaint({ db, actor, clock }: StaffDeps, input: In<typeof ZStaffTextInput>) {
  const now = clock();
  const sla = await loadSla(db, now);
  const c = await db.$transaction((tx) => actOnCase(tx, actor, input, now, (c) => reopenStep(c, now, sla, input.body, 'staff')));
  return { id: c.id };
}

/** The follow-up call (回访): reached or not, satisfied or not, and a note; on the staff timeline. */
export async function recordFollowUp({ db, actor, clock }: StaffDeps, input: In<typeof ZFollowUpInput>) {
  const now = clock();
  const c = await db.$transaction((tx) =>
    actOnCase(tx, actor, input, now, (c) => {
      if (c.state !== 'RESOLVED' && c.state !== 'CLOSED') throw new DomainError('INVALID_STATE', 'complaints.error.followUpState');
      return {
        event: {
          type: 'FOLLOW_UP',
          visibility: 'INTERNAL',
          body: input.note?.trim() || null,
          data: {
            reached: input.reached,
            satisfied: input.reached ? input.satisfied : null,
            onTime: c.followUpDueAt ? now <= c.followUpDueAt : null,
          },
        },
        audit: { action: 'complaint.followUp', after: { reached: input.reached, satisfied: input.satisfied } },
      };
    }),
  );
  return { id: c.id };
}

/** Moves the case to a department and (optionally) a person; the new owner is told in their inbox. */
export async function reassignComplaint({ db, actor, clock }: StaffDeps, input: In<typeof ZReassignInput>) {
  const now = clock();
  const c = await db.$transaction((tx) =>
    actOnCase(tx, actor, input, now, async (c): Promise<CaseStep> => {
      if (c.state === 'CLOSED') throw new DomainError('INVALID_STATE', 'complaints.error.closed');
      const department = await tx.department.findFirst({
        where: { id: input.departmentId, active: true },
        select: { id: true, name: true },
      });
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
      return {
        changes: { departmentId: department.id, ownerId: owner?.id ?? null },
        event: {
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
        },
        audit: {
          action: 'complaint.reassign',
          before: { departmentId: c.departmentId, ownerId: c.ownerId },
          after: { departmentId: department.id, ownerId: owner?.id ?? null },
        },
        notify:
          owner && owner.id !== actor.userId
            ? { to: 'staff', staffUserId: owner.id, notice: caseNotice('assigned', c, c.subject) }
            : undefined,
      };
    }),
  );
  return { id: c.id };
}

// ---------------------------------------------------------------- files and lookups

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
