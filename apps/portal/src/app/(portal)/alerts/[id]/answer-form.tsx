'use client';

import { lazyZodResolver } from '@/lib/lazy-resolver';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TAnswerAlertInput } from '@tobacco/api/alerts/alerts.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { TextAreaField } from '@tobacco/ui/text-area';
import { answerAlertAction } from './actions';

const answerChecks = lazyZodResolver(() => import('@tobacco/api/alerts/alerts.schema').then((m) => m.ZAnswerAlertInput));

/** The shop's answer in a sentence; it goes to their account manager. */
export function AnswerForm({ id }: { id: number }) {
  const t = useT();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TAnswerAlertInput>({ resolver: answerChecks.resolver, defaultValues: { id, answer: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await answerAlertAction(values);
    if (!result.ok) {
      const answerError = result.fieldErrors?.answer?.[0];
      if (answerError) setError('answer', { message: answerError });
      setFormError(t(result.error.key, result.error.params));
      return;
    }
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} onFocus={answerChecks.preload} noValidate className="flex flex-col gap-4">
      <TextAreaField
        label={t('alerts.portal.answerLabel')}
        hint={t('alerts.portal.answerHint')}
        rows={3}
        maxLength={200}
        error={errors.answer?.message ? t(errors.answer.message as MessageKey) : undefined}
        {...register('answer')}
      />
      {formError ? (
        <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700">
          {formError}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
        {t('alerts.portal.send')}
      </Button>
    </form>
  );
}
