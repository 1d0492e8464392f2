'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ZDecideAppealInput, type TDecideAppealInput } from '@tobacco/api/grading/grading.schema';
import { Button } from '@tobacco/ui/button';
import { SelectField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { TextAreaField } from '@tobacco/ui/text-area';
import { useTRPC } from '@/trpc/react';
import { errorText, fieldError, FormMessage } from '../../admin/_components/feedback';

/** Uphold or change the grade, with a reason the retailer will read; the result stays on screen. */
export function AppealDecisionForm({ appealId, currentGrade, cap }: { appealId: number; currentGrade: number; cap: number | null }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const decide = useMutation(trpc.grading.decideAppeal.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const form = useForm<TDecideAppealInput>({
    resolver: zodResolver(ZDecideAppealInput),
    defaultValues: { appealId, decision: 'UPHOLD', reason: '' },
  });
  const decision = useWatch({ control: form.control, name: 'decision' });
  const grades = Array.from({ length: cap ?? 30 }, (_, i) => i + 1).filter((g) => g !== currentGrade);
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={form.handleSubmit((values) => {
        setError(null);
        decide.mutateAsync(values.decision === 'UPHOLD' ? { ...values, grade: undefined } : values).then(
          () => {
            setSuccess(t('grading.staff.appeals.done'));
            router.refresh();
          },
          (e: unknown) => setError(errorText(t, e)),
        );
      })}
    >
      <fieldset className="flex flex-wrap gap-4">
        <legend className="sr-only">{t('grading.staff.appeals.decide')}</legend>
        {(['UPHOLD', 'CHANGE'] as const).map((d) => (
          <label key={d} className="flex min-h-11 items-center gap-2">
            <input type="radio" value={d} {...form.register('decision')} />
            {t(d === 'UPHOLD' ? 'grading.staff.appeals.uphold' : 'grading.staff.appeals.change')}
          </label>
        ))}
      </fieldset>
      {decision === 'CHANGE' ? (
        <SelectField
          id="appeal-grade"
          label={t('grading.staff.appeals.newGrade')}
          hint={cap ? t('grading.staff.appeals.capNote', { cap }) : undefined}
          placeholder="—"
          options={grades.map((g) => ({ value: g, label: String(g) }))}
          error={fieldError(t, form.formState.errors.grade)}
          {...form.register('grade', { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })}
        />
      ) : null}
      <TextAreaField
        id="appeal-reason"
        label={t('grading.staff.appeals.decisionReason')}
        rows={3}
        maxLength={500}
        error={fieldError(t, form.formState.errors.reason)}
        {...form.register('reason')}
      />
      <div>
        <Button type="submit" variant="primary" disabled={decide.isPending || success !== null}>
          {t('grading.staff.appeals.submit')}
        </Button>
      </div>
      <FormMessage error={error} success={success} />
    </form>
  );
}
