'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { parseLicenceList } from '@tobacco/api/promotions/promotions.reach.rules';
import { TARGET_INTEGRITY_LEVELS, ZPromotionDraft, type TPromotionDraft } from '@tobacco/api/promotions/promotions.staff.schema';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, fieldError, FormMessage } from '../../admin/_components/feedback';
import { ReachPanel } from './reach-panel';
import { RichTextField } from './rich-text';

type Named = { id: number; name: string; nameEn: string };
type Product = { id: number; code: string; brand: string; name: string };
export type EditorValues = Omit<TPromotionDraft, 'namedListLicences'>;

const TEXTAREA =
  'block w-full rounded-lg border border-control bg-surface px-3 py-2 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger-700';
const toGrade = (value: unknown) => (value === '' || value === null || value === undefined || Number.isNaN(value) ? null : Number(value));

/** Debounces a value so the reach query runs when the author pauses, not on every keystroke. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The promotion draft: content, products, window and target, with the reach of the target shown beside
 * it while it is edited (including an uploaded list of licence numbers).
 */
export function PromotionEditor({
  promotionId,
  initial,
  initialProducts,
  districts,
}: {
  promotionId?: number;
  initial: EditorValues;
  initialProducts: Product[];
  districts: Named[];
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.promotions.create.mutationOptions());
  const update = useMutation(trpc.promotions.update.mutationOptions());
  const { register, handleSubmit, control, formState, setValue } = useForm<EditorValues>({
    resolver: zodResolver(ZPromotionDraft) as never,
    defaultValues: initial,
  });
  const { errors, isSubmitting } = formState;
  const target = useWatch({ control, name: 'target' });
  const productIds = useWatch({ control, name: 'productIds' });

  // The named list lives beside the form: pasted or uploaded text, read into licence numbers.
  const storedList = useQuery({
    ...trpc.promotions.namedList.queryOptions({ id: promotionId ?? 0 }),
    enabled: promotionId !== undefined && initial.target.targetNamedList,
  });
  const [listText, setListText] = useState<string | null>(null);
  const listValue = listText ?? (storedList.data ? storedList.data.join('\n') : '');
  const parsedList = useMemo(() => parseLicenceList(listValue), [listValue]);
  const listTouched = listText !== null;

  const reachInput = useDebounced(
    {
      target: { ...target, targetGradeMin: toGrade(target.targetGradeMin), targetGradeMax: toGrade(target.targetGradeMax) },
      namedListLicences: target.targetNamedList && (listTouched || promotionId === undefined) ? parsedList.licences : undefined,
      promotionId,
    },
    400,
  );

  const [productQuery, setProductQuery] = useState('');
  const debouncedQuery = useDebounced(productQuery, 300);
  const found = useQuery(trpc.promotions.products.queryOptions({ q: debouncedQuery }));
  const [known, setKnown] = useState<Map<number, Product>>(() => new Map(initialProducts.map((p) => [p.id, p])));
  const addProduct = (product: Product) => {
    setKnown((map) => new Map(map).set(product.id, product));
    if (!productIds.includes(product.id)) setValue('productIds', [...productIds, product.id], { shouldDirty: true });
  };
  const removeProduct = (id: number) =>
    setValue(
      'productIds',
      productIds.filter((p) => p !== id),
      { shouldDirty: true },
    );

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    if (values.target.targetNamedList && parsedList.invalid.length > 0) {
      setError(t('promotions.staff.list.fixInvalid'));
      return;
    }
    const draft = {
      ...values,
      namedListLicences: values.target.targetNamedList && (listTouched || promotionId === undefined) ? parsedList.licences : undefined,
    };
    try {
      const result = promotionId === undefined ? await create.mutateAsync(draft) : await update.mutateAsync({ id: promotionId, draft });
      router.push(`/promotions/${result.id}`);
      router.refresh();
    } catch (e) {
      setError(errorText(t, e));
    }
  });

  const name = (o: Named) => (locale === 'en' ? o.nameEn : o.name);
  const onListFile = async (file: File | undefined) => {
    if (!file) return;
    setListText(await file.text());
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="flex flex-col gap-5">
        <section aria-labelledby="content-heading" className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4">
          <h2 id="content-heading" className="text-lg font-bold">
            {t('promotions.staff.form.content')}
          </h2>
          <TextField label={t('promotions.staff.form.title')} error={fieldError(t, errors.title)} {...register('title')} />
          <Controller
            control={control}
            name="body"
            render={({ field }) => (
              <RichTextField
                label={t('promotions.staff.form.body')}
                hint={t('promotions.staff.form.bodyHint')}
                error={fieldError(t, errors.body)}
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="promotion-terms" className="font-semibold">
              {t('promotions.staff.form.terms')}
            </label>
            <textarea
              id="promotion-terms"
              rows={3}
              className={TEXTAREA}
              aria-invalid={errors.terms ? true : undefined}
              aria-describedby={errors.terms ? 'promotion-terms-error' : undefined}
              {...register('terms')}
            />
            {errors.terms ? (
              <p id="promotion-terms-error" className="text-sm font-medium text-danger-700">
                {fieldError(t, errors.terms)}
              </p>
            ) : null}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              type="datetime-local"
              label={t('promotions.staff.form.startsAt')}
              error={fieldError(t, errors.startsAt)}
              {...register('startsAt')}
            />
            <TextField
              type="datetime-local"
              label={t('promotions.staff.form.endsAt')}
              error={fieldError(t, errors.endsAt)}
              {...register('endsAt')}
            />
          </div>
        </section>

        <section aria-labelledby="products-heading" className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
          <h2 id="products-heading" className="text-lg font-bold">
            {t('promotions.staff.form.products')}
          </h2>
          {productIds.length === 0 ? (
            <p className="text-ink-muted">{t('promotions.staff.form.noProducts')}</p>
          ) : (
            <ul className="flex flex-wrap gap-2" aria-label={t('promotions.staff.form.chosenProducts')}>
              {productIds.map((id) => {
                const product = known.get(id);
                return (
                  <li key={id} className="flex items-center gap-1 rounded-full border border-line bg-canvas py-1 pr-1 pl-3">
                    <span>{product ? `${product.brand} ${product.name}` : `#${id}`}</span>
                    <button
                      type="button"
                      onClick={() => removeProduct(id)}
                      className="min-h-9 min-w-9 rounded-full hover:bg-danger-50"
                      aria-label={t('promotions.staff.form.removeProduct', {
                        name: product ? `${product.brand} ${product.name}` : `#${id}`,
                      })}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <TextField
            type="search"
            label={t('promotions.staff.form.findProduct')}
            value={productQuery}
            onChange={(e) => setProductQuery(e.target.value)}
          />
          {found.data && found.data.length > 0 ? (
            <ul
              className="flex max-h-56 flex-col overflow-y-auto rounded-lg border border-line"
              aria-label={t('promotions.staff.form.productResults')}
            >
              {found.data.map((product) => (
                <li key={product.id} className="flex items-center justify-between gap-2 border-b border-line px-3 py-1 last:border-b-0">
                  <span>
                    {product.brand} {product.name} <span className="text-sm text-ink-muted">{product.code}</span>
                  </span>
                  <Button variant="ghost" disabled={productIds.includes(product.id)} onClick={() => addProduct(product)}>
                    {productIds.includes(product.id) ? t('promotions.staff.form.added') : t('promotions.staff.form.add')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section aria-labelledby="target-heading" className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4">
          <h2 id="target-heading" className="text-lg font-bold">
            {t('promotions.staff.form.target')}
          </h2>
          <label className="flex min-h-11 items-center gap-3 font-semibold">
            <input type="checkbox" className="size-5" {...register('target.targetNamedList')} />
            {t('promotions.staff.form.useNamedList')}
          </label>
          {target.targetNamedList ? (
            <div className="flex flex-col gap-2">
              <label htmlFor="named-list" className="font-semibold">
                {t('promotions.staff.list.label')}
              </label>
              <p id="named-list-hint" className="text-sm text-ink-subtle">
                {t('promotions.staff.list.hint')}
              </p>
              <textarea
                id="named-list"
                rows={6}
                aria-describedby="named-list-hint named-list-status"
                className={`${TEXTAREA} font-mono`}
                value={listValue}
                onChange={(e) => setListText(e.target.value)}
                data-testid="named-list"
              />
              <div>
                <label htmlFor="named-list-file" className="font-semibold">
                  {t('promotions.staff.list.upload')}
                </label>
                <input
                  id="named-list-file"
                  type="file"
                  accept=".csv,.txt,text/csv,text/plain"
                  className="mt-1 block min-h-11"
                  onChange={(e) => void onListFile(e.target.files?.[0])}
                />
              </div>
              <p id="named-list-status" role="status" className="text-ink-muted">
                {t('promotions.staff.list.status', { n: parsedList.licences.length, duplicates: parsedList.duplicates })}
              </p>
              {parsedList.invalid.length > 0 ? (
                <div role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-3 py-2 text-danger-700">
                  <p className="font-semibold">{t('promotions.staff.list.invalid', { n: parsedList.invalid.length })}</p>
                  <ul className="list-disc pl-6">
                    {parsedList.invalid.slice(0, 10).map((entry, i) => (
                      <li key={i}>{t('promotions.staff.list.invalidEntry', { line: entry.line, value: entry.value })}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          ) : (
            <>
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  type="number"
                  min={1}
                  max={30}
                  label={t('promotions.staff.form.gradeMin')}
                  error={fieldError(t, errors.target?.targetGradeMin)}
                  {...register('target.targetGradeMin', { setValueAs: toGrade })}
                />
                <TextField
                  type="number"
                  min={1}
                  max={30}
                  label={t('promotions.staff.form.gradeMax')}
                  error={fieldError(t, errors.target?.targetGradeMax)}
                  {...register('target.targetGradeMax', { setValueAs: toGrade })}
                />
              </div>
              <Controller
                control={control}
                name="target.targetClassifications"
                render={({ field }) => (
                  <TextField
                    label={t('promotions.staff.form.classifications')}
                    hint={t('promotions.staff.form.classificationsHint')}
                    error={errors.target?.targetClassifications ? t('promotions.staff.validation.classification') : undefined}
                    defaultValue={field.value.join(', ')}
                    onChange={(e) =>
                      field.onChange(
                        e.target.value
                          .toUpperCase()
                          .split(/[\s,，、;；]+/)
                          .filter(Boolean),
                      )
                    }
                  />
                )}
              />
              <fieldset className="flex flex-col gap-2">
                <legend className="font-semibold">{t('promotions.staff.form.districts')}</legend>
                <p className="text-sm text-ink-subtle">{t('promotions.staff.form.noneMeansAll')}</p>
                <Controller
                  control={control}
                  name="target.targetDistrictIds"
                  render={({ field }) => (
                    <div className="grid grid-cols-2 gap-1 sm:grid-cols-3">
                      {districts.map((d) => (
                        <label key={d.id} className="flex min-h-11 items-center gap-2">
                          <input
                            type="checkbox"
                            className="size-5"
                            checked={field.value.includes(d.id)}
                            onChange={(e) =>
                              field.onChange(e.target.checked ? [...field.value, d.id] : field.value.filter((v) => v !== d.id))
                            }
                          />
                          {name(d)}
                        </label>
                      ))}
                    </div>
                  )}
                />
              </fieldset>
              <fieldset className="flex flex-col gap-2">
                <legend className="font-semibold">{t('promotions.staff.form.integrity')}</legend>
                <Controller
                  control={control}
                  name="target.targetIntegrityLevels"
                  render={({ field }) => (
                    <div className="flex flex-wrap gap-4">
                      {TARGET_INTEGRITY_LEVELS.map((level) => (
                        <label key={level} className="flex min-h-11 items-center gap-2">
                          <input
                            type="checkbox"
                            className="size-5"
                            checked={field.value.includes(level)}
                            onChange={(e) =>
                              field.onChange(e.target.checked ? [...field.value, level] : field.value.filter((v) => v !== level))
                            }
                          />
                          {level}
                        </label>
                      ))}
                    </div>
                  )}
                />
              </fieldset>
            </>
          )}
        </section>

        <FormMessage error={error} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" size="lg" disabled={isSubmitting}>
            {promotionId === undefined ? t('promotions.staff.form.create') : t('promotions.staff.form.save')}
          </Button>
          <Button variant="secondary" size="lg" onClick={() => router.back()}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
      <aside aria-labelledby="reach-heading" className="xl:sticky xl:top-4 xl:self-start">
        <ReachPanel input={reachInput} districts={districts} />
      </aside>
    </form>
  );
}
