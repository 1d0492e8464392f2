import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';

// The one error type services throw. The API turns it into a tRPC error carrying a message key,
// and the UI shows that key translated.
export const DOMAIN_ERROR_CODES = ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'INVALID_STATE', 'LIMIT_EXCEEDED', 'VALIDATION'] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly messageKey: MessageKey;
  readonly params?: MessageParams;

  /** `messageKey` names a translated message; without one the code's generic message is shown. */
  constructor(code: DomainErrorCode, messageKey?: MessageKey, params?: MessageParams) {
    super(messageKey ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.messageKey = messageKey ?? (`errors.${code}` as MessageKey);
    this.params = params;
  }
}

export const notFound = (): DomainError => new DomainError('NOT_FOUND');
