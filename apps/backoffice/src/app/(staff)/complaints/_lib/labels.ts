import type { MessageKey } from '@tobacco/i18n/messages';

export const kindLabel = (kind: string) => `complaints.kind.${kind}` as MessageKey;
export const stateLabel = (state: string) => `complaints.state.${state}` as MessageKey;
export const channelLabel = (channel: string) => `complaints.channel.${channel}` as MessageKey;
export const eventLabel = (type: string) => `complaints.event.${type}` as MessageKey;

export const STATE_TONE: Record<string, 'ok' | 'warn' | 'bad' | 'muted'> = {
  SUBMITTED: 'warn',
  ACCEPTED: 'muted',
  IN_PROGRESS: 'muted',
  WAITING_RETAILER: 'warn',
  RESOLVED: 'ok',
  CLOSED: 'muted',
};
