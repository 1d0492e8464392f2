import { z } from 'zod';
import { isCalendarDate } from '../schedule/calendar.rules';

// Allocation policies in the back office (domain.md §4): the grid, the CSV import, the approval and the
// per-retailer adjustment share these schemas with their procedures. Messages are i18n keys.

export const POLICY_STATES = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'PUBLISHED', 'REJECTED', 'SUPERSEDED'] as const;
export const CYCLE_PAGE_SIZE = 12;
export const ADJUSTMENT_PAGE_SIZE = 20;
/** The largest policy the grid and the import accept. */
export const MAX_LIMIT_ROWS = 6_000;

const date = z.string().refine(isCalendarDate, 'allocation.staff.validation.cycle');
const id = z.number().int().positive();

export const ZListCyclesInput = z.object({ page: z.number().int().min(1).max(1000).default(1) });

/** A new version for a cycle (by id, or by its Monday for a week not yet opened), copied from `fromPolicyId` or the latest version before it. */
export const ZCreatePolicyInput = z
  .object({
    cycleId: id.optional(),
    weekStart: date.optional(),
    fromPolicyId: id.optional(),
  })
  .refine((v) => v.cycleId !== undefined || v.weekStart !== undefined, { message: 'allocation.staff.validation.cycle' });

export const ZLimitRow = z.object({
  productId: id,
  gradeFrom: z.number().int(),
  gradeTo: z.number().int(),
  limitQuantity: z.number().int(),
});
export type TLimitRow = z.output<typeof ZLimitRow>;

export const ZSaveLimitsInput = z.object({
  policyId: id,
  note: z.string().trim().max(200, 'allocation.staff.validation.tooLong').optional(),
  limits: z.array(ZLimitRow).max(MAX_LIMIT_ROWS),
});

export const ZPolicyIdInput = z.object({ policyId: id });

export const ZApprovePolicyInput = z.object({
  policyId: id,
  /** Publish at once instead of at the scheduled time (an urgent correction of a running cycle). */
  publishNow: z.boolean().default(false),
  comment: z.string().trim().max(500, 'allocation.staff.validation.tooLong').optional(),
});

export const ZRejectPolicyInput = z.object({
  policyId: id,
  comment: z.string().trim().min(1, 'allocation.staff.validation.commentRequired').max(500, 'allocation.staff.validation.tooLong'),
});

export const ZComparePoliciesInput = z.object({ a: id, b: id });

export const ZAdjustInput = z.object({
  licenceNo: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'allocation.staff.validation.licence'),
  cycleId: id,
  productId: id,
  delta: z
    .number({ message: 'allocation.staff.validation.delta' })
    .int('allocation.staff.validation.delta')
    .min(-10_000, 'allocation.staff.validation.delta')
    .max(10_000, 'allocation.staff.validation.delta')
    .refine((n) => n !== 0, 'allocation.staff.validation.delta'),
  reason: z.string().trim().min(2, 'allocation.staff.validation.reasonRequired').max(200, 'allocation.staff.validation.tooLong'),
});
export type TAdjustInput = z.input<typeof ZAdjustInput>;

export const ZListAdjustmentsInput = z.object({
  cycleId: id.optional(),
  licenceNo: z.string().trim().max(12).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});

export const ZAllocationProductsInput = z.object({ q: z.string().trim().max(40).default('') });
