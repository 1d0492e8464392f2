'use server';

import { revalidatePath } from 'next/cache';
import type { TRatingFields, TReopenInput } from '@tobacco/api/complaints/complaints.schema';
import type { ActionResult } from '@/lib/action-result';
import { runAction } from '@/lib/run-action';

export async function confirmAction(input: TRatingFields): Promise<ActionResult<{ reopened: boolean }>> {
  const result = await runAction((api) => api.complaints.confirm(input));
  if (result.ok) revalidatePath(`/complaints/${input.id}`);
  return result.ok ? { ok: true, data: { reopened: result.data.reopened } } : result;
}

export async function rateAction(input: TRatingFields): Promise<ActionResult<{ reopened: boolean }>> {
  const result = await runAction((api) => api.complaints.rate(input));
  if (result.ok) revalidatePath(`/complaints/${input.id}`);
  return result.ok ? { ok: true, data: { reopened: result.data.reopened } } : result;
}

export async function reopenAction(input: TReopenInput): Promise<ActionResult> {
  const result = await runAction((api) => api.complaints.reopen(input));
  if (result.ok) revalidatePath(`/complaints/${input.id}`);
  return result.ok ? { ok: true, data: undefined } : result;
}
