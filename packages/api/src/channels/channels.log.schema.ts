import { z } from 'zod';

export const DELIVERY_STATUSES = ['QUEUED', 'SENT', 'FAILED', 'SKIPPED_CAP', 'SKIPPED_OFF'] as const;
export const DELIVERY_CHANNELS = ['SMS', 'WECHAT'] as const;

/** The back office's delivery log: newest first, filtered by status and channel. */
export const ZListDeliveriesInput = z
  .object({
    status: z.enum(DELIVERY_STATUSES).optional(),
    channel: z.enum(DELIVERY_CHANNELS).optional(),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(10).max(100).default(50),
  })
  .strict();
export type TListDeliveriesInput = z.output<typeof ZListDeliveriesInput>;
