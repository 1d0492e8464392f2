'use server';

import { revalidatePath } from 'next/cache';
import type { TRedeemInput } from '@tobacco/api/rewards/rewards.schema';
import type { ActionResult } from '@/lib/action-result';
import { runAction } from '@/lib/run-action';

export async function redeemAction(input: TRedeemInput): Promise<ActionResult<{ id: number; points: number; replayed: boolean }>> {
  const result = await runAction((api) => api.rewards.redeem(input));
  if (!result.ok) return result;
  revalidatePath('/rewards');
  return { ok: true, data: { id: result.data.id, points: result.data.points, replayed: result.data.replayed } };
}
