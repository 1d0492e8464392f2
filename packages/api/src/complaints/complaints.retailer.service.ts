import type { CaseState } from '@tobacco/db/enums';
import type { DbTx } from '@tobacco/db/client';
import type { z } from 'zod';
import { getSettings } from '../admin/settings.service';
import type { RetailerDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import {
  actOnCase,
  applyStep,
  deadlineMoved,
  fileCase,
  listCategories,
  loadCase,
  loadSla,
  PUBLIC_EVENT_SELECT,
  reopenStep,
  unpause,
  withFiles,
  type CaseCore,
  type FiledCase,
  type Sla,
} from './complaints.case';
import { caseNotice } from './complaints.notices';
import { availableActions, mayReopen, ratingReopens } from './complaints.rules';
import type {
  ZCaseIdInput,
  ZFileComplaintInput,
  ZMyComplaintsInput,
  ZRatingFields,
  ZReopenInput,
  ZRespondInput,
  RetailerCaseAction,
} from './complaints.schema';
import { RETAILER_CASE_ACTIONS } from './complaints.schema';
import { attachmentStorage } from './complaints.storage';

// Complaints as a retailer sees them in the portal (domain.md §9): filing, my cases with their public timeline
// only, and the retailer's steps (answer, confirm and rate, reopen), each one actOnCase (complaints.case.ts).

type In<T extends z.ZodType> = z.output<T>;

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

// ---------------------------------------------------------------- my cases

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

// ---------------------------------------------------------------- the retailer's steps

/** The retailer answers a request for information: the clock runs again, later by the time it waited. */
export async function respondToComplaint(
  { db, actor, clock }: RetailerDeps,
  input: In<typeof ZRespondInput>,
  storage = attachmentStorage(),
) {
  const now = clock();
  // Another shop's case is NOT_FOUND before any of the files is stored.
  await loadCase(db, actor, input.id);
  const sla = await loadSla(db, now);
  const c = await withFiles(db, input.attachments, now, storage, (tx, stored) =>
    actOnCase(tx, actor, input, now, (c) => {
      const { resolveDueAt, moved } = unpause(c, now, sla);
      return {
        action: 'retailerRespond',
        changes: { pausedAt: null, resolveDueAt },
        event: { type: 'RETAILER_RESPONSE', visibility: 'PUBLIC', body: input.body },
        files: stored,
        after: moved ? [deadlineMoved('resolveDueAt', c.resolveDueAt, resolveDueAt, 'pause')] : [],
        notify: c.ownerId
          ? { to: 'staff', staffUserId: c.ownerId, notice: caseNotice('retailerAnswered', c, input.body.slice(0, 200)) }
          : undefined,
      };
    }),
  );
  return { id: c.id };
}

async function lowRatingThreshold(db: DbTx): Promise<number> {
  return (await getSettings(db, ['complaints.lowRatingReopens']))['complaints.lowRatingReopens'];
}

/** A low rating reopens the just-rated case at once for a follow-up, in the rating's transaction. */
async function reopenIfLowRating(tx: DbTx, rated: CaseCore, rating: number, threshold: number, now: Date, sla: Sla) {
  const reopened = ratingReopens(rating, threshold);
  if (reopened) await applyStep(tx, null, rated, now, reopenStep(rated, now, sla, null, 'lowRating'));
  return reopened;
}

/**
 * The retailer confirms the resolution and rates it (closing the case). A low rating reopens it at once for
 * a follow-up, in the same transaction: the case is never left closed on an unhappy customer.
 */
export async function confirmComplaint({ db, actor, clock }: RetailerDeps, input: In<typeof ZRatingFields>) {
  const now = clock();
  const [sla, threshold] = await Promise.all([loadSla(db, now), lowRatingThreshold(db)]);
  const comment = input.comment?.trim() || null;
  return db.$transaction(async (tx) => {
    const closed = await actOnCase(tx, actor, input, now, () => ({
      action: 'confirm',
      changes: { closedAt: now, rating: input.rating, ratingComment: comment },
      event: { type: 'CLOSED', visibility: 'PUBLIC', body: comment, data: { rating: input.rating } },
    }));
    const reopened = await reopenIfLowRating(tx, closed, input.rating, threshold, now, sla);
    return { id: closed.id, reopened };
  });
}

/** A rating for a case staff closed (or closed before it was rated); a low one reopens it too. */
export async function rateComplaint({ db, actor, clock }: RetailerDeps, input: In<typeof ZRatingFields>) {
  const now = clock();
  const [sla, threshold] = await Promise.all([loadSla(db, now), lowRatingThreshold(db)]);
  const comment = input.comment?.trim() || null;
  return db.$transaction(async (tx) => {
    const rated = await actOnCase(tx, actor, input, now, (c) => {
      if (c.rating !== null) throw new DomainError('INVALID_STATE', 'complaints.error.alreadyRated');
      return {
        action: 'rate',
        changes: { rating: input.rating, ratingComment: comment },
        event: { type: 'RATED', visibility: 'PUBLIC', body: comment, data: { rating: input.rating } },
      };
    });
    const reopened = await reopenIfLowRating(tx, rated, input.rating, threshold, now, sla);
    return { id: rated.id, reopened };
  });
}

/** The retailer reopens a resolved case within the window (default 7 days). */
export async function reopenMyComplaint({ db, actor, clock }: RetailerDeps, input: In<typeof ZReopenInput>) {
  const now = clock();
  const [sla, windowDays] = await Promise.all([loadSla(db, now), getSettings(db, ['complaints.reopenWindowDays'])]);
  const c = await db.$transaction((tx) =>
    actOnCase(tx, actor, input, now, (c) => {
      const reopenWindowDays = windowDays['complaints.reopenWindowDays'];
      if (!mayReopen({ state: c.state, actorKind: 'retailer', resolvedAt: c.resolvedAt, now, reopenWindowDays })) {
        throw new DomainError('INVALID_STATE', 'complaints.error.reopenWindow');
      }
      return reopenStep(c, now, sla, input.reason, 'retailer');
    }),
  );
  return { id: c.id };
}
