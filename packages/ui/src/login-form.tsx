'use client';

import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from './button';
import { TextField } from './field';
import { useT } from './i18n';
import type { TSignIn } from './lib/login.schema';
import { signInWithCredentials } from './lib/sign-in';
import { useHydrated } from './lib/use-hydrated';

type Props = {
  /** A retailer signs in with a 12-digit licence number, staff with a username. */
  kind: 'retailer' | 'staff';
  /** zodResolver(ZRetailerSignIn | ZStaffSignIn), made by the app where @hookform/resolvers lives. */
  resolver: Resolver<TSignIn>;
  /** Starts loading a lazily loaded resolver when the form is first focused (the portal's, see lazy-resolver). */
  preload?: () => void;
  /** Already checked to be a path on this site. */
  callbackUrl: string;
};

const FORM_ERROR_ID = 'login-error';

export function LoginForm({ kind, resolver, preload, callbackUrl }: Props) {
  const t = useT();
  const hydrated = useHydrated();
  const [formError, setFormError] = useState<string | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TSignIn>({ resolver, defaultValues: { login: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const outcome = await signInWithCredentials(values);
    if (outcome.ok) {
      setRedirecting(true);
      // A full navigation, so every server component renders with the new session.
      window.location.assign(callbackUrl);
      return;
    }
    // Cleared at the start of each attempt, so the alert is created anew and announced again.
    setFormError(t(outcome.key, outcome.params));
  });

  const fieldError = (message: string | undefined) => (message ? t(message as MessageKey) : undefined);
  const busy = isSubmitting || redirecting;

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      onFocus={preload}
      noValidate
      aria-describedby={formError ? FORM_ERROR_ID : undefined}
      className="flex flex-col gap-5"
    >
      {kind === 'retailer' ? (
        <TextField
          label={t('auth.licenceNo')}
          hint={t('auth.licenceNoHint')}
          inputMode="numeric"
          autoComplete="username"
          maxLength={12}
          spellCheck={false}
          error={fieldError(errors.login?.message)}
          {...register('login')}
        />
      ) : (
        <TextField
          label={t('auth.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={fieldError(errors.login?.message)}
          {...register('login')}
        />
      )}
      <TextField
        type="password"
        label={t('auth.password')}
        autoComplete="current-password"
        error={fieldError(errors.password?.message)}
        {...register('password')}
      />
      {formError ? (
        <p
          id={FORM_ERROR_ID}
          role="alert"
          data-testid="login-error"
          className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700"
        >
          {formError}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={busy || !hydrated} aria-busy={busy || undefined} className="w-full">
        {busy ? t('auth.signingIn') : t('auth.signIn')}
      </Button>
    </form>
  );
}
