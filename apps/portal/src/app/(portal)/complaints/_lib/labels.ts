import type { MessageKey } from '@tobacco/i18n/messages';

// Message keys of the case enums, and the badge colour of each state.
export const kindLabel = (kind: string) => `complaints.kind.${kind}` as MessageKey;
export const stateLabel = (state: string) => `complaints.state.${state}` as MessageKey;
export const eventLabel = (type: string) => `complaints.event.${type}` as MessageKey;

export const STATE_BADGE: Record<string, string> = {
  SUBMITTED: 'bg-brand-50 text-brand-800',
  ACCEPTED: 'bg-brand-50 text-brand-800',
  IN_PROGRESS: 'bg-brand-50 text-brand-800',
  WAITING_RETAILER: 'bg-warning-50 text-warning-800',
  RESOLVED: 'bg-success-50 text-success-700',
  CLOSED: 'bg-canvas text-ink-muted border border-line',
};
