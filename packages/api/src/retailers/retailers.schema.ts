import { z } from 'zod';

// Shared by the back office's search form and the procedure's input: one schema, never a copy.
export const PAGE_SIZES = [20, 50, 100] as const;

export const ZListRetailersInput = z.object({
  q: z.string().trim().max(50).optional(),
  districtId: z.number().int().positive().optional(),
  grade: z.number().int().min(1).max(30).optional(),
  accountManagerId: z.number().int().positive().optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.union([z.literal(20), z.literal(50), z.literal(100)]).default(20),
});
export type TListRetailersInput = z.input<typeof ZListRetailersInput>;
