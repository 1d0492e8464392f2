'use server';

import { revalidatePath } from 'next/cache';
import type { TAnswerAlertInput } from '@tobacco/api/alerts/alerts.schema';
import type { ActionResult } from '@/lib/action-result';
import { runAction } from '@/lib/run-action';

export async function answerAlertAction(input: TAnswerAlertInput): Promise<ActionResult> {
  const result = await runAction((api) => api.alerts.answer(input));
  if (!result.ok) return result;
  revalidatePath(`/alerts/${input.id}`);
  return { ok: true, data: undefined };
}
