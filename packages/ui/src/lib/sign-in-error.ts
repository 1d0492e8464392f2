import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';

const REASONS = ['INVALID_CREDENTIALS', 'LOCKED', 'RATE_LIMITED', 'SUSPENDED', 'INACTIVE'] as const;

/**
 * Reads the error string the credentials provider hands back ("LOCKED:12" = reason and minutes left).
 * The server side writes it with encodeSignInError in @tobacco/auth/next-auth; that module also holds
 * the server-only sign-in code, so the browser reads the same format here instead of importing it.
 */
export function signInErrorMessage(error: string | null | undefined): { key: MessageKey; params?: MessageParams } {
  const [reason = '', minutes] = (error ?? '').split(':');
  if (!(REASONS as readonly string[]).includes(reason)) return { key: 'auth.error.generic' };
  const key = `auth.error.${reason}` as MessageKey;
  return reason === 'LOCKED' || reason === 'RATE_LIMITED' ? { key, params: { minutes: Number(minutes) || 1 } } : { key };
}
