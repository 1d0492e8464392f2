import { z } from 'zod';

// Retailer records and their logins, as the administrator keeps them. Messages are i18n keys.

export const RETAILER_STATUSES = ['ACTIVE', 'SUSPENDED', 'CANCELLED'] as const;
export const MARKETS = ['C', 'X'] as const;
export const BUSINESS_FORMS = ['Z', 'B', 'S', 'N', 'Y', 'F', 'Q'] as const;
export const INTEGRITY_LEVELS = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;
export const ACCOUNT_PAGE_SIZE = 20;

/** The filter shared by the list, the export and the bulk assignment: the same filter always means the same shops. */
export const ZRetailerFilter = z.object({
  q: z.string().trim().max(50).optional(),
  districtId: z.number().int().positive().optional(),
  status: z.enum(RETAILER_STATUSES).optional(),
  accountManagerId: z.number().int().positive().optional(),
  unassigned: z.boolean().optional(),
  grade: z.number().int().min(1).max(30).optional(),
});
export type TRetailerFilter = z.infer<typeof ZRetailerFilter>;

export const ZListRetailerAccountsInput = ZRetailerFilter.extend({ page: z.number().int().min(1).max(100_000).default(1) });
export type TListRetailerAccountsInput = z.input<typeof ZListRetailerAccountsInput>;

export const LICENCE_RE = /^\d{12}$/;
export const PHONE_RE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

const retailerFields = {
  shopName: z.string().trim().min(1, 'admin.validation.required').max(60, 'admin.validation.tooLong'),
  ownerName: z.string().trim().min(1, 'admin.validation.required').max(30, 'admin.validation.tooLong'),
  contactName: z.string().trim().max(30, 'admin.validation.tooLong').optional(),
  phone: z.string().trim().regex(PHONE_RE, 'admin.validation.phone'),
  address: z.string().trim().min(1, 'admin.validation.required').max(120, 'admin.validation.tooLong'),
  districtId: z.number({ message: 'admin.validation.required' }).int().positive('admin.validation.required'),
  market: z.enum(MARKETS),
  businessForm: z.enum(BUSINESS_FORMS),
  sizeClass: z.number().int().min(1).max(3),
  shopAreaM2: z.number().int().min(1, 'admin.validation.area').max(100_000, 'admin.validation.area').nullable(),
  orderWeekday: z.number().int().min(1).max(7),
  integrityLevel: z.enum(INTEGRITY_LEVELS),
};

export const ZCreateRetailerInput = z.object({
  licenceNo: z.string().trim().regex(LICENCE_RE, 'admin.validation.licenceNo'),
  ...retailerFields,
  accountManagerId: z.number().int().positive().nullable(),
});
export type TCreateRetailerInput = z.input<typeof ZCreateRetailerInput>;

// The account manager is changed only through assignment (one by one or in bulk), never by editing the record.
export const ZUpdateRetailerInput = z.object({ id: z.number().int().positive(), ...retailerFields });
export type TUpdateRetailerInput = z.input<typeof ZUpdateRetailerInput>;

export const ZRetailerIdInput = z.object({ id: z.number().int().positive() });

export const ZSetRetailerStatusInput = z.object({
  id: z.number().int().positive(),
  status: z.enum(RETAILER_STATUSES),
  reason: z.string().trim().min(1, 'admin.validation.required').max(200, 'admin.validation.tooLong'),
});

export const ZAddClerkInput = z.object({
  retailerId: z.number().int().positive(),
  displayName: z.string().trim().min(1, 'admin.validation.required').max(30, 'admin.validation.tooLong'),
});
export const ZLoginIdInput = z.object({ loginId: z.number().int().positive() });
export const ZSetLoginActiveInput = z.object({ loginId: z.number().int().positive(), active: z.boolean() });

export const ZAssignInput = z.object({ retailerId: z.number().int().positive(), accountManagerId: z.number().int().positive().nullable() });

/** A bulk assignment saves only if the filter still matches as many shops as the preview showed. */
export const ZBulkAssignInput = z.object({
  filter: ZRetailerFilter,
  accountManagerId: z.number().int().positive().nullable(),
  expectedCount: z.number().int().min(0),
});
export const ZBulkAssignPreviewInput = z.object({ filter: ZRetailerFilter, accountManagerId: z.number().int().positive().nullable() });

export const ZMoveManagerPreviewInput = z
  .object({ fromManagerId: z.number().int().positive(), toManagerId: z.number().int().positive() })
  .refine((v) => v.fromManagerId !== v.toManagerId, { message: 'admin.assign.error.sameManager', path: ['toManagerId'] });
export const ZMoveManagerInput = z
  .object({ fromManagerId: z.number().int().positive(), toManagerId: z.number().int().positive(), expectedCount: z.number().int().min(0) })
  .refine((v) => v.fromManagerId !== v.toManagerId, { message: 'admin.assign.error.sameManager', path: ['toManagerId'] });
