import { z } from 'zod';

const id = z.number().int().positive().max(2147483647);

export const DEMAND_PAGE_SIZE = 20;

/** The demand screen: one district or the whole company, one product or all of them (paged). */
export const ZDemandInput = z.object({
  districtId: id.optional(),
  productId: id.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type TDemandInput = z.input<typeof ZDemandInput>;

export const ZDemandExportInput = ZDemandInput.omit({ page: true });
