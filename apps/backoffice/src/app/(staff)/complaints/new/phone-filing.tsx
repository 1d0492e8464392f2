'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { CASE_KINDS } from '@tobacco/api/complaints/complaints.constants';
import { ZFileByPhoneFields, type TFileByPhoneFields } from '@tobacco/api/complaints/complaints.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField, type Option } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { TextAreaField } from '@tobacco/ui/text-area';
import { useTRPC } from '@/trpc/react';

const newKey = () => crypto.randomUUID().replaceAll('-', '');
const card = 'flex flex-col gap-4 rounded-xl border border-line bg-surface p-4 shadow-sm';

/** The call-centre agent finds the caller's shop by licence number or phone, then records the case for it. */
export function PhoneFiling({ categories }: { categories: Option[] }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const [qError, setQError] = useState<string>();
  const [shop, setShop] = useState<{ id: number; label: string } | null>(null);
  const [key] = useState(newKey);
  const [formError, setFormError] = useState<string | null>(null);
  const found = useQuery({ ...trpc.complaints.lookupRetailer.queryOptions({ q: search ?? '' }), enabled: search !== null });
  const file = useMutation(trpc.complaints.fileForRetailer.mutationOptions());
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors },
  } = useForm<TFileByPhoneFields>({
    resolver: zodResolver(ZFileByPhoneFields),
    defaultValues: { kind: 'COMPLAINT', subject: '', description: '', idempotencyKey: key, retailerId: 0, channel: 'PHONE' },
  });
  const fieldError = (message?: string) => (message ? t((message.includes('.') ? message : 'errors.VALIDATION') as MessageKey) : undefined);
  const numberOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

  const lookup = (e: FormEvent) => {
    e.preventDefault();
    const value = q.trim();
    if (!/^\d{3,20}$/.test(value)) return setQError(t('complaints.validation.lookup'));
    setQError(undefined);
    setShop(null);
    setSearch(value);
  };

  const onSubmit = handleSubmit(async (values) => {
    if (!shop) return;
    setFormError(null);
    try {
      const out = await file.mutateAsync({ ...values, retailerId: shop.id, idempotencyKey: key });
      router.push(`/complaints/${out.id}`);
    } catch (error) {
      const m = errorMessageOf(error);
      setFormError(t(m.key, m.params));
    }
  });

  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby="lookup-title" className={card}>
        <h2 id="lookup-title" className="text-lg font-bold">
          {t('complaints.phone.step1')}
        </h2>
        <form onSubmit={lookup} role="search" noValidate className="flex flex-wrap items-end gap-3">
          <TextField
            label={t('complaints.phone.lookup')}
            hint={t('complaints.phone.lookupHint')}
            inputMode="numeric"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            error={qError}
            className="min-w-64 flex-1"
          />
          <Button type="submit">{t('common.search')}</Button>
        </form>
        {search !== null ? (
          found.isPending ? (
            <p role="status">{t('common.loading')}</p>
          ) : found.isError ? (
            <p role="alert" className="text-danger-700">
              {(() => {
                const m = errorMessageOf(found.error);
                return t(m.key, m.params);
              })()}
            </p>
          ) : found.data.length === 0 ? (
            <p role="status">{t('complaints.phone.noMatch')}</p>
          ) : (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 font-semibold">{t('complaints.phone.pick')}</legend>
              {found.data.map((r) => {
                const label = `${r.shopName} · ${r.licenceNo}`;
                return (
                  <label
                    key={r.id}
                    className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-line px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
                  >
                    <input
                      type="radio"
                      name="shop"
                      value={r.id}
                      checked={shop?.id === r.id}
                      onChange={() => {
                        setShop({ id: r.id, label });
                        setValue('retailerId', r.id);
                      }}
                      className="size-5 accent-brand-700"
                    />
                    <span>
                      <span className="font-semibold">{label}</span>
                      <span className="block text-sm text-ink-muted">
                        {r.ownerName} · {r.phone} · {r.district.name}
                        {r.grade ? ` · ${t('common.gradeValue', { grade: r.grade })}` : ''}
                      </span>
                    </span>
                  </label>
                );
              })}
            </fieldset>
          )
        ) : null}
      </section>

      {shop ? (
        <section aria-labelledby="case-title" className={card}>
          <h2 id="case-title" className="text-lg font-bold">
            {t('complaints.phone.step2', { shop: shop.label })}
          </h2>
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                label={t('complaints.form.kind')}
                options={CASE_KINDS.map((k) => ({ value: k, label: t(`complaints.kind.${k}` as MessageKey) }))}
                error={fieldError(errors.kind?.message)}
                {...register('kind')}
              />
              <SelectField
                label={t('complaints.form.category')}
                placeholder={t('complaints.form.choose')}
                options={categories}
                error={fieldError(errors.categoryId?.message)}
                {...register('categoryId', { setValueAs: numberOrNull })}
              />
              <SelectField
                label={t('complaints.queue.channel')}
                options={[
                  { value: 'PHONE', label: t('complaints.channel.PHONE') },
                  { value: 'VISIT', label: t('complaints.channel.VISIT') },
                ]}
                {...register('channel')}
              />
            </div>
            <TextField
              label={t('complaints.form.subject')}
              maxLength={100}
              error={fieldError(errors.subject?.message)}
              {...register('subject')}
            />
            <TextAreaField
              label={t('complaints.form.description')}
              rows={5}
              maxLength={2000}
              error={fieldError(errors.description?.message)}
              {...register('description')}
            />
            {formError ? (
              <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700">
                {formError}
              </p>
            ) : null}
            <div>
              <Button type="submit" disabled={file.isPending || file.isSuccess}>
                {file.isPending || file.isSuccess ? t('complaints.form.submitting') : t('complaints.phone.submit')}
              </Button>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}
