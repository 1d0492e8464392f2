import { z } from 'zod';
import { BusinessForm, IntegrityLevel, Market } from '@tobacco/db/enums';

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

// ---------------------------------------------------------------- portal outputs

/** What the shop card shows (portal components/shop-card.tsx): who the shop is and who looks after it. */
export const ZShopCardFields = z.object({
  shopName: z.string(),
  licenceNo: z.string(),
  ownerName: z.string(),
  classificationCode: z.string(),
  market: z.enum(Market),
  businessForm: z.enum(BusinessForm),
  grade: z.number().int().nullable(),
  integrityLevel: z.enum(IntegrityLevel),
  orderWeekday: z.number().int(),
  district: z.object({ name: z.string(), nameEn: z.string() }),
  /** The account manager's work contact, which the shop is meant to call. */
  accountManager: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
});

export const ZShopCardOutput = ZShopCardFields.extend({ id: z.number().int() });
