import { signIn } from 'next-auth/react';
import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';
import type { TSignIn } from './login.schema';
import { signInErrorMessage } from './sign-in-error';

export type SignInOutcome = { ok: true } | { ok: false; key: MessageKey; params?: MessageParams };

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
