import { writeAudit } from '../admin/audit';
import type { RetailerDeps, StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { writeRetailerAudit } from './retailers.audit';
import type { TChangeRequestListInput, TRequestContactChangeInput } from './profile.schema';
import { retailerScope } from './retailers.scope';

// Contact-detail change requests filed in the portal (domain.md §10). A request waits as PENDING until a
// manager decides it in the back office (admin/), which applies the change; the shop record is not touched here.

type ContactFields = { phone?: string; address?: string; contactName?: string };
const FIELDS = ['phone', 'address', 'contactName'] as const;

/** The fields that differ from the shop's current ones, and the values they replace; none → VALIDATION. */
function contactChanges(shop: { phone: string; address: string; contactName: string | null }, input: TRequestContactChangeInput) {
  const changes: ContactFields = {};
  const previous: Record<string, string | null> = {};
  for (const field of FIELDS) {
    const value = input[field]?.trim();
    if (value && value !== (shop[field] ?? '')) {
      changes[field] = value;
      previous[field] = shop[field] ?? null;
    }
  }
  if (Object.keys(changes).length === 0) throw new DomainError('VALIDATION', 'retailers.changeRequest.nothingChanged');
  return { changes, previous };
}

export async function requestContactChange({ db, actor, clock }: RetailerDeps, input: TRequestContactChangeInput) {
  const shop = await db.retailer.findUnique({ where: { id: actor.retailerId }, select: { phone: true, address: true, contactName: true } });
  if (!shop) throw notFound();
  const { changes, previous } = contactChanges(shop, input);
  return db.$transaction(async (tx) => {
    const request = await tx.changeRequest.create({
      data: {
        retailerId: actor.retailerId,
        requestedByLoginId: actor.loginId,
        changes,
        previous,
        reason: input.reason?.trim() || null,
        createdAt: clock(),
      },
      select: { id: true, state: true, changes: true, createdAt: true },
    });
    await writeRetailerAudit(tx, actor, {
      action: 'retailers.changeRequest.file',
      entityType: 'ChangeRequest',
      entityId: request.id,
      before: previous,
      after: changes,
    });
    return { ...request, changes };
  });
}

/**
 * An account manager files a change for one of their shops (on a visit, say); the same manager approval
 * applies. Another manager's shop is NOT_FOUND.
 */
export async function fileContactChangeForRetailer(
  { db, actor, clock }: StaffDeps,
  input: { retailerId: number; change: TRequestContactChangeInput },
) {
  const shop = await db.retailer.findFirst({
    where: { AND: [{ id: input.retailerId }, retailerScope(actor)] },
    select: { id: true, phone: true, address: true, contactName: true },
  });
  if (!shop) throw notFound();
  const { changes, previous } = contactChanges(shop, input.change);
  return db.$transaction(async (tx) => {
    const request = await tx.changeRequest.create({
      data: {
        retailerId: shop.id,
        requestedByStaffId: actor.userId,
        changes,
        previous,
        reason: input.change.reason?.trim() || null,
        createdAt: clock(),
      },
      select: { id: true, state: true, changes: true, createdAt: true },
    });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'retailers.changeRequest.file',
      entityType: 'ChangeRequest',
      entityId: request.id,
      before: previous,
      after: changes,
    });
    return request;
  });
}

export async function listMyChangeRequests({ db, actor }: RetailerDeps, input: TChangeRequestListInput) {
  const where = { retailerId: actor.retailerId };
  const [total, items] = await Promise.all([
    db.changeRequest.count({ where }),
    db.changeRequest.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        changes: true,
        previous: true,
        reason: true,
        state: true,
        decisionNote: true,
        decidedAt: true,
        createdAt: true,
        requestedByStaffId: true,
      },
    }),
  ]);
  return {
    items: items.map(({ requestedByStaffId, ...item }) => ({
      ...item,
      changes: item.changes as ContactFields,
      previous: item.previous as ContactFields,
      byAccountManager: requestedByStaffId !== null,
    })),
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

/** Withdraws my pending request; a decided one cannot be withdrawn, another shop's is NOT_FOUND. */
export async function cancelMyChangeRequest({ db, actor }: RetailerDeps, input: { id: number }) {
  const found = await db.changeRequest.findFirst({
    where: { id: input.id, retailerId: actor.retailerId },
    select: { id: true, state: true },
  });
  if (!found) throw notFound();
  return db.$transaction(async (tx) => {
    const { count } = await tx.changeRequest.updateMany({ where: { id: found.id, state: 'PENDING' }, data: { state: 'CANCELLED' } });
    if (count === 0) throw new DomainError('INVALID_STATE', 'retailers.changeRequest.notPending');
    await writeRetailerAudit(tx, actor, {
      action: 'retailers.changeRequest.cancel',
      entityType: 'ChangeRequest',
      entityId: found.id,
      before: { state: 'PENDING' },
      after: { state: 'CANCELLED' },
    });
    return { id: found.id, state: 'CANCELLED' as const };
  });
}
