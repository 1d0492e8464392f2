import type { MessageKey } from '@tobacco/i18n/messages';

export const categoryLabel = (c: string) => `knowledge.category.${c}` as MessageKey;
export const audienceLabel = (a: string) => `knowledge.audience.${a}` as MessageKey;
export const stateLabel = (s: string) => `knowledge.state.${s}` as MessageKey;
export const STATE_TONE: Record<string, 'ok' | 'warn' | 'muted'> = { DRAFT: 'warn', PUBLISHED: 'ok', RETIRED: 'muted' };
