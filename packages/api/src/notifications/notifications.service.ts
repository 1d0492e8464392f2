import type { DbTx } from '@tobacco/db/client';
import type { NotificationKind } from '@tobacco/db/enums';
import type { RetailerDeps } from '../deps';
import { notFound } from '../errors';
import type { TInboxInput } from './notifications.schema';

// Inbox entries. Written in the same transaction as the change they report where that is one row;
// fan-out to many retailers runs in a job with one INSERT … SELECT, never a loop of inserts.

export type NotificationInput = { kind: NotificationKind; title: string; body: string; link?: string };

export async function notifyRetailer(db: DbTx, retailerId: number, input: NotificationInput): Promise<void> {
  await db.notification.create({ data: { retailerId, ...input } });
}

export async function notifyStaff(db: DbTx, staffUserId: number, input: NotificationInput): Promise<void> {
  await db.notification.create({ data: { staffUserId, ...input } });
}

// ---------------------------------------------------------------- the retailer's inbox

/** Unread count for the navigation badge: served by the partial index on unread rows. */
export async function countMyUnread({ db, actor }: RetailerDeps): Promise<number> {
  return db.notification.count({ where: { retailerId: actor.retailerId, readAt: null } });
}

export async function listMyNotifications({ db, actor }: RetailerDeps, input: TInboxInput) {
  const where = { retailerId: actor.retailerId, ...(input.unreadOnly ? { readAt: null } : {}) };
  const [total, unread, items] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { retailerId: actor.retailerId, readAt: null } }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
  ]);
  return { items, total, unread, page: input.page, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}

/** Marks one of my notifications read; another shop's id, or an unknown one, is NOT_FOUND. */
export async function markNotificationRead({ db, actor, clock }: RetailerDeps, input: { id: number }) {
  const found = await db.notification.findFirst({ where: { id: input.id, retailerId: actor.retailerId }, select: { id: true, readAt: true } });
  if (!found) throw notFound();
  if (!found.readAt) await db.notification.updateMany({ where: { id: found.id, readAt: null }, data: { readAt: clock() } });
  return { id: found.id };
}

export async function markAllNotificationsRead({ db, actor, clock }: RetailerDeps) {
  const { count } = await db.notification.updateMany({ where: { retailerId: actor.retailerId, readAt: null }, data: { readAt: clock() } });
  return { marked: count };
}
