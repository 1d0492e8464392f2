'use client';

import { lazyZodResolver } from '@/lib/lazy-resolver';
import { Link } from '@/components/link';
import { useState } from 'react';
import { useForm, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import type { TConfirmPasswordResetInput, TRequestPasswordResetInput } from '@tobacco/api/sessions/password-reset.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';
import { Button, buttonClass } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import type { ActionResult } from '@/lib/action-result';
import { confirmPasswordResetAction, requestPasswordResetAction } from './actions';

const askChecks = lazyZodResolver(() => import('@tobacco/api/sessions/password-reset.schema').then((m) => m.ZRequestPasswordResetInput));
const resetChecks = lazyZodResolver(() => import('@tobacco/api/sessions/password-reset.schema').then((m) => m.ZConfirmPasswordResetInput));

const ALERT = 'rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700';
const STATUS = 'rounded-lg bg-success-50 px-4 py-3 font-medium text-success-700';

/** A failed action's field messages onto the form's fields; its message otherwise. */
function applyFailure<T extends FieldValues>(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  t: Translate,
): string | null {
  let placed = false;
  for (const [field, [message]] of Object.entries(result.fieldErrors ?? {})) {
    if (message && (fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { message });
      placed = true;
    }
  }
  return placed ? null : t(result.error.key, result.error.params);
}

/**
 * The forgotten-password path in two steps: the licence number and the phone's last 4 digits bring a code by
 * SMS (the answer is the same whether or not they match a shop), then the code and a new password set it.
 */
export function ForgotPasswordForm() {
  const t = useT();
  const fieldError = (message?: string) => (message ? t(message as MessageKey) : undefined);
  const [sent, setSent] = useState<{ licenceNo: string; minutes: number } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const ask = useForm<TRequestPasswordResetInput>({
    resolver: askChecks.resolver,
    defaultValues: { licenceNo: '', phoneLast4: '' },
  });
  const reset = useForm<TConfirmPasswordResetInput>({
    resolver: resetChecks.resolver,
    defaultValues: { licenceNo: '', code: '', newPassword: '', confirmPassword: '' },
  });

  const onAsk = ask.handleSubmit(async (values) => {
    setFormError(null);
    const result = await requestPasswordResetAction(values);
    if (!result.ok) {
      setFormError(applyFailure(result, ask.setError, ['licenceNo', 'phoneLast4'], t));
      return;
    }
    reset.setValue('licenceNo', values.licenceNo.trim());
    setSent({ licenceNo: values.licenceNo.trim(), minutes: result.data.minutes });
  });

  const onReset = reset.handleSubmit(async (values) => {
    setFormError(null);
    const result = await confirmPasswordResetAction(values);
    if (!result.ok) {
      setFormError(applyFailure(result, reset.setError, ['code', 'newPassword', 'confirmPassword'], t));
      return;
    }
    setDone(true);
  });

  const error = formError ? (
    <p role="alert" data-testid="reset-error" className={ALERT}>
      {formError}
    </p>
  ) : null;

  if (done)
    return (
      <div className="flex flex-col gap-5">
        <p role="status" data-testid="reset-done" className={STATUS}>
          {t('auth.reset.done')}
        </p>
        <Link href="/login" className={buttonClass('primary', 'lg', 'w-full')}>
          {t('auth.reset.toLogin')}
        </Link>
      </div>
    );

  if (!sent)
    return (
      <form onSubmit={onAsk} onFocus={askChecks.preload} noValidate className="flex flex-col gap-5">
        <p>{t('auth.reset.intro')}</p>
        <TextField
          label={t('auth.licenceNo')}
          hint={t('auth.licenceNoHint')}
          inputMode="numeric"
          autoComplete="username"
          maxLength={12}
          spellCheck={false}
          error={fieldError(ask.formState.errors.licenceNo?.message)}
          {...ask.register('licenceNo')}
        />
        <TextField
          label={t('auth.reset.phoneLast4')}
          hint={t('auth.reset.phoneLast4Hint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          error={fieldError(ask.formState.errors.phoneLast4?.message)}
          {...ask.register('phoneLast4')}
        />
        {error}
        <Button
          type="submit"
          size="lg"
          className="w-full"
          disabled={ask.formState.isSubmitting}
          aria-busy={ask.formState.isSubmitting || undefined}
        >
          {ask.formState.isSubmitting ? t('auth.reset.sending') : t('auth.reset.send')}
        </Button>
        <Link href="/login" className={buttonClass('secondary', 'md', 'w-full')}>
          {t('auth.reset.toLogin')}
        </Link>
      </form>
    );

  return (
    <form onSubmit={onReset} onFocus={resetChecks.preload} noValidate className="flex flex-col gap-5">
      <p role="status" data-testid="reset-sent" className={STATUS}>
        {t('auth.reset.sent', { minutes: sent.minutes })}
      </p>
      <input type="hidden" {...reset.register('licenceNo')} />
      <TextField
        label={t('auth.reset.code')}
        hint={t('auth.reset.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={fieldError(reset.formState.errors.code?.message)}
        {...reset.register('code')}
      />
      <TextField
        type="password"
        label={t('auth.reset.newPassword')}
        hint={t('auth.reset.newPasswordHint')}
        autoComplete="new-password"
        error={fieldError(reset.formState.errors.newPassword?.message)}
        {...reset.register('newPassword')}
      />
      <TextField
        type="password"
        label={t('auth.reset.confirmPassword')}
        autoComplete="new-password"
        error={fieldError(reset.formState.errors.confirmPassword?.message)}
        {...reset.register('confirmPassword')}
      />
      {error}
      <Button
        type="submit"
        size="lg"
        className="w-full"
        disabled={reset.formState.isSubmitting}
        aria-busy={reset.formState.isSubmitting || undefined}
      >
        {reset.formState.isSubmitting ? t('auth.reset.submitting') : t('auth.reset.submit')}
      </Button>
      <Button
        type="button"
        variant="secondary"
        className="w-full"
        onClick={() => {
          setFormError(null);
          setSent(null);
        }}
      >
        {t('auth.reset.again')}
      </Button>
    </form>
  );
}
