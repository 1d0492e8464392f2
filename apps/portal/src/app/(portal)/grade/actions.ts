'use server';

import { revalidatePath } from 'next/cache';
import type { TLodgeAppealInput } from '@tobacco/api/grading/grading.schema';
import type { ActionResult } from '@/lib/action-result';
import { runAction } from '@/lib/run-action';

export async function lodgeAppealAction(input: TLodgeAppealInput): Promise<ActionResult<{ id: number }>> {
  const result = await runAction((api) => api.grading.appeal(input));
  if (result.ok) revalidatePath('/grade');
  return result.ok ? { ok: true, data: { id: result.data.id } } : result;
}
