import { describe, expect, it } from 'vitest';
import { encodeSignInError } from '@tobacco/auth/next-auth';
import { signInErrorMessage } from './sign-in-error';

describe('signInErrorMessage', () => {
  it('reads what the credentials provider writes', () => {
    expect(signInErrorMessage(encodeSignInError('INVALID_CREDENTIALS'))).toEqual({ key: 'auth.error.INVALID_CREDENTIALS' });
    expect(signInErrorMessage(encodeSignInError('LOCKED', 12))).toEqual({ key: 'auth.error.LOCKED', params: { minutes: 12 } });
    expect(signInErrorMessage(encodeSignInError('SUSPENDED'))).toEqual({ key: 'auth.error.SUSPENDED' });
    expect(signInErrorMessage(encodeSignInError('INACTIVE'))).toEqual({ key: 'auth.error.INACTIVE' });
  });

  it('shows a generic message for anything else', () => {
    expect(signInErrorMessage('CredentialsSignin')).toEqual({ key: 'auth.error.generic' });
    expect(signInErrorMessage(undefined)).toEqual({ key: 'auth.error.generic' });
  });

  it('never says "0 minutes" for a lock', () => {
    expect(signInErrorMessage('LOCKED')).toEqual({ key: 'auth.error.LOCKED', params: { minutes: 1 } });
  });
});
