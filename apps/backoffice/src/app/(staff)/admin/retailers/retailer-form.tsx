'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  BUSINESS_FORMS,
  INTEGRITY_LEVELS,
  MARKETS,
  ZCreateRetailerInput,
  type TCreateRetailerInput,
} from '@tobacco/api/admin/retailer-accounts.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField, type Option } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, fieldError, FormMessage, TemporaryPassword, toNumberOrNull } from '../_components/feedback';

const toNumber = (value: unknown) => (value === '' || value === undefined || value === null ? undefined : Number(value));

/** Create (with the owner's login and a temporary password) or edit a retailer record. */
export function RetailerForm({
  retailerId,
  initial,
  districts,
  managers,
}: {
  retailerId?: number;
  initial: TCreateRetailerInput;
  districts: Option[];
  managers: Option[];
}) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const create = useMutation(trpc.admin.retailers.create.mutationOptions());
  const update = useMutation(trpc.admin.retailers.update.mutationOptions());
  const { register, handleSubmit, formState } = useForm<TCreateRetailerInput>({
    resolver: zodResolver(ZCreateRetailerInput),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = formState;
  const editing = retailerId !== undefined;

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    try {
      if (!editing) {
        await create.mutateAsync(values);
      } else {
        const { licenceNo: _licence, accountManagerId: _manager, ...rest } = values;
        await update.mutateAsync({ id: retailerId, ...rest, contactName: rest.contactName ?? '' });
        setSaved(true);
        router.refresh();
      }
    } catch (e) {
      setError(errorText(t, e));
    }
  });

  if (create.data) {
    return (
      <div className="flex flex-col gap-4">
        <TemporaryPassword login={create.data.loginName} password={create.data.temporaryPassword} />
        <a href={`/admin/retailers/${create.data.id}`} className="font-semibold text-brand-700">
          {t('admin.retailers.openCreated')}
        </a>
      </div>
    );
  }

  const enumOptions = (values: readonly string[], prefix: string): Option[] =>
    values.map((v) => ({ value: v, label: t(`${prefix}${v}` as MessageKey) }));
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-5 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 sm:p-6 xl:grid-cols-3"
    >
      <TextField
        label={t('admin.retailers.field.licenceNo')}
        hint={editing ? undefined : t('auth.licenceNoHint')}
        inputMode="numeric"
        maxLength={12}
        readOnly={editing}
        autoComplete="off"
        error={fieldError(t, errors.licenceNo)}
        {...register('licenceNo')}
      />
      <TextField
        label={t('admin.retailers.field.shopName')}
        autoComplete="off"
        error={fieldError(t, errors.shopName)}
        {...register('shopName')}
      />
      <TextField
        label={t('admin.retailers.field.ownerName')}
        autoComplete="off"
        error={fieldError(t, errors.ownerName)}
        {...register('ownerName')}
      />
      <TextField
        label={t('admin.retailers.field.contactName')}
        autoComplete="off"
        error={fieldError(t, errors.contactName)}
        {...register('contactName')}
      />
      <TextField
        label={t('admin.retailers.field.phone')}
        inputMode="tel"
        autoComplete="off"
        error={fieldError(t, errors.phone)}
        {...register('phone')}
      />
      <TextField
        label={t('admin.retailers.field.address')}
        autoComplete="off"
        error={fieldError(t, errors.address)}
        {...register('address')}
      />
      <SelectField
        label={t('admin.retailers.field.district')}
        placeholder={t('admin.choose')}
        options={districts}
        error={fieldError(t, errors.districtId)}
        {...register('districtId', { setValueAs: toNumber })}
      />
      <SelectField label={t('admin.retailers.field.market')} options={enumOptions(MARKETS, 'enum.market.')} {...register('market')} />
      <SelectField
        label={t('admin.retailers.field.businessForm')}
        options={enumOptions(BUSINESS_FORMS, 'enum.form.')}
        {...register('businessForm')}
      />
      <SelectField
        label={t('admin.retailers.field.sizeClass')}
        options={[1, 2, 3].map((s) => ({ value: s, label: t(`common.size.${s}` as MessageKey) }))}
        {...register('sizeClass', { setValueAs: toNumber })}
      />
      <TextField
        label={t('admin.retailers.field.shopArea')}
        inputMode="numeric"
        autoComplete="off"
        error={fieldError(t, errors.shopAreaM2)}
        {...register('shopAreaM2', { setValueAs: toNumberOrNull })}
      />
      <SelectField
        label={t('admin.retailers.field.orderWeekday')}
        options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`enum.weekday.${d}` as MessageKey) }))}
        {...register('orderWeekday', { setValueAs: toNumber })}
      />
      <SelectField
        label={t('admin.retailers.field.integrity')}
        options={INTEGRITY_LEVELS.map((l) => ({ value: l, label: l }))}
        {...register('integrityLevel')}
      />
      {editing ? null : (
        <SelectField
          label={t('admin.retailers.field.accountManager')}
          placeholder={t('common.notAssigned')}
          options={managers}
          {...register('accountManagerId', { setValueAs: toNumberOrNull })}
        />
      )}
      <div className="flex flex-col gap-3 sm:col-span-2 xl:col-span-3">
        <FormMessage error={error} success={saved ? t('admin.saved') : null} />
        <div>
          <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
            {isSubmitting ? t('admin.saving') : editing ? t('common.save') : t('admin.retailers.create')}
          </Button>
        </div>
      </div>
    </form>
  );
}
