'use server';

import type { TAnswers } from '@tobacco/api/surveys/surveys.schema';
import type { ActionResult } from '@/lib/action-result';
import { runAction } from '@/lib/run-action';

// The answer form's two calls, run in-process against the same procedures: no tRPC client in the browser.

export async function saveSurveyDraftAction(input: { surveyId: number; answers: TAnswers }): Promise<ActionResult<{ savedAt: Date }>> {
  return runAction((api) => api.surveys.saveDraft(input));
}

export async function submitSurveyAction(input: {
  surveyId: number;
  answers: TAnswers;
}): Promise<ActionResult<{ submittedAt: Date; alreadySubmitted: boolean }>> {
  const result = await runAction((api) => api.surveys.submit(input));
  return result.ok ? { ok: true, data: { submittedAt: result.data.submittedAt, alreadySubmitted: result.data.alreadySubmitted } } : result;
}
