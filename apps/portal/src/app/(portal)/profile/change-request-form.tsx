'use client';

import { lazyZodResolver } from '@/lib/lazy-resolver';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TRequestContactChangeInput } from '@tobacco/api/retailers/profile.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { requestChangeAction } from './actions';

const changeRequestChecks = lazyZodResolver(() =>
  import('@tobacco/api/retailers/profile.schema').then((m) => m.ZRequestContactChangeInput),
);

export function ChangeRequestForm() {
  const t = useT();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TRequestContactChangeInput>({
    resolver: changeRequestChecks.resolver,
    defaultValues: { phone: '', address: '', contactName: '', reason: '' },
  });
  const fieldError = (message?: string) => (message ? t(message as MessageKey) : undefined);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setDone(false);
    const result = await requestChangeAction(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (['phone', 'address', 'contactName', 'reason'].includes(field))
          setError(field as keyof TRequestContactChangeInput, { message: messages[0] });
      }
      setFormError(t(result.error.key, result.error.params));
      return;
    }
    reset();
    setDone(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} onFocus={changeRequestChecks.preload} noValidate className="flex flex-col gap-4">
      <TextField
        label={t('retailers.changeRequest.phone')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        error={fieldError(errors.phone?.message)}
        {...register('phone')}
      />
      <TextField
        label={t('retailers.changeRequest.address')}
        autoComplete="street-address"
        error={fieldError(errors.address?.message)}
        {...register('address')}
      />
      <TextField
        label={t('retailers.changeRequest.contactName')}
        autoComplete="name"
        error={fieldError(errors.contactName?.message)}
        {...register('contactName')}
      />
      <TextField label={t('retailers.changeRequest.reason')} error={fieldError(errors.reason?.message)} {...register('reason')} />
      {formError ? (
        <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700">
          {formError}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded-lg bg-success-50 px-4 py-3 font-medium text-success-700">
          {t('retailers.changeRequest.submitted')}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
        {isSubmitting ? t('retailers.changeRequest.submitting') : t('retailers.changeRequest.submit')}
      </Button>
    </form>
  );
}
