'use server';

import type { TConfirmPasswordResetInput, TRequestPasswordResetInput } from '@tobacco/api/sessions/password-reset.schema';
import type { ActionResult } from '@/lib/action-result';
import { runAction } from '@/lib/run-action';

export async function requestPasswordResetAction(input: TRequestPasswordResetInput): Promise<ActionResult<{ minutes: number }>> {
  const result = await runAction((api) => api.passwordReset.request(input));
  return result.ok ? { ok: true, data: { minutes: result.data.minutes } } : result;
}

export async function confirmPasswordResetAction(input: TConfirmPasswordResetInput): Promise<ActionResult> {
  const result = await runAction((api) => api.passwordReset.confirm(input));
  return result.ok ? { ok: true, data: undefined } : result;
}
