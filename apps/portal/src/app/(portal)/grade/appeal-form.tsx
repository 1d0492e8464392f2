'use client';

import { lazyZodResolver } from '@/lib/lazy-resolver';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TLodgeAppealInput } from '@tobacco/api/grading/grading.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { TextAreaField } from '@tobacco/ui/text-area';
import { lodgeAppealAction } from './actions';

const appealChecks = lazyZodResolver(() => import('@tobacco/api/grading/grading.schema').then((m) => m.ZLodgeAppealInput));

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
  } = useForm<TLodgeAppealInput>({ resolver: appealChecks.resolver, defaultValues: { reason: '' } });

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
    <form onSubmit={onSubmit} onFocus={appealChecks.preload} noValidate className="flex flex-col gap-3">
      <TextAreaField
        id="appeal-reason"
        label={t('grading.appeal.reason')}
        hint={t('grading.appeal.reasonHint')}
        rows={4}
        maxLength={500}
        error={reasonError}
        {...register('reason')}
      />
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
