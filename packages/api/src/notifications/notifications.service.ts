import type { DbTx } from '@tobacco/db/client';
import type { NotificationKind } from '@tobacco/db/enums';
import type { NoticeKey, StoredParams } from '@tobacco/i18n/stored';
import type { RetailerDeps } from '../deps';
import { queueForPreferences } from '../channels/channels.service';
import { notFound } from '../errors';
import type { TInboxInput } from './notifications.schema';

// Inbox entries. Written in the same transaction as the change they report where that is one row;
// fan-out to many retailers runs in a job with one INSERT … SELECT, never a loop of inserts.

// A notice is stored as a message key and parameters (see `renderNotice` in the i18n package), so each
// reader sees it in their own language. Text a person wrote goes in `params.detail`.
export type NotificationInput = { kind: NotificationKind; messageKey: NoticeKey; params?: StoredParams; link?: string };

/** The inbox entry, and the SMS or WeChat messages the shop chose for this kind of notice (channels domain). */
export async function notifyRetailer(db: DbTx, retailerId: number, input: NotificationInput, now: Date = new Date()): Promise<void> {
  const notice = await db.notification.create({
    data: { retailerId, kind: input.kind, messageKey: input.messageKey, params: input.params ?? {}, link: input.link },
    select: { id: true },
  });
  await queueForPreferences(
    db,
    { retailerId, kind: input.kind, messageKey: input.messageKey, params: input.params, notificationId: notice.id },
    now,
  );
}

export async function notifyStaff(db: DbTx, staffUserId: number, input: NotificationInput): Promise<void> {
  await db.notification.create({
    data: { staffUserId, kind: input.kind, messageKey: input.messageKey, params: input.params ?? {}, link: input.link },
  });
}

// ---------------------------------------------------------------- the retailer's inbox

/** Unread count for the navigation badge: served by the partial index on unread rows. */
export async function countMyUnread({ db, actor }: RetailerDeps): Promise<number> {
  return db.notification.count({ where: { retailerId: actor.retailerId, readAt: null } });
}

export async function listMyNotifications({ db, actor }: RetailerDeps, input: TInboxInput) {
  const where = { retailerId: actor.retailerId, ...(input.unreadOnly ? { readAt: null } : {}) };
  const [total, unread, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { retailerId: actor.retailerId, readAt: null } }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, kind: true, messageKey: true, params: true, link: true, readAt: true, createdAt: true },
    }),
  ]);
  const withdrawn = await withdrawnPromotions(
    db,
    rows.map((n) => n.link),
  );
  const items = rows.map((n) => ({ ...n, withdrawn: withdrawn.has(n.link ?? '') }));
  return { items, total, unread, page: input.page, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}

/**
 * The links of this page's notices that lead to a promotion withdrawn since: the inbox says so instead of
 * offering a link to a page that no longer exists. One query for the page, whatever its notices.
 */
async function withdrawnPromotions(db: DbTx, links: (string | null)[]): Promise<Set<string>> {
  const ids = links
    .map((link) => /^\/promotions\/(\d+)$/.exec(link ?? '')?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number)
    .filter((id) => id <= 2_147_483_647);
  if (ids.length === 0) return new Set();
  const gone = await db.promotion.findMany({ where: { id: { in: ids }, state: 'WITHDRAWN' }, select: { id: true } });
  return new Set(gone.map((p) => `/promotions/${p.id}`));
}

/** Marks one of my notifications read; another shop's id, or an unknown one, is NOT_FOUND. */
export async function markNotificationRead({ db, actor, clock }: RetailerDeps, input: { id: number }) {
  const found = await db.notification.findFirst({
    where: { id: input.id, retailerId: actor.retailerId },
    select: { id: true, readAt: true },
  });
  if (!found) throw notFound();
  if (!found.readAt) await db.notification.updateMany({ where: { id: found.id, readAt: null }, data: { readAt: clock() } });
  return { id: found.id };
}

export async function markAllNotificationsRead({ db, actor, clock }: RetailerDeps) {
  const { count } = await db.notification.updateMany({ where: { retailerId: actor.retailerId, readAt: null }, data: { readAt: clock() } });
  return { marked: count };
}
