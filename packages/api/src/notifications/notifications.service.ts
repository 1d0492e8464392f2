import type { DbTx } from '@tobacco/db/client';
import type { NotificationKind } from '@tobacco/db/enums';

// Inbox entries. Written in the same transaction as the change they report where that is one row;
// fan-out to many retailers runs in a job with one INSERT … SELECT, never a loop of inserts.

export type NotificationInput = { kind: NotificationKind; title: string; body: string; link?: string };

export async function notifyRetailer(db: DbTx, retailerId: number, input: NotificationInput): Promise<void> {
  await db.notification.create({ data: { retailerId, ...input } });
}

export async function notifyStaff(db: DbTx, staffUserId: number, input: NotificationInput): Promise<void> {
  await db.notification.create({ data: { staffUserId, ...input } });
}
