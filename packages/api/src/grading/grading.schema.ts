import { z } from 'zod/mini';

// Shared by the appeal form (zodResolver) and the procedure. zod/mini keeps the form's JavaScript small.
export const APPEAL_REASON_MIN = 10;
export const APPEAL_REASON_MAX = 500;

export const ZLodgeAppealInput = z.object({
  reason: z.string().check(z.trim(), z.minLength(APPEAL_REASON_MIN, 'grading.appeal.reasonTooShort'), z.maxLength(APPEAL_REASON_MAX, 'grading.appeal.reasonTooLong')),
});
export type TLodgeAppealInput = z.output<typeof ZLodgeAppealInput>;

// ---------------------------------------------------------------- back office: runs

const id = z.number().check(z.int(), z.positive(), z.maximum(2147483647));
export const CORRECTION_REASON_MAX = 500;

export const ZStartRunInput = z.object({
  periodCode: z.string().check(z.trim(), z.regex(/^\d{4}([QHP]\d|M\d{2})?$/, 'grading.errors.periodNotEnded')),
  /** Required when the period has been published: the run is then a correction. */
  reason: z.optional(z.string().check(z.trim(), z.maxLength(CORRECTION_REASON_MAX, 'grading.errors.reasonTooLong'))),
});
export type TStartRunInput = z.output<typeof ZStartRunInput>;

export const ZDecideRunInput = z.object({ runId: id });
export type TDecideRunInput = z.output<typeof ZDecideRunInput>;
