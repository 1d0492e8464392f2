'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { INTEGRITY_LEVELS, ZSetIntegrityInput, type TSetIntegrityInput } from '@tobacco/api/grading/grading.schema';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, fieldError, FormMessage } from '../../admin/_components/feedback';

/** An administrator's change of one retailer's integrity level; a cap it causes is reported and stays on screen. */
export function IntegrityForm({ retailerId, current, today }: { retailerId: number; current: string; today: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.grading.setIntegrity.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const form = useForm<TSetIntegrityInput>({
    resolver: zodResolver(ZSetIntegrityInput),
    defaultValues: { retailerId, level: current as TSetIntegrityInput['level'], effectiveFrom: today, reason: '' },
  });
  return (
    <form
      noValidate
      className="mt-3 flex flex-col gap-3"
      onSubmit={form.handleSubmit((values) => {
        setError(null);
        setSuccess(null);
        save.mutateAsync(values).then(
          (result) => {
            const cap = result.capped[0];
            setSuccess(cap ? t('grading.staff.integrity.savedCapped', { from: cap.from, to: cap.to }) : t('grading.staff.integrity.saved'));
            router.refresh();
          },
          (e: unknown) => setError(errorText(t, e)),
        );
      })}
    >
      <h3 className="font-bold">{t('grading.staff.integrity.edit')}</h3>
      <div className="flex flex-wrap gap-3">
        <SelectField
          id="integrity-level"
          label={t('grading.staff.integrity.level')}
          options={INTEGRITY_LEVELS.map((l) => ({ value: l, label: l }))}
          error={fieldError(t, form.formState.errors.level)}
          {...form.register('level')}
        />
        <TextField
          id="integrity-date"
          type="date"
          max={today}
          label={t('grading.staff.integrity.effectiveFrom')}
          error={fieldError(t, form.formState.errors.effectiveFrom)}
          {...form.register('effectiveFrom')}
        />
        <TextField
          id="integrity-reason"
          label={t('grading.staff.integrity.note')}
          maxLength={500}
          error={fieldError(t, form.formState.errors.reason)}
          {...form.register('reason')}
        />
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {t('grading.staff.integrity.save')}
        </Button>
      </div>
      <FormMessage error={error} success={success} />
    </form>
  );
}
