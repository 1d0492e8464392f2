'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ZAdjustInput, type TAdjustInput } from '@tobacco/api/allocation/allocation.staff.schema';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, fieldError, FormMessage } from '../../admin/_components/feedback';
import { withNote } from '@tobacco/i18n/translator';

/** One retailer's limit of one product in one cycle, raised or lowered with a reason. */
export function AdjustForm({ cycles }: { cycles: { id: number; code: string }[] }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const adjust = useMutation(trpc.allocation.adjust.mutationOptions());
  const [query, setQuery] = useState('');
  const products = useQuery({ ...trpc.allocation.products.queryOptions({ q: query.trim() }), enabled: query.trim().length > 0 });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<TAdjustInput>({
    resolver: zodResolver(ZAdjustInput) as never,
    defaultValues: { licenceNo: '', cycleId: cycles[0]?.id, productId: undefined, delta: undefined, reason: '' },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setDone(null);
    try {
      const result = await adjust.mutateAsync(values as never);
      setDone(t('allocation.staff.adjust.done', { before: result.limitBefore, after: result.limitAfter }));
      reset({ ...values, delta: undefined, reason: '' });
      router.refresh();
    } catch (e) {
      setError(errorText(t, e));
    }
  });
  if (cycles.length === 0)
    return <p className="rounded-xl border border-line bg-surface p-4 text-ink-muted">{t('allocation.staff.adjust.noCycles')}</p>;
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="grid gap-4 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-3"
      aria-labelledby="adjust-heading"
    >
      <h2 id="adjust-heading" className="text-lg font-bold sm:col-span-2 lg:col-span-3">
        {t('allocation.staff.adjust.new')}
      </h2>
      <TextField
        label={t('allocation.staff.adjust.licence')}
        inputMode="numeric"
        maxLength={12}
        error={fieldError(t, errors.licenceNo)}
        {...register('licenceNo')}
      />
      <SelectField
        label={t('allocation.staff.col.cycle')}
        options={cycles.map((c) => ({ value: c.id, label: c.code }))}
        error={fieldError(t, errors.cycleId)}
        {...register('cycleId', { valueAsNumber: true })}
      />
      <TextField type="search" label={t('allocation.staff.adjust.findProduct')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <SelectField
        label={t('allocation.staff.grid.product')}
        placeholder={t('allocation.staff.adjust.chooseProduct')}
        options={(products.data ?? []).map((p) => ({ value: p.id, label: withNote(t, `${p.brand} ${p.name}`, p.code) }))}
        error={errors.productId ? t('allocation.staff.adjust.productRequired') : undefined}
        {...register('productId', { valueAsNumber: true })}
      />
      <TextField
        label={t('allocation.staff.adjust.delta')}
        hint={t('allocation.staff.adjust.deltaHint')}
        inputMode="numeric"
        error={fieldError(t, errors.delta)}
        {...register('delta', { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })}
      />
      <TextField label={t('allocation.staff.adjust.reason')} maxLength={200} error={fieldError(t, errors.reason)} {...register('reason')} />
      <div className="sm:col-span-2 lg:col-span-3">
        <Button type="submit" disabled={isSubmitting}>
          {t('allocation.staff.adjust.save')}
        </Button>
      </div>
      <div className="sm:col-span-2 lg:col-span-3">
        <FormMessage error={error} success={done} />
      </div>
    </form>
  );
}
