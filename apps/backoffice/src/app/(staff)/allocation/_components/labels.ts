import type { MessageKey } from '@tobacco/i18n/messages';

export const POLICY_TONE = {
  DRAFT: 'muted',
  PENDING_APPROVAL: 'warn',
  APPROVED: 'ok',
  PUBLISHED: 'ok',
  REJECTED: 'bad',
  SUPERSEDED: 'muted',
} as const;

export type PolicyStateName = keyof typeof POLICY_TONE;
export const policyStateLabel = (state: PolicyStateName): MessageKey => `allocation.staff.state.${state}`;
