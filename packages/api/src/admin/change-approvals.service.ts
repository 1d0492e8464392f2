import type { DbTx, Prisma } from '@tobacco/db/client';
import type { StoredParam } from '@tobacco/i18n/stored';
import type { z } from 'zod';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { notifyRetailer } from '../notifications/notifications.service';
import { retailerScope } from '../retailers/retailers.scope';
import { writeAudit } from './audit';
import {
  CHANGE_REQUEST_PAGE_SIZE,
  CONTACT_FIELDS,
  ZContactChanges,
  type TContactChanges,
  type ZApproveChangeRequestInput,
  type ZListChangeRequestsInput,
  type ZRejectChangeRequestInput,
} from './change-approvals.schema';

// A manager decides contact-detail change requests. Approval applies the change to the retailer, writes the
// audit row and tells the shop in its inbox, all in one transaction; a request is decided once.

function contactChanges(value: Prisma.JsonValue): TContactChanges {
  const parsed = ZContactChanges.safeParse(value);
  if (!parsed.success) return {};
  return Object.fromEntries(CONTACT_FIELDS.flatMap((field) => (parsed.data[field] === undefined ? [] : [[field, parsed.data[field]]])));
}

export async function listChangeRequests({ db, actor }: StaffDeps, input: z.output<typeof ZListChangeRequestsInput>) {
  const where: Prisma.ChangeRequestWhereInput = { state: input.state, retailer: retailerScope(actor) };
  const [total, rows] = await Promise.all([
    db.changeRequest.count({ where }),
    db.changeRequest.findMany({
      where,
      // Oldest first while waiting (first come, first served); newest first once decided.
      orderBy: { createdAt: input.state === 'PENDING' ? 'asc' : 'desc' },
      skip: (input.page - 1) * CHANGE_REQUEST_PAGE_SIZE,
      take: CHANGE_REQUEST_PAGE_SIZE,
      include: {
        retailer: {
          select: {
            id: true,
            licenceNo: true,
            shopName: true,
            phone: true,
            address: true,
            contactName: true,
            accountManager: { select: { name: true } },
          },
        },
        requestedByLogin: { select: { displayName: true, loginName: true } },
        requestedByStaff: { select: { name: true } },
        decidedBy: { select: { name: true } },
      },
    }),
  ]);
  const items = rows.map((row) => {
    const changes = contactChanges(row.changes);
    const previous = contactChanges(row.previous);
    const current = { phone: row.retailer.phone, address: row.retailer.address, contactName: row.retailer.contactName };
    return {
      id: row.id,
      state: row.state,
      reason: row.reason,
      createdAt: row.createdAt,
      decidedAt: row.decidedAt,
      decisionNote: row.decisionNote,
      decidedBy: row.decidedBy?.name ?? null,
      retailer: {
        id: row.retailer.id,
        licenceNo: row.retailer.licenceNo,
        shopName: row.retailer.shopName,
        accountManager: row.retailer.accountManager?.name ?? null,
      },
      requestedBy: row.requestedByStaff
        ? { kind: 'staff' as const, name: row.requestedByStaff.name }
        : row.requestedByLogin
          ? { kind: 'retailer' as const, name: row.requestedByLogin.displayName }
          : null,
      fields: CONTACT_FIELDS.filter((field) => changes[field] !== undefined).map((field) => ({
        field,
        previous: previous[field] ?? null,
        requested: changes[field] ?? null,
        current: current[field],
        // The shop's record changed after the request was filed: the manager should look before approving.
        changedSince: previous[field] !== undefined && (previous[field] ?? '') !== (current[field] ?? ''),
      })),
    };
  });
  return { items, total, page: input.page, pages: Math.max(1, Math.ceil(total / CHANGE_REQUEST_PAGE_SIZE)) };
}

async function pendingRequest(tx: DbTx, actor: StaffDeps['actor'], id: number) {
  const request = await tx.changeRequest.findFirst({ where: { id, retailer: retailerScope(actor) } });
  if (!request) throw notFound();
  if (request.state !== 'PENDING') throw new DomainError('INVALID_STATE', 'admin.changeRequests.error.decided');
  return request;
}

export async function approveChangeRequest({ db, actor, clock }: StaffDeps, input: z.output<typeof ZApproveChangeRequestInput>) {
  return db.$transaction(async (tx) => {
    const request = await pendingRequest(tx, actor, input.id);
    // Only requested values (strings) are applied; a null would blank a required detail.
    const changes = Object.fromEntries(
      Object.entries(contactChanges(request.changes)).filter(([, value]) => typeof value === 'string'),
    ) as Record<string, string>;
    if (Object.keys(changes).length === 0) throw new DomainError('INVALID_STATE', 'admin.changeRequests.error.empty');
    const now = clock();
    // Decided once: a second manager approving at the same moment finds it no longer pending.
    const decided = await tx.changeRequest.updateMany({
      where: { id: request.id, state: 'PENDING' },
      data: { state: 'APPROVED', decidedById: actor.userId, decidedAt: now, decisionNote: input.note || null },
    });
    if (decided.count !== 1) throw new DomainError('INVALID_STATE', 'admin.changeRequests.error.decided');
    const before = await tx.retailer.findUniqueOrThrow({
      where: { id: request.retailerId },
      select: { phone: true, address: true, contactName: true },
    });
    await tx.retailer.update({ where: { id: request.retailerId }, data: changes });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'changeRequest.approve',
      entityType: 'Retailer',
      entityId: request.retailerId,
      before: Object.fromEntries(Object.keys(changes).map((field) => [field, before[field as keyof typeof before]])),
      after: { ...changes, changeRequestId: request.id },
    });
    await notifyRetailer(tx, request.retailerId, {
      kind: 'CHANGE_REQUEST_DECIDED',
      messageKey: 'admin.changeRequests.notify.approved',
      params: { fields: fieldNames(changes) },
      link: '/profile',
    });
    return { id: request.id, state: 'APPROVED' as const };
  });
}

export async function rejectChangeRequest({ db, actor, clock }: StaffDeps, input: z.output<typeof ZRejectChangeRequestInput>) {
  return db.$transaction(async (tx) => {
    const request = await pendingRequest(tx, actor, input.id);
    const decided = await tx.changeRequest.updateMany({
      where: { id: request.id, state: 'PENDING' },
      data: { state: 'REJECTED', decidedById: actor.userId, decidedAt: clock(), decisionNote: input.note },
    });
    if (decided.count !== 1) throw new DomainError('INVALID_STATE', 'admin.changeRequests.error.decided');
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'changeRequest.reject',
      entityType: 'ChangeRequest',
      entityId: request.id,
      before: { state: 'PENDING' },
      after: { state: 'REJECTED', note: input.note },
    });
    await notifyRetailer(tx, request.retailerId, {
      kind: 'CHANGE_REQUEST_DECIDED',
      messageKey: 'admin.changeRequests.notify.rejected',
      params: { fields: fieldNames(contactChanges(request.changes)), note: input.note },
      link: '/profile',
    });
    return { id: request.id, state: 'REJECTED' as const };
  });
}

/** The changed fields' names, as a list the reader's language renders. */
function fieldNames(changes: TContactChanges | Record<string, string>): StoredParam {
  return {
    list: (Object.keys(changes) as (keyof TContactChanges)[])
      .filter((field) => CONTACT_FIELDS.includes(field))
      .map((field) => ({ key: `admin.changeRequests.field.${field}` as const })),
  };
}
