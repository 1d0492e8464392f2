import type { Db, DbTx, Prisma } from '@tobacco/db/client';
import type { DeliveryChannel, NotificationKind } from '@tobacco/db/enums';
import { messages } from '@tobacco/i18n/messages';
import { renderNotice, type NoticeKey, type StoredParams } from '@tobacco/i18n/stored';
import { createTranslator } from '@tobacco/i18n/translator';
import { getSetting } from '../admin/settings.service';
import { channelsEnv } from '../env';
import { enqueueJobs } from '../jobs/jobs.service';
import { chinaDate } from '../schedule/calendar.rules';
import { aliyunSmsAdapter } from './aliyun-sms.adapter';
import { PermanentSendError, type ChannelAdapter } from './channels.adapter';
import { channelsFor, MAX_DELIVERY_ATTEMPTS, withinDailyCap } from './channels.rules';
import { devLogAdapter } from './dev-log.adapter';
import { wechatAdapter } from './wechat.adapter';

// The one way a notice reaches a shop: the inbox always, and SMS or WeChat where the shop asked for them
// (ChannelPreference). Each extra message is a NotificationDelivery row, queued in the transaction that
// wrote the notice, and sent by a job (DELIVERY_QUEUE) that records the outcome and retries with back-off.

export const DELIVERY_QUEUE = 'channels.deliver';

export type Adapters = Record<DeliveryChannel, ChannelAdapter>;

let adapters: Adapters | undefined;

/** The configured adapter of each channel, or the development adapter where one is not configured. */
export function configuredAdapters(): Adapters {
  if (adapters) return adapters;
  const env = channelsEnv();
  const dev = (channel: DeliveryChannel) => devLogAdapter(channel, { outboxFile: env.devOutboxFile, production: env.production });
  adapters = {
    SMS: env.sms ? aliyunSmsAdapter(env.sms) : dev('SMS'),
    // One adapter per process: it caches WeChat's access token.
    WECHAT: env.wechat ? wechatAdapter(env.wechat) : dev('WECHAT'),
  };
  return adapters;
}

export type ChannelMessage = {
  retailerId: number;
  kind: NotificationKind;
  channel: DeliveryChannel;
  messageKey: NoticeKey;
  params?: StoredParams;
  notificationId?: number;
  /** A reset code: never capped, its parameters wiped once the message is out. */
  secret?: boolean;
};

const dayOf = (now: Date) => new Date(`${chinaDate(now)}T00:00:00Z`);

/** Queues messages inside the caller's transaction: the rows and their jobs commit, or roll back, with it. */
export async function queueChannelMessages(db: DbTx, items: ChannelMessage[], now: Date): Promise<number[]> {
  if (items.length === 0) return [];
  const day = dayOf(now);
  const rows = await db.notificationDelivery.createManyAndReturn({
    data: items.map((item) => ({
      retailerId: item.retailerId,
      kind: item.kind,
      channel: item.channel,
      messageKey: item.messageKey,
      params: (item.params ?? {}) as Prisma.InputJsonValue,
      notificationId: item.notificationId,
      secret: item.secret ?? false,
      day,
    })),
    select: { id: true },
  });
  await enqueueDeliveryJobs(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => row.id);
}

export async function enqueueDeliveryJobs(db: DbTx, ids: number[]): Promise<void> {
  await enqueueJobs(
    db,
    DELIVERY_QUEUE,
    ids.map((deliveryId) => ({ payload: { deliveryId }, uniqueKey: `delivery:${deliveryId}` })),
  );
}

/**
 * Queues the shop's chosen extra channels for a notice already in its inbox. A shop with no preference row
 * for the kind gets the inbox only, at the cost of one indexed read.
 */
export async function queueForPreferences(
  db: DbTx,
  notice: { retailerId: number; kind: NotificationKind; messageKey: NoticeKey; params?: StoredParams; notificationId: number },
  now: Date,
): Promise<void> {
  const [preference, shop] = await Promise.all([
    db.channelPreference.findUnique({ where: { retailerId_kind: { retailerId: notice.retailerId, kind: notice.kind } } }),
    db.retailer.findUnique({ where: { id: notice.retailerId }, select: { phone: true, wechatOpenId: true } }),
  ]);
  const channels = channelsFor(preference, { phone: shop?.phone ?? null, wechatOpenId: shop?.wechatOpenId ?? null });
  await queueChannelMessages(
    db,
    channels.map((channel) => ({ ...notice, channel })),
    now,
  );
}

// ---------------------------------------------------------------- the delivery job

const zh = createTranslator(messages['zh-CN'], 'zh-CN');

/** The template's parameters as text: the stored ones rendered in zh-CN, plus the notice's title and body. */
function templateParams(messageKey: string, stored: Prisma.JsonValue): { params: Record<string, string>; text: string } {
  const raw = (stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {}) as Record<string, unknown>;
  const { title, body } = renderNotice(zh, 'zh-CN', { messageKey, params: raw });
  const params: Record<string, string> = { title, body };
  // Plain parameters (a code, a name, a number) go to the template as they are; structured ones are in the title and body.
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = String(value);
  }
  return { params, text: `【${title}】${body}` };
}

