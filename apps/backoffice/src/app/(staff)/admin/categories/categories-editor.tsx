'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { SERVICE_DIMENSIONS, ZCategoryInput, type TCategoryInput } from '@tobacco/api/admin/organisation.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { ActiveBadge, fieldError, FormMessage, RetireOrRestore, toNumberOrNull } from '../_components/feedback';

type Named = { id: number; name: string; nameEn: string; active: boolean };
type Category = TCategoryInput & { id: number; active: boolean; depth: number; complaints: number; department: Named };

const BLANK: TCategoryInput = {
  code: '',
  name: '',
  nameEn: '',
  dimension: 'OTHER',
  parentId: null,
  departmentId: 0,
  acceptSlaDays: null,
  resolveSlaDays: null,
};

/** The complaint category tree: owning department, optional SLA overrides, retire instead of delete. */
export function CategoriesEditor({ categories, departments }: { categories: Category[]; departments: Named[] }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { error, run } = useAction();
  const create = useMutation(trpc.admin.categories.create.mutationOptions());
  const update = useMutation(trpc.admin.categories.update.mutationOptions());
  const setActive = useMutation(trpc.admin.categories.setActive.mutationOptions());
  const [editing, setEditing] = useState<Category | null>(null);
  const name = (o: { name: string; nameEn: string }) => (locale === 'en' ? o.nameEn : o.name);
  const { register, handleSubmit, formState, reset } = useForm<TCategoryInput>({
    resolver: zodResolver(ZCategoryInput),
    defaultValues: BLANK,
  });

  const startEdit = (category: Category | null) => {
    setEditing(category);
    reset(
      category
        ? {
            code: category.code,
            name: category.name,
            nameEn: category.nameEn,
            dimension: category.dimension,
            parentId: category.parentId,
            departmentId: category.departmentId,
            acceptSlaDays: category.acceptSlaDays,
            resolveSlaDays: category.resolveSlaDays,
          }
        : BLANK,
    );
  };

  const onSubmit = handleSubmit(async (values) => {
    const ok = await run(
      () => (editing ? update.mutateAsync({ id: editing.id, ...values }) : create.mutateAsync(values)),
      t('admin.saved'),
    );
    if (ok) startEdit(null);
  });

  const departmentOptions = departments
    .filter((d) => d.active || d.id === editing?.departmentId)
    .map((d) => ({ value: d.id, label: name(d) }));
  const parentOptions = categories
    .filter((c) => c.id !== editing?.id)
    .map((c) => ({ value: c.id, label: `${'— '.repeat(c.depth)}${name(c)}` }));
  const days = (value: number | null) => (value === null ? t('admin.categories.default') : t('admin.categories.days', { days: value }));

  return (
    <div className="flex flex-col gap-5">
      <DataTable
        caption={t('admin.categories.title')}
        captionHidden
        scrollLabel={t('common.tableScroll', { name: t('admin.categories.title') })}
      >
        <thead>
          <tr>
            <Th>{t('admin.organisation.code')}</Th>
            <Th>{t('admin.organisation.name')}</Th>
            <Th>{t('admin.categories.dimension')}</Th>
            <Th>{t('admin.categories.department')}</Th>
            <Th>{t('admin.categories.acceptSla')}</Th>
            <Th>{t('admin.categories.resolveSla')}</Th>
            <Th className="text-right">{t('admin.categories.cases')}</Th>
            <Th>{t('admin.organisation.state')}</Th>
            <Th>{t('admin.organisation.actions')}</Th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.id} data-testid="category-row">
              <Td className="font-mono">{c.code}</Td>
              <Td style={{ paddingLeft: `${0.75 + c.depth * 1.25}rem` }}>{name(c)}</Td>
              <Td className="whitespace-nowrap">{t(`admin.dimension.${c.dimension}` as MessageKey)}</Td>
              <Td className="whitespace-nowrap">{name(c.department)}</Td>
              <Td className="whitespace-nowrap">{days(c.acceptSlaDays)}</Td>
              <Td className="whitespace-nowrap">{days(c.resolveSlaDays)}</Td>
              <Td className="text-right tabular-nums">{c.complaints}</Td>
              <Td>
                <ActiveBadge active={c.active} />
              </Td>
              <Td>
                <div className="flex flex-wrap gap-2">
                  <Button variant="ghost" onClick={() => startEdit(c)}>
                    {t('admin.edit')}
                  </Button>
                  <RetireOrRestore
                    active={c.active}
                    question={t('admin.categories.retireQuestion', { name: name(c) })}
                    onSetActive={(active) =>
                      void run(() => setActive.mutateAsync({ id: c.id, active }), t(active ? 'admin.restoredDone' : 'admin.retiredDone'))
                    }
                  />
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <section aria-labelledby="category-form-title" className="flex flex-col gap-3">
        <h2 id="category-form-title" className="text-xl font-bold">
          {editing ? t('admin.categories.editTitle', { name: name(editing) }) : t('admin.categories.addTitle')}
        </h2>
        <form
          onSubmit={onSubmit}
          noValidate
          className="grid gap-4 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 xl:grid-cols-4"
        >
          <TextField
            label={t('admin.organisation.code')}
            autoComplete="off"
            error={fieldError(t, formState.errors.code)}
            {...register('code')}
          />
          <TextField
            label={t('admin.organisation.name')}
            autoComplete="off"
            error={fieldError(t, formState.errors.name)}
            {...register('name')}
          />
          <TextField
            label={t('admin.organisation.nameEn')}
            autoComplete="off"
            error={fieldError(t, formState.errors.nameEn)}
            {...register('nameEn')}
          />
          <SelectField
            label={t('admin.categories.dimension')}
            options={SERVICE_DIMENSIONS.map((d) => ({ value: d, label: t(`admin.dimension.${d}` as MessageKey) }))}
            {...register('dimension')}
          />
          <SelectField
            label={t('admin.categories.parent')}
            placeholder={t('admin.categories.noParent')}
            options={parentOptions}
            {...register('parentId', { setValueAs: toNumberOrNull })}
          />
          <SelectField
            label={t('admin.categories.department')}
            placeholder={t('admin.choose')}
            options={departmentOptions}
            error={fieldError(t, formState.errors.departmentId)}
            {...register('departmentId', { setValueAs: (v) => (v === '' ? 0 : Number(v)) })}
          />
          <TextField
            label={t('admin.categories.acceptSla')}
            hint={t('admin.categories.slaHint')}
            inputMode="numeric"
            autoComplete="off"
            error={fieldError(t, formState.errors.acceptSlaDays)}
            {...register('acceptSlaDays', { setValueAs: toNumberOrNull })}
          />
          <TextField
            label={t('admin.categories.resolveSla')}
            hint={t('admin.categories.slaHint')}
            inputMode="numeric"
            autoComplete="off"
            error={fieldError(t, formState.errors.resolveSlaDays)}
            {...register('resolveSlaDays', { setValueAs: toNumberOrNull })}
          />
          <div className="flex flex-wrap gap-3 sm:col-span-2 xl:col-span-4">
            <Button type="submit" disabled={formState.isSubmitting}>
              {editing ? t('common.save') : t('admin.add')}
            </Button>
            {editing ? (
              <Button variant="ghost" onClick={() => startEdit(null)}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </div>
        </form>
        <FormMessage error={error} />
      </section>
    </div>
  );
}
