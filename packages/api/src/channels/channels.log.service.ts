import type { Prisma } from '@tobacco/db/client';
import type { StaffDeps } from '../deps';
import type { TListDeliveriesInput } from './channels.log.schema';

/**
 * One page of the delivery log, newest first (served by the status/createdAt and createdAt indexes). The
 * message's parameters are never listed: a queued reset code is among them until it is sent.
 */
export async function listDeliveries({ db }: StaffDeps, input: TListDeliveriesInput) {
  const where: Prisma.NotificationDeliveryWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.channel ? { channel: input.channel } : {}),
  };
  const [total, rows] = await Promise.all([
    db.notificationDelivery.count({ where }),
    db.notificationDelivery.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        kind: true,
        channel: true,
        messageKey: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
        retailer: { select: { licenceNo: true, shopName: true } },
      },
    }),
  ]);
  return { items: rows, total, page: input.page, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}