const WIPED = {} as Prisma.InputJsonValue;

/**
 * Sends one queued message. The daily cap is checked here, under a per-shop lock, so that however the
 * messages were queued (one notice or a fan-out) no shop gets more than the cap in a day. A failure is
 * recorded and rethrown so the queue retries it; after the last attempt, or a refusal no retry can fix,
 * the row is FAILED.
 */
export async function deliverMessage(
  db: Db,
  input: { deliveryId: number },
  now: Date,
  using: Adapters = configuredAdapters(),
): Promise<void> {
  const row = await db.notificationDelivery.findUnique({
    where: { id: input.deliveryId },
    include: { retailer: { select: { phone: true, wechatOpenId: true } } },
  });
  if (!row || row.status !== 'QUEUED') return;
  const adapter = using[row.channel];
  const to = row.channel === 'SMS' ? row.retailer.phone : row.retailer.wechatOpenId;
  const wipe = row.secret ? { params: WIPED } : {};
  const { params, text } = templateParams(row.messageKey, row.params);
  if (!adapter.live || !to) {
    if (to) await adapter.send({ to, messageKey: row.messageKey, params, text });
    await db.notificationDelivery.update({ where: { id: row.id }, data: { status: 'SKIPPED_OFF', ...wipe } });
    return;
  }
  const admitted = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('channels.dailyCap'), ${row.retailerId})`;
    const current = await tx.notificationDelivery.findUnique({ where: { id: row.id }, select: { status: true, attempts: true } });
    if (current?.status !== 'QUEUED') return false;
    // A retry was admitted on its first attempt already.
    if (current.attempts === 0 && !row.secret) {
      const counted = await tx.notificationDelivery.count({
        where: {
          retailerId: row.retailerId,
          day: row.day,
          secret: false,
          id: { not: row.id },
          OR: [{ status: { in: ['SENT', 'FAILED'] } }, { status: 'QUEUED', attempts: { gt: 0 } }],
        },
      });
      if (!withinDailyCap(counted, await getSetting(tx, 'notifications.dailyCap'), row.secret)) {
        await tx.notificationDelivery.update({ where: { id: row.id }, data: { status: 'SKIPPED_CAP' } });
        return false;
      }
    }
    await tx.notificationDelivery.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
    return true;
  });
  if (!admitted) return;
  const attempts = (await db.notificationDelivery.findUniqueOrThrow({ where: { id: row.id }, select: { attempts: true } })).attempts;
  try {
    const sent = await adapter.send({ to, messageKey: row.messageKey, params, text });
    await db.notificationDelivery.update({
      where: { id: row.id },
      data: { status: 'SENT', providerId: sent.providerId, sentAt: now, lastError: null, ...wipe },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
    const final = error instanceof PermanentSendError || attempts >= MAX_DELIVERY_ATTEMPTS;
    await db.notificationDelivery.update({
      where: { id: row.id },
      data: final ? { status: 'FAILED', lastError: message, ...wipe } : { lastError: message },
    });
    if (!final) throw error;
  }
}

/**
 * The extra channels of a fan-out written in one INSERT … SELECT (a promotion going live, survey invitations,
 * order-window reminders, published grades): one more statement queues a delivery for each of its notices
 * whose shop chose SMS or WeChat for the kind, then their jobs. Call it in the fan-out's transaction with the
 * fan-out's kind, message key, link and createdAt, which together name its notices; a notice that already
 * has a delivery is skipped, so a second call queues nothing twice.
 */
export async function queueFanOutDeliveries(
  tx: DbTx,
  notice: { kind: NotificationKind; messageKey: string; link: string | null; createdAt: Date },
): Promise<number> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "NotificationDelivery" ("retailerId", "notificationId", kind, channel, "messageKey", params, day)
    SELECT n."retailerId", n.id, n.kind, ch.channel, n."messageKey", n.params, ${dayOf(notice.createdAt)}::date
    FROM "ChannelPreference" p
    JOIN "Notification" n ON n."retailerId" = p."retailerId" AND n."createdAt" = ${notice.createdAt}
    JOIN "Retailer" r ON r.id = p."retailerId"
    CROSS JOIN LATERAL (VALUES ('SMS'::"DeliveryChannel", p.sms AND r.phone <> ''),
                               ('WECHAT'::"DeliveryChannel", p.wechat AND r."wechatOpenId" IS NOT NULL)) AS ch(channel, wanted)
    WHERE p.kind = ${notice.kind}::"NotificationKind" AND (p.sms OR p.wechat) AND ch.wanted
      AND n.kind = ${notice.kind}::"NotificationKind" AND n."messageKey" = ${notice.messageKey}
      AND n.link IS NOT DISTINCT FROM ${notice.link}
      AND NOT EXISTS (SELECT 1 FROM "NotificationDelivery" d WHERE d."notificationId" = n.id)
    RETURNING id`;
  await enqueueDeliveryJobs(
    tx,
    rows.map((row) => row.id),
  );
  return rows.length;
}
