'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { STAFF_ROLES, type StaffRoleName } from '@tobacco/auth/permissions';
import { ZCreateUserInput, ZUpdateUserInput } from '@tobacco/api/admin/users.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, fieldError, FormMessage, TemporaryPassword, toNumberOrNull } from '../_components/feedback';

type Named = { id: number; name: string; nameEn: string; active: boolean };
export type UserFormValues = {
  username: string;
  name: string;
  phone: string;
  roles: StaffRoleName[];
  districtId: number | null;
  departmentId: number | null;
};

// One form for both: the username is set once, at creation.
const ZForm = z.object({ username: z.string(), ...ZUpdateUserInput.omit({ id: true }).shape });

export function UserForm({
  userId,
  initial,
  districts,
  departments,
}: {
  userId?: number;
  initial: UserFormValues;
  districts: Named[];
  departments: Named[];
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const create = useMutation(trpc.admin.users.create.mutationOptions());
  const update = useMutation(trpc.admin.users.update.mutationOptions());
  const {
    register,
    handleSubmit,
    formState,
    setError: setFieldError,
  } = useForm<UserFormValues>({
    resolver: zodResolver(ZForm) as never,
    defaultValues: initial,
  });
  const { errors, isSubmitting } = formState;
  const name = (o: Named) => (locale === 'en' ? o.nameEn : o.name);
  // Retired districts and departments stay choosable only where the user already has them.
  const choices = (list: Named[], current: number | null) =>
    list.filter((o) => o.active || o.id === current).map((o) => ({ value: o.id, label: name(o) }));

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    try {
      if (userId === undefined) {
        const parsed = ZCreateUserInput.safeParse(values);
        if (!parsed.success) {
          setFieldError('username', { message: 'admin.validation.username' });
          return;
        }
        await create.mutateAsync(parsed.data);
      } else {
        await update.mutateAsync({
          id: userId,
          name: values.name,
          phone: values.phone,
          roles: values.roles,
          districtId: values.districtId,
          departmentId: values.departmentId,
        });
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
        <TemporaryPassword login={create.data.username} password={create.data.temporaryPassword} />
        <div className="flex flex-wrap gap-3">
          <a href={`/admin/users/${create.data.id}`} className="font-semibold text-brand-700">
            {t('admin.users.openCreated')}
          </a>
          <a href="/admin/users" className="text-brand-700">
            {t('admin.users.backToList')}
          </a>
        </div>
      </div>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid max-w-3xl gap-5 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 sm:p-6"
    >
      <TextField
        label={t('admin.users.field.username')}
        hint={userId === undefined ? t('admin.users.field.usernameHint') : undefined}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        readOnly={userId !== undefined}
        error={fieldError(t, errors.username)}
        {...register('username')}
      />
      <TextField label={t('admin.users.field.name')} autoComplete="off" error={fieldError(t, errors.name)} {...register('name')} />
      <TextField
        label={t('admin.users.field.phone')}
        inputMode="tel"
        autoComplete="off"
        error={fieldError(t, errors.phone)}
        {...register('phone')}
      />
      <SelectField
        label={t('admin.users.field.district')}
        placeholder={t('admin.none')}
        options={choices(districts, initial.districtId)}
        {...register('districtId', { setValueAs: toNumberOrNull })}
      />
      <SelectField
        label={t('admin.users.field.department')}
        placeholder={t('admin.none')}
        options={choices(departments, initial.departmentId)}
        {...register('departmentId', { setValueAs: toNumberOrNull })}
      />
      <fieldset className="sm:col-span-2" aria-describedby={errors.roles ? 'roles-error' : undefined}>
        <legend className="font-semibold text-ink">{t('admin.users.field.roles')}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {STAFF_ROLES.map((role) => (
            <label key={role} className="flex min-h-11 items-center gap-2 rounded-lg border border-line px-3">
              <input type="checkbox" value={role} className="size-5" {...register('roles')} />
              {t(`enum.role.${role}` as MessageKey)}
            </label>
          ))}
        </div>
        {errors.roles ? (
          <p id="roles-error" className="mt-1 text-sm font-medium text-danger-700">
            {fieldError(t, errors.roles)}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-col gap-3 sm:col-span-2">
        <FormMessage error={error} success={saved ? t('admin.saved') : null} />
        <div>
          <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
            {isSubmitting ? t('admin.saving') : userId === undefined ? t('admin.users.create') : t('common.save')}
          </Button>
        </div>
      </div>
    </form>
  );
}
