import { z } from 'zod/mini';

// The forgotten-password forms (licence + last 4 digits of the phone; then code + new password) and their
// procedures share these. zod/mini keeps the login pages' JavaScript small.

const licenceNo = z.string().check(z.trim(), z.regex(/^\d{12}$/, 'auth.validation.licenceNo'));

export const ZRequestPasswordResetInput = z.object({
  licenceNo,
  phoneLast4: z.string().check(z.trim(), z.regex(/^\d{4}$/, 'auth.reset.validation.phoneLast4')),
});
export type TRequestPasswordResetInput = z.input<typeof ZRequestPasswordResetInput>;

export const ZConfirmPasswordResetInput = z
  .object({
    licenceNo,
    code: z.string().check(z.trim(), z.regex(/^\d{6}$/, 'auth.reset.validation.code')),
    newPassword: z
      .string()
      .check(
        z.minLength(8, 'retailers.password.weak'),
        z.maxLength(128, 'retailers.password.weak'),
        z.regex(/[A-Za-z]/, 'retailers.password.weak'),
        z.regex(/\d/, 'retailers.password.weak'),
      ),
    confirmPassword: z.string(),
  })
  .check(z.refine((v) => v.newPassword === v.confirmPassword, { message: 'retailers.password.mismatch', path: ['confirmPassword'] }));
export type TConfirmPasswordResetInput = z.input<typeof ZConfirmPasswordResetInput>;

/** The same answer whether or not the licence exists: that a code was sent if it does, and for how long it holds. */
export const ZPasswordResetRequestedOutput = z.object({ ok: z.literal(true), minutes: z.number() });
export const ZPasswordResetDoneOutput = z.object({ ok: z.literal(true) });
