'use client';

import { lazyZodResolver } from '@/lib/lazy-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TChangePasswordInput } from '@tobacco/api/retailers/profile.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { changePasswordAction } from './actions';

const passwordChecks = lazyZodResolver(() => import('@tobacco/api/retailers/profile.schema').then((m) => m.ZChangePasswordInput));

export function PasswordForm() {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TChangePasswordInput>({
    resolver: passwordChecks.resolver,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const fieldError = (message?: string) => (message ? t(message as MessageKey) : undefined);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setDone(false);
    const result = await changePasswordAction(values);
    if (!result.ok) {
      setFormError(t(result.error.key, result.error.params));
      return;
    }
    reset();
    setDone(true);
  });

  return (
    <form onSubmit={onSubmit} onFocus={passwordChecks.preload} noValidate className="flex flex-col gap-4">
      <TextField
        type="password"
        label={t('retailers.password.current')}
        autoComplete="current-password"
        error={fieldError(errors.currentPassword?.message)}
        {...register('currentPassword')}
      />
      <TextField
        type="password"
        label={t('retailers.password.new')}
        hint={t('retailers.password.newHint')}
        autoComplete="new-password"
        error={fieldError(errors.newPassword?.message)}
        {...register('newPassword')}
      />
      <TextField
        type="password"
        label={t('retailers.password.confirm')}
        autoComplete="new-password"
        error={fieldError(errors.confirmPassword?.message)}
        {...register('confirmPassword')}
      />
      {formError ? (
        <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700">
          {formError}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded-lg bg-success-50 px-4 py-3 font-medium text-success-700">
          {t('retailers.password.done')}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
        {isSubmitting ? t('retailers.password.submitting') : t('retailers.password.submit')}
      </Button>
    </form>
  );
}
