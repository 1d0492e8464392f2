import type { Db } from '@tobacco/db/client';
import { writeAudit } from '../admin/audit.service';
import { queueFanOutDeliveries } from '../channels/channels.service';
import { PROMOTION_GO_LIVE_QUEUE, promotionNotice } from './promotions.staff.service';
import { promotionTargetsRetailerSql } from './promotions.target-sql';

// The promotion jobs: going live delivers an approved promotion to every targeted active retailer and
// puts it in their inbox, in two INSERT … SELECT statements (never a loop of inserts); a sweep every few
// minutes ends promotions whose window has closed and catches any go-live a lost job missed.

export { PROMOTION_GO_LIVE_QUEUE };
export const PROMOTION_SWEEP_QUEUE = 'promotions.sweep';

/** APPROVED → LIVE inside the window, with deliveries and notifications; a no-op in any other case. */
export async function goLivePromotion(db: Db, payload: { promotionId: number }, now: Date): Promise<{ delivered: number }> {
  return db.$transaction(async (tx) => {
    const moved = await tx.promotion.updateMany({
      where: { id: payload.promotionId, state: 'APPROVED', startsAt: { lte: now }, endsAt: { gt: now } },
      data: { state: 'LIVE' },
    });
    if (moved.count !== 1) return { delivered: 0 };
    const promotion = await tx.promotion.findUniqueOrThrow({ where: { id: payload.promotionId }, select: { id: true, title: true } });
    const notice = promotionNotice('new', promotion);
    // One statement: the deliveries, and an inbox entry for exactly the shops delivered now (a shop that
    // opened it early already has its delivery and is not told twice).
    const delivered = await tx.$executeRaw`
      WITH delivered AS (
        INSERT INTO "PromotionDelivery" ("promotionId", "retailerId", "deliveredAt")
        SELECT pr.id, r.id, ${now}
        FROM "Promotion" pr JOIN "Retailer" r ON r.status = 'ACTIVE' AND ${promotionTargetsRetailerSql('pr', 'r')}
        WHERE pr.id = ${promotion.id}
        ON CONFLICT ("promotionId", "retailerId") DO NOTHING
        RETURNING "retailerId")
      INSERT INTO "Notification" ("retailerId", kind, "messageKey", params, link, "createdAt")
      SELECT d."retailerId", 'PROMOTION'::"NotificationKind", ${notice.messageKey}, ${JSON.stringify(notice.params)}::jsonb, ${`/promotions/${promotion.id}`}, ${now}
      FROM delivered d`;
    await queueFanOutDeliveries(tx, {
      kind: 'PROMOTION',
      messageKey: notice.messageKey,
      link: `/promotions/${promotion.id}`,
      createdAt: now,
    });
    await writeAudit(tx, {
      actor: null,
      action: 'promotion.goLive',
      entityType: 'Promotion',
      entityId: promotion.id,
      before: { state: 'APPROVED' },
      after: { state: 'LIVE', delivered },
    });
    return { delivered };
  });
}

/**
 * Ends promotions past their window and sends live the approved ones whose window has begun. `ids`
 * narrows it to some promotions (tests share one database with other files' promotions).
 */
export async function sweepPromotions(db: Db, now: Date, ids?: number[]): Promise<void> {
  const only = ids ? { id: { in: ids } } : {};
  await db.promotion.updateMany({
    where: { ...only, state: { in: ['APPROVED', 'LIVE'] }, endsAt: { lte: now } },
    data: { state: 'ENDED' },
  });
  const due = await db.promotion.findMany({
    where: { ...only, state: 'APPROVED', startsAt: { lte: now }, endsAt: { gt: now } },
    select: { id: true },
    take: 50,
  });
  for (const promotion of due) await goLivePromotion(db, { promotionId: promotion.id }, now);
}
