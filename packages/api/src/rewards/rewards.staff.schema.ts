import { z } from 'zod';
import { REWARD_RULE_KINDS, isPeriodCode } from './rewards.run.rules';

// Rewards in the back office (domain.md §7): rules, period runs, the catalogue and the fulfilment queue.
// Shared by the forms and the procedures; messages are i18n keys.

export const REDEMPTION_STATES = ['REQUESTED', 'FULFILLED', 'REJECTED'] as const;
export const REWARDS_PAGE_SIZE = 20;

const period = z.string().trim().refine(isPeriodCode, 'rewards.staff.validation.period');
const id = z.number().int().positive();

export const ZSaveRuleInput = z.object({
  kind: z.enum(REWARD_RULE_KINDS),
  name: z.string().trim().min(1, 'rewards.staff.validation.required').max(60, 'rewards.staff.validation.tooLong'),
  nameEn: z.string().trim().min(1, 'rewards.staff.validation.required').max(80, 'rewards.staff.validation.tooLong'),
  /** Checked against the kind's parameters (rewards.run.rules.ts RULE_PARAMS) by the service. */
  params: z.record(z.string(), z.unknown()),
  points: z
    .number({ message: 'rewards.staff.validation.points' })
    .int('rewards.staff.validation.points')
    .min(1, 'rewards.staff.validation.points')
    .max(100_000, 'rewards.staff.validation.points'),
  active: z.boolean(),
  effectiveFrom: period,
});
export type TSaveRuleInput = z.input<typeof ZSaveRuleInput>;

export const ZPeriodInput = z.object({ periodCode: period });
export const ZPreviewRunInput = z.object({ periodCode: period, page: z.number().int().min(1).max(10_000).default(1) });
export const ZRunIdInput = z.object({ id });
export const ZListRunsInput = z.object({ page: z.number().int().min(1).max(1000).default(1) });

export const ZSaveItemInput = z.object({
  id: id.optional(),
  name: z.string().trim().min(1, 'rewards.staff.validation.required').max(60, 'rewards.staff.validation.tooLong'),
  nameEn: z.string().trim().min(1, 'rewards.staff.validation.required').max(80, 'rewards.staff.validation.tooLong'),
  description: z.string().trim().max(300, 'rewards.staff.validation.tooLong'),
  kind: z.enum(['GIFT', 'SERVICE']),
  points: z
    .number({ message: 'rewards.staff.validation.points' })
    .int('rewards.staff.validation.points')
    .min(1, 'rewards.staff.validation.points')
    .max(1_000_000, 'rewards.staff.validation.points'),
  stock: z
    .number({ message: 'rewards.staff.validation.stock' })
    .int('rewards.staff.validation.stock')
    .min(0, 'rewards.staff.validation.stock')
    .max(1_000_000, 'rewards.staff.validation.stock'),
  active: z.boolean(),
});
export type TSaveItemInput = z.input<typeof ZSaveItemInput>;

export const ZListItemsInput = z.object({
  q: z.string().trim().max(40).optional(),
  page: z.number().int().min(1).max(1000).default(1),
});

export const ZListRedemptionsInput = z.object({
  state: z.enum(REDEMPTION_STATES).default('REQUESTED'),
  licenceNo: z.string().trim().max(12).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});

export const ZFulfilInput = z.object({ id, note: z.string().trim().max(200, 'rewards.staff.validation.tooLong').optional() });
export const ZRejectRedemptionInput = z.object({
  id,
  reason: z.string().trim().min(2, 'rewards.staff.validation.reasonRequired').max(200, 'rewards.staff.validation.tooLong'),
});
