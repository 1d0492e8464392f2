'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ZChangePasswordInput, type TChangePasswordInput } from '@tobacco/api/admin/users.schema';
import { Button, buttonClass } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { signInWithCredentials } from '@tobacco/ui/lib/sign-in';
import { useTRPC } from '@/trpc/react';
import { errorText, fieldError, FormMessage } from '../(staff)/admin/_components/feedback';

/**
 * Changing the password ends every session of the account (this one too), so the form signs in again with
 * the new password before going on to the home page.
 */
export function ChangePasswordForm({ username, canLeave }: { username: string; canLeave: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const change = useMutation(trpc.admin.changePassword.mutationOptions());
  const { register, handleSubmit, formState } = useForm<TChangePasswordInput>({
    resolver: zodResolver(ZChangePasswordInput),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await change.mutateAsync(values);
    } catch (error) {
      setFormError(errorText(t, error));
      return;
    }
    setDone(true);
    const again = await signInWithCredentials({ login: username, password: values.newPassword });
    window.location.assign(again.ok ? '/' : '/login');
  });

  const busy = isSubmitting || done;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <TextField
        type="password"
        autoComplete="current-password"
        label={t('admin.password.current')}
        error={fieldError(t, errors.currentPassword)}
        {...register('currentPassword')}
      />
      <TextField
        type="password"
        autoComplete="new-password"
        label={t('admin.password.new')}
        hint={t('admin.password.rule')}
        error={fieldError(t, errors.newPassword)}
        {...register('newPassword')}
      />
      <TextField
        type="password"
        autoComplete="new-password"
        label={t('admin.password.confirm')}
        error={fieldError(t, errors.confirmPassword)}
        {...register('confirmPassword')}
      />
      <FormMessage error={formError} success={done ? t('admin.password.changed') : null} />
      <Button type="submit" size="lg" disabled={busy} aria-busy={busy || undefined} className="w-full">
        {busy ? t('admin.saving') : t('admin.password.changeSubmit')}
      </Button>
      {canLeave ? (
        <a href="/" className={buttonClass('ghost', 'md', 'w-full')}>
          {t('common.cancel')}
        </a>
      ) : null}
    </form>
  );
}
