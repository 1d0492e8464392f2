import { z } from 'zod';

export const ZOrderHistoryInput = z
  .object({
    page: z.number().int().min(1).max(10_000).default(1),
    /** Cycles per page. */
    pageSize: z.number().int().min(1).max(20).default(5),
  })
  .default({ page: 1, pageSize: 5 });
export type TOrderHistoryInput = z.output<typeof ZOrderHistoryInput>;
