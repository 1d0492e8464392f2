import { z } from 'zod';

export const ZInboxInput = z
  .object({
    unreadOnly: z.boolean().default(false),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(5).max(50).default(20),
  })
  .default({ unreadOnly: false, page: 1, pageSize: 20 });
export type TInboxInput = z.output<typeof ZInboxInput>;

export const ZNotificationIdInput = z.object({ id: z.number().int().positive() });
