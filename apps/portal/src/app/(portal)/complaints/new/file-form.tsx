'use client';

import { lazyZodResolver } from '@/lib/lazy-resolver';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { CASE_KINDS } from '@tobacco/api/complaints/complaints.constants';
import type { TFileComplaintFields } from '@tobacco/api/complaints/complaints.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField, type Option } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { TextAreaField } from '@tobacco/ui/text-area';
import { FileInput, postWithFiles } from '../_lib/file-input';
import { KnowledgeSuggestions } from './suggestions';

const filingChecks = lazyZodResolver(() => import('@tobacco/api/complaints/complaints.schema').then((m) => m.ZFileComplaintFields));

// One key per form on this device: a double tap, or a retry after a lost answer, files one case.
const newKey = () => crypto.randomUUID().replaceAll('-', '');

export function FileForm({ categories, orders }: { categories: Option[]; orders: Option[] }) {
  const t = useT();
  const router = useRouter();
  const kindId = useId();
  const [key] = useState(newKey);
  const [files, setFiles] = useState<File[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  // Set only once the case exists: a failed attempt (the network, the server) leaves the form as typed and
  // the button ready for a retry. (react-hook-form's isSubmitSuccessful is true after any handled attempt.)
  const [filed, setFiled] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<TFileComplaintFields>({
    resolver: filingChecks.resolver,
    defaultValues: { kind: 'COMPLAINT', subject: '', description: '', idempotencyKey: key, relatedOrderId: null },
  });
  const fieldError = (message?: string) => (message ? t((message.includes('.') ? message : 'errors.VALIDATION') as MessageKey) : undefined);
  const numberOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await postWithFiles<{ id: number; caseNo: string }>('/complaints/new/submit', { ...values, idempotencyKey: key }, files);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (['kind', 'categoryId', 'subject', 'description'].includes(field))
          setError(field as keyof TFileComplaintFields, { message: messages[0] });
      }
      setFormError(t(result.error.key as MessageKey, result.error.params));
      return;
    }
    setFiled(true);
    router.push(`/complaints/${result.data.id}?filed=1`);
  });
  const busy = isSubmitting || filed;
  const [subject, description] = useWatch({ control, name: ['subject', 'description'] });
  const draftText = `${subject ?? ''} ${description ?? ''}`;

  return (
    <form onSubmit={onSubmit} onFocus={filingChecks.preload} noValidate className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.kind ? `${kindId}-error` : undefined}>
        <legend className="mb-1 font-semibold text-ink">{t('complaints.form.kind')}</legend>
        {CASE_KINDS.map((kind) => (
          <label
            key={kind}
            className="flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border border-line px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input type="radio" value={kind} className="mt-1.5 size-5 accent-brand-700" {...register('kind')} />
            <span className="flex flex-col">
              <span className="text-lg font-semibold">{t(`complaints.kind.${kind}` as MessageKey)}</span>
              <span className="text-sm text-ink-muted">{t(`complaints.kindHint.${kind}` as MessageKey)}</span>
            </span>
          </label>
        ))}
        {errors.kind ? (
          <p id={`${kindId}-error`} className="text-sm font-medium text-danger-700">
            {fieldError(errors.kind.message)}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        label={t('complaints.form.category')}
        placeholder={t('complaints.form.choose')}
        options={categories}
        error={fieldError(errors.categoryId?.message)}
        {...register('categoryId', { setValueAs: numberOrNull })}
      />
      <TextField
        label={t('complaints.form.subject')}
        maxLength={100}
        error={fieldError(errors.subject?.message)}
        {...register('subject')}
      />
      <TextAreaField
        label={t('complaints.form.description')}
        hint={t('complaints.form.descriptionHint')}
        rows={5}
        maxLength={2000}
        error={fieldError(errors.description?.message)}
        {...register('description')}
      />
      <KnowledgeSuggestions text={draftText} />
      {orders.length > 0 ? (
        <SelectField
          label={t('complaints.form.relatedOrder')}
          placeholder={t('complaints.form.noOrder')}
          options={orders}
          {...register('relatedOrderId', { setValueAs: numberOrNull })}
        />
      ) : null}
      <FileInput files={files} onChange={setFiles} disabled={busy} />
      {formError ? (
        <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700">
          {formError}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('complaints.form.submitting') : t('complaints.form.submit')}
      </Button>
    </form>
  );
}
