'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ZLodgeAppealInput, type TLodgeAppealInput } from '@tobacco/api/grading/grading.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { lodgeAppealAction } from './actions';

export function AppealForm() {
  const t = useT();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TLodgeAppealInput>({ resolver: zodResolver(ZLodgeAppealInput), defaultValues: { reason: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await lodgeAppealAction(values);
    if (!result.ok) {
      setFormError(t(result.error.key, result.error.params));
      return;
    }
    reset();
    setDone(true);
    router.refresh();
  });

  const reasonError = errors.reason?.message ? t(errors.reason.message as MessageKey) : undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="appeal-reason" className="font-semibold">
          {t('grading.appeal.reason')}
        </label>
        <p id="appeal-reason-hint" className="text-sm text-ink-subtle">
          {t('grading.appeal.reasonHint')}
        </p>
        <textarea
          id="appeal-reason"
          rows={4}
          maxLength={500}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? 'appeal-reason-hint appeal-reason-error' : 'appeal-reason-hint'}
          className="block w-full rounded-lg border border-control bg-surface px-3 py-2 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger-700"
          {...register('reason')}
        />
        {reasonError ? (
          <p id="appeal-reason-error" className="text-sm font-medium text-danger-700">
            {reasonError}
          </p>
        ) : null}
      </div>
      {formError ? (
        <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700">
          {formError}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded-lg bg-success-50 px-4 py-3 font-medium text-success-700">
          {t('grading.appeal.submitted')}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
        {isSubmitting ? t('grading.appeal.submitting') : t('grading.appeal.submit')}
      </Button>
    </form>
  );
}
