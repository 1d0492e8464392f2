import { z } from 'zod';
import { ZMessageKey } from '../common/output';
import { ALERT_RULES, ALERT_STATES, TRIAGE_STATES } from './alerts.rules';

// Inputs of the alert queue (back office) and of the retailer's explanation (portal): one schema each,
// shared by the forms and the procedures.

const id = z.number().int().positive().max(2147483647);

export const ALERT_PAGE_SIZE = 20;

export const ZListAlertsInput = z.object({
  rule: z.enum(ALERT_RULES).optional(),
  state: z.enum(ALERT_STATES).optional(),
  districtId: id.optional(),
  cycleId: id.optional(),
  retailerId: id.optional(),
  page: z.number().int().min(1).max(100_000).default(1),
});
export type TListAlertsInput = z.input<typeof ZListAlertsInput>;

export const ZAlertCountsInput = z.object({
  /** How many closed cycles back the counts reach */
  cycles: z.number().int().min(1).max(52).default(8),
});

export const ZTriageAlertInput = z.object({
  id,
  state: z.enum(TRIAGE_STATES),
  note: z.string().trim().min(1, 'alerts.validation.noteRequired').max(500, 'alerts.validation.tooLong'),
  /** The version the person saw: a triage by someone else in between is refused, not overwritten */
  version: z.number().int().min(0),
});
export type TTriageAlertInput = z.input<typeof ZTriageAlertInput>;

export const ZRunCycleInput = z.object({ cycleId: id });

export const ZAlertIdInput = z.object({ id });

export const ZAnswerAlertInput = z.object({
  id,
  answer: z.string().trim().min(2, 'alerts.validation.answerRequired').max(200, 'alerts.validation.answerTooLong'),
});
export type TAnswerAlertInput = z.input<typeof ZAnswerAlertInput>;

// ---------------------------------------------------------------- portal outputs
// A question put to a shop, in its wording only: never the rule, its figures, the triage state or staff notes.

export const ZAlertQuestionOutput = z.object({
  id: z.number().int(),
  title: ZMessageKey,
  body: ZMessageKey,
  askedAt: z.date(),
  answer: z.string().nullable(),
  answeredAt: z.date().nullable(),
  canAnswer: z.boolean(),
});

export const ZAlertQuestionsOutput = z.array(ZAlertQuestionOutput);

export const ZAnswerAlertOutput = z.object({ id: z.number().int(), answeredAt: z.date() });
