'use server';

import type { TFeedbackInput, TSuggestInput } from '@tobacco/api/knowledge/knowledge.schema';
import type { TSearchHit } from '@tobacco/api/knowledge/knowledge.service';
import type { ActionResult } from '@/lib/action-result';
import { runAction } from '@/lib/run-action';

// The knowledge base's client islands (the suggestions under the filing form, the article's vote) call these.

export async function suggestAction(input: TSuggestInput): Promise<ActionResult<TSearchHit[]>> {
  const result = await runAction((api) => api.knowledge.suggest(input));
  return result.ok ? { ok: true, data: result.data.hits } : result;
}

export async function solvedAction(input: TFeedbackInput): Promise<ActionResult> {
  const result = await runAction((api) => api.knowledge.solved(input));
  return result.ok ? { ok: true, data: undefined } : result;
}

export async function notHelpfulAction(input: TFeedbackInput): Promise<ActionResult> {
  const result = await runAction((api) => api.knowledge.notHelpful(input));
  return result.ok ? { ok: true, data: undefined } : result;
}
