import { z } from 'zod';
import { IntegrityLevel } from '@tobacco/db/enums';

export const ZMyPromotionsInput = z.object({
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(5).max(50).default(20),
});
export type TMyPromotionsInput = z.input<typeof ZMyPromotionsInput>;

export const ZOpenPromotionInput = z.object({ id: z.number().int().positive() });

// ---------------------------------------------------------------- portal outputs
// A promotion as a retailer reads it: never its targeting (the other criteria, the named list, who else gets it).

export const ZMyPromotionsOutput = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      excerpt: z.string(),
      startsAt: z.date(),
      endsAt: z.date(),
      productCount: z.number().int(),
      openedAt: z.date().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
});

/** Why I see a promotion: the criteria I meet (promotions.rules.ts `TargetReason`). */
const ZTargetReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NAMED_LIST') }),
  z.object({ kind: z.literal('EVERYONE') }),
  z.object({ kind: z.literal('GRADE'), min: z.number().int().nullable(), max: z.number().int().nullable(), grade: z.number().int() }),
  z.object({ kind: z.literal('CLASSIFICATION'), codes: z.array(z.string()).readonly(), code: z.string() }),
  z.object({ kind: z.literal('DISTRICT'), districtId: z.number().int() }),
  z.object({ kind: z.literal('INTEGRITY'), levels: z.array(z.enum(IntegrityLevel)).readonly(), level: z.enum(IntegrityLevel) }),
]);

export const ZOpenPromotionOutput = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  terms: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  products: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      brand: z.string(),
      name: z.string(),
      wholesalePriceFen: z.number().int(),
      retailPriceFen: z.number().int(),
      scarce: z.boolean(),
    }),
  ),
  reasons: z.array(ZTargetReason),
  district: z.object({ name: z.string(), nameEn: z.string() }),
});
