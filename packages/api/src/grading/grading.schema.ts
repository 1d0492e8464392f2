import { z } from 'zod/mini';

// Shared by the appeal form (zodResolver) and the procedure. zod/mini keeps the form's JavaScript small.
export const APPEAL_REASON_MIN = 10;
export const APPEAL_REASON_MAX = 500;

export const ZLodgeAppealInput = z.object({
  reason: z.string().check(z.trim(), z.minLength(APPEAL_REASON_MIN, 'grading.appeal.reasonTooShort'), z.maxLength(APPEAL_REASON_MAX, 'grading.appeal.reasonTooLong')),
});
export type TLodgeAppealInput = z.output<typeof ZLodgeAppealInput>;
