import { z } from 'zod';

export const ZMyPromotionsInput = z.object({
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(5).max(50).default(20),
});
export type TMyPromotionsInput = z.input<typeof ZMyPromotionsInput>;

export const ZOpenPromotionInput = z.object({ id: z.number().int().positive() });
