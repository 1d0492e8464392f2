import { z } from 'zod';

export const ZMyAllocationInput = z.object({
  cycle: z.enum(['current', 'next']).default('current'),
  q: z.string().trim().max(40).optional(),
  brand: z.string().trim().max(40).optional(),
  productClass: z.number().int().min(1).max(5).optional(),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(10).max(100).default(50),
});
export type TMyAllocationInput = z.input<typeof ZMyAllocationInput>;

export const ZLimitHistoryInput = z.object({
  productId: z.number().int().positive(),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(5).max(50).default(12),
});
export type TLimitHistoryInput = z.input<typeof ZLimitHistoryInput>;
