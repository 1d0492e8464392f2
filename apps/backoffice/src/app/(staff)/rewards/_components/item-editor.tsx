'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ZSaveItemInput, type TSaveItemInput } from '@tobacco/api/rewards/rewards.staff.schema';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, fieldError, FormMessage } from '../../admin/_components/feedback';

type Item = { id: number; name: string; nameEn: string; description: string; kind: string; points: number; stock: number; active: boolean };
const EMPTY: TSaveItemInput = { name: '', nameEn: '', description: '', kind: 'GIFT', points: 100, stock: 0, active: true };
const num = (v: string) => (v === '' ? Number.NaN : Number(v));

/** Adds a catalogue item or changes one (points, stock, whether retailers may redeem it). */
export function ItemEditor({ item, onDone }: { item?: Item; onDone?: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.rewards.saveItem.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<TSaveItemInput>({
    resolver: zodResolver(ZSaveItemInput) as never,
    defaultValues: item ? { ...item, kind: item.kind === 'SERVICE' ? 'SERVICE' : 'GIFT' } : EMPTY,
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setDone(null);
    try {
      await save.mutateAsync({ ...values, id: item?.id });
      setDone(t('rewards.staff.catalogue.saved'));
      if (!item) reset(EMPTY);
      router.refresh();
      onDone?.();
    } catch (e) {
      setError(errorText(t, e));
    }
  });
  const prefix = item ? `item-${item.id}` : 'item-new';
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <TextField id={`${prefix}-name`} label={t('rewards.staff.catalogue.name')} error={fieldError(t, errors.name)} {...register('name')} />
      <TextField
        id={`${prefix}-nameEn`}
        label={t('rewards.staff.catalogue.nameEn')}
        error={fieldError(t, errors.nameEn)}
        {...register('nameEn')}
      />
      <SelectField
        id={`${prefix}-kind`}
        label={t('rewards.staff.catalogue.kind')}
        options={[
          { value: 'GIFT', label: t('rewards.staff.catalogue.GIFT') },
          { value: 'SERVICE', label: t('rewards.staff.catalogue.SERVICE') },
        ]}
        {...register('kind')}
      />
      <TextField
        id={`${prefix}-description`}
        label={t('rewards.staff.catalogue.itemDescription')}
        error={fieldError(t, errors.description)}
        {...register('description')}
      />
      <TextField
        id={`${prefix}-points`}
        label={t('rewards.staff.catalogue.points')}
        inputMode="numeric"
        error={fieldError(t, errors.points)}
        {...register('points', { setValueAs: num })}
      />
      <TextField
        id={`${prefix}-stock`}
        label={t('rewards.staff.catalogue.stock')}
        inputMode="numeric"
        error={fieldError(t, errors.stock)}
        {...register('stock', { setValueAs: num })}
      />
      <label className="flex min-h-11 items-center gap-2 self-end font-semibold">
        <input type="checkbox" className="size-5" {...register('active')} />
        {t('rewards.staff.catalogue.active')}
      </label>
      <div className="flex items-end gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {item ? t('rewards.staff.catalogue.save') : t('rewards.staff.catalogue.add')}
        </Button>
        {onDone ? (
          <Button variant="ghost" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
      <div className="sm:col-span-2 lg:col-span-4">
        <FormMessage error={error} success={done} />
      </div>
    </form>
  );
}

/** A row's "edit" toggle: the editor opens under the table row. */
export function EditItemToggle({ item }: { item: Item }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={t('rewards.staff.catalogue.editItem', { name: item.name })}>
        {t('rewards.staff.catalogue.edit')}
      </Button>
    );
  }
  return (
    <div className="min-w-[40rem] rounded-lg border border-line bg-canvas p-3">
      <ItemEditor item={item} onDone={() => setOpen(false)} />
    </div>
  );
}
