import { anonymousProcedure, router } from '../trpc/init';
import {
  ZConfirmPasswordResetInput,
  ZPasswordResetDoneOutput,
  ZPasswordResetRequestedOutput,
  ZRequestPasswordResetInput,
} from './password-reset.schema';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service';

// The portal's forgotten-password path: the only procedures a person who is not signed in may call.
export const passwordResetPortalRouter = router({
  request: anonymousProcedure
    .input(ZRequestPasswordResetInput)
    .output(ZPasswordResetRequestedOutput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input)),
  confirm: anonymousProcedure
    .input(ZConfirmPasswordResetInput)
    .output(ZPasswordResetDoneOutput)
    .mutation(({ ctx, input }) => confirmPasswordReset(ctx, input)),
});
