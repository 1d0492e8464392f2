import { z } from 'zod';

// Promotions in the back office (domain.md §6): the draft form and the procedures share these schemas.
// Messages are i18n keys. Times are China wall-clock 'YYYY-MM-DDTHH:mm' as a datetime-local input gives them.

export const PROMOTION_STATES = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'LIVE', 'ENDED', 'REJECTED', 'WITHDRAWN'] as const;
export const TARGET_INTEGRITY_LEVELS = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;
export const PROMOTION_PAGE_SIZE = 20;
/** The largest uploaded list of licence numbers. */
export const MAX_NAMED_LIST = 20_000;

const grade = z.number().int().min(1, 'promotions.staff.validation.grade').max(30, 'promotions.staff.validation.grade');
const wallClock = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'promotions.staff.validation.dateTime');

export const ZPromotionTarget = z
  .object({
    targetGradeMin: grade.nullable(),
    targetGradeMax: grade.nullable(),
    targetClassifications: z.array(z.string().regex(/^[CX][ZBSNYFQ][123]$/, 'promotions.staff.validation.classification')).max(42),
    targetDistrictIds: z.array(z.number().int().positive()).max(200),
    targetIntegrityLevels: z.array(z.enum(TARGET_INTEGRITY_LEVELS)).max(6),
    targetNamedList: z.boolean(),
  })
  .refine((t) => t.targetGradeMin === null || t.targetGradeMax === null || t.targetGradeMin <= t.targetGradeMax, {
    message: 'promotions.staff.validation.gradeOrder',
    path: ['targetGradeMax'],
  });
export type TPromotionTarget = z.output<typeof ZPromotionTarget>;

/** Licence numbers as typed or uploaded; the service reports the ones it does not know. */
const licences = z
  .array(
    z
      .string()
      .trim()
      .regex(/^\d{12}$/, 'promotions.staff.validation.licence'),
  )
  .max(MAX_NAMED_LIST, 'promotions.staff.validation.listTooLong');

export const ZPromotionDraft = z
  .object({
    title: z.string().trim().min(1, 'promotions.staff.validation.required').max(80, 'promotions.staff.validation.tooLong'),
    /** Rich text (HTML); sanitised on the server before it is stored. */
    body: z.string().max(20_000, 'promotions.staff.validation.tooLong'),
    terms: z.string().trim().min(1, 'promotions.staff.validation.required').max(2_000, 'promotions.staff.validation.tooLong'),
    productIds: z.array(z.number().int().positive()).max(100),
    startsAt: wallClock,
    endsAt: wallClock,
    target: ZPromotionTarget,
    /** The named list; undefined keeps the stored list. */
    namedListLicences: licences.optional(),
  })
  .refine((d) => d.endsAt > d.startsAt, { message: 'promotions.staff.validation.windowOrder', path: ['endsAt'] });
export type TPromotionDraft = z.input<typeof ZPromotionDraft>;

export const ZCreatePromotionInput = ZPromotionDraft;
export const ZUpdatePromotionInput = z.object({ id: z.number().int().positive(), draft: ZPromotionDraft });

export const ZListPromotionsInput = z.object({
  state: z.enum(PROMOTION_STATES).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type TListPromotionsInput = z.input<typeof ZListPromotionsInput>;

export const ZPromotionIdInput = z.object({ id: z.number().int().positive() });

export const ZDecidePromotionInput = z.object({
  id: z.number().int().positive(),
  comment: z.string().trim().max(500, 'promotions.staff.validation.tooLong').optional(),
});
export const ZRejectPromotionInput = z.object({
  id: z.number().int().positive(),
  comment: z.string().trim().min(1, 'promotions.staff.validation.commentRequired').max(500, 'promotions.staff.validation.tooLong'),
});
export const ZWithdrawPromotionInput = z.object({
  id: z.number().int().positive(),
  reason: z.string().trim().min(1, 'promotions.staff.validation.reasonRequired').max(500, 'promotions.staff.validation.tooLong'),
});

/** The reach of a target being edited: its own fields, and the list typed or uploaded, or the stored one of `promotionId`. */
export const ZReachInput = z.object({
  target: ZPromotionTarget,
  namedListLicences: licences.optional(),
  promotionId: z.number().int().positive().optional(),
});
export type TReachInput = z.input<typeof ZReachInput>;

export const ZProductSearchInput = z.object({
  q: z.string().trim().max(40).default(''),
  ids: z.array(z.number().int().positive()).max(100).optional(),
});
