import { signIn } from 'next-auth/react';
import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';
import type { TSignIn } from './login.schema';

export type SignInOutcome = { ok: true } | { ok: false; key: MessageKey; params?: MessageParams };

const REASONS = ['INVALID_CREDENTIALS', 'LOCKED', 'SUSPENDED', 'INACTIVE'] as const;

/**
 * Reads the error string the credentials provider hands back ("LOCKED:12" = reason and minutes left).
 * The server side writes it with encodeSignInError in @tobacco/auth/next-auth; that module also holds
 * the server-only sign-in code, so the browser reads the same format here instead of importing it.
 */
export function signInErrorMessage(error: string | null | undefined): { key: MessageKey; params?: MessageParams } {
  const [reason = '', minutes] = (error ?? '').split(':');
  if (!(REASONS as readonly string[]).includes(reason)) return { key: 'auth.error.generic' };
  const key = `auth.error.${reason}` as MessageKey;
  return reason === 'LOCKED' ? { key, params: { minutes: Number(minutes) || 1 } } : { key };
}

/** Signs in through next-auth's credentials provider without a page reload. */
export async function signInWithCredentials(values: TSignIn): Promise<SignInOutcome> {
  try {
    const result = await signIn('credentials', { login: values.login, password: values.password, redirect: false });
    if (result?.ok && !result.error) return { ok: true };
    return { ok: false, ...signInErrorMessage(result?.error) };
  } catch {
    return { ok: false, key: 'errors.network' };
  }
}
