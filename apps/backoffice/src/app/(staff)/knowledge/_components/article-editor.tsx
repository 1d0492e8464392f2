'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { KNOWLEDGE_AUDIENCES, KNOWLEDGE_CATEGORIES, ZArticleFields, type TArticleFields } from '@tobacco/api/knowledge/knowledge.schema';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { useToast } from '@tobacco/ui/toast';
import { useTRPC } from '@/trpc/react';
import { errorText, fieldError, FormMessage } from '../../admin/_components/feedback';
import { RichTextField } from '../../promotions/_components/rich-text';
import { audienceLabel, categoryLabel } from './labels';

type Department = { id: number; name: string; nameEn: string };
const toNumber = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : Number(v));

/** Writes an article in both languages; a new one is saved as a draft and opened for publishing. */
export function ArticleEditor({
  article,
  initial,
  departments,
}: {
  article?: { id: number; version: number };
  initial: TArticleFields;
  departments: Department[];
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.knowledge.create.mutationOptions());
  const update = useMutation(trpc.knowledge.update.mutationOptions());
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<TArticleFields>({ resolver: zodResolver(ZArticleFields) as never, defaultValues: initial });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    try {
      if (article) {
        await update.mutateAsync({ ...values, ...article });
        toast(t('knowledge.staff.saved'));
        router.refresh();
      } else {
        const created = await create.mutateAsync(values);
        toast(t('knowledge.staff.saved'));
        router.push(`/knowledge/${created.id}`);
      }
    } catch (e) {
      setError(errorText(t, e));
    }
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-5 rounded-xl border border-line bg-surface p-4 sm:p-6"
      data-testid="kb-editor"
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label={t('knowledge.staff.field.category')}
          options={KNOWLEDGE_CATEGORIES.map((c) => ({ value: c, label: t(categoryLabel(c)) }))}
          error={fieldError(t, errors.category)}
          {...register('category')}
        />
        <SelectField
          label={t('knowledge.staff.field.audience')}
          options={KNOWLEDGE_AUDIENCES.map((a) => ({ value: a, label: t(audienceLabel(a)) }))}
          error={fieldError(t, errors.audience)}
          {...register('audience')}
        />
        <SelectField
          label={t('knowledge.staff.field.department')}
          options={departments.map((d) => ({ value: d.id, label: locale === 'en' ? d.nameEn : d.name }))}
          error={fieldError(t, errors.departmentId)}
          {...register('departmentId', { setValueAs: toNumber })}
        />
      </div>
      <Controller
        control={control}
        name="tags"
        render={({ field }) => (
          <TextField
            label={t('knowledge.staff.field.tags')}
            hint={t('knowledge.staff.field.tagsHint')}
            defaultValue={(field.value ?? []).join(', ')}
            error={fieldError(t, Array.isArray(errors.tags) ? errors.tags.find(Boolean) : errors.tags)}
            onChange={(e) =>
              field.onChange(
                e.target.value
                  .split(/[,，、]/)
                  .map((s) => s.trim())
                  .filter(Boolean),
              )
            }
            onBlur={field.onBlur}
          />
        )}
      />
      <TextField
        label={t('knowledge.staff.field.titleZh')}
        maxLength={120}
        error={fieldError(t, errors.titleZh)}
        {...register('titleZh')}
      />
      <Controller
        control={control}
        name="bodyZh"
        render={({ field }) => (
          <RichTextField
            label={t('knowledge.staff.field.bodyZh')}
            hint={t('knowledge.staff.field.bodyHint')}
            error={fieldError(t, errors.bodyZh)}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <TextField
        label={t('knowledge.staff.field.titleEn')}
        maxLength={120}
        error={fieldError(t, errors.titleEn)}
        {...register('titleEn')}
      />
      <Controller
        control={control}
        name="bodyEn"
        render={({ field }) => (
          <RichTextField
            label={t('knowledge.staff.field.bodyEn')}
            hint={t('knowledge.staff.field.bodyHint')}
            error={fieldError(t, errors.bodyEn)}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <FormMessage error={error} />
      <div>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
          {t('knowledge.staff.save')}
        </Button>
      </div>
    </form>
  );
}
