'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { PAGE_SIZES, ZListRetailersInput, type TListRetailersInput } from '@tobacco/api/retailers/retailers.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { type Translate, withNote } from '@tobacco/i18n/translator';
import { Button, buttonClass } from '@tobacco/ui/button';
import { SelectField, TextField, type Option } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { EmptyState, ErrorState, LoadingState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { ClientListPagination } from '@/components/list-kit-client';
import { useTRPC } from '@/trpc/react';
import { parseListParams, toListSearch } from './list-params';

const GRADES = Array.from({ length: 30 }, (_, i) => i + 1);
const STATUS_STYLE: Record<string, string> = {
  ACTIVE: 'bg-success-50 text-success-700',
  SUSPENDED: 'bg-warning-50 text-warning-800',
  CANCELLED: 'bg-danger-50 text-danger-700',
};

// Selects hand over strings; the schema wants numbers or nothing.
const toOptionalNumber = (value: unknown) => (value === '' || value === undefined || value === null ? undefined : Number(value));

type FilterOptions = { districts: Option[]; accountManagers: Option[] };

function Filters({
  input,
  options,
  optionsReady,
  onSearch,
  t,
}: {
  input: TListRetailersInput;
  options: FilterOptions;
  optionsReady: boolean;
  onSearch: (input: TListRetailersInput) => void;
  t: Translate;
}) {
  const pathname = usePathname();
  const values = useMemo(
    (): TListRetailersInput => ({
      q: input.q ?? '',
      districtId: input.districtId,
      grade: input.grade,
      accountManagerId: input.accountManagerId,
      pageSize: input.pageSize ?? 20,
    }),
    // A new object once the options arrive, so the selects are set again when their options exist.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [input, optionsReady],
  );
  // `values` keeps the form in step with the address when the back button changes it; what the user has
  // typed meanwhile (before the options arrived, say) is kept.
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(ZListRetailersInput),
    values,
    resetOptions: { keepDirtyValues: true },
  });
  const { errors } = formState;
  const numeric = { setValueAs: toOptionalNumber };

  return (
    <form
      role="search"
      aria-label={t('backoffice.retailers.filters')}
      onSubmit={handleSubmit((output) => onSearch({ ...output, page: 1 }))}
      className="grid gap-4 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 xl:grid-cols-6"
    >
      <TextField
        type="search"
        label={t('backoffice.retailers.search')}
        placeholder={t('backoffice.retailers.searchPlaceholder')}
        autoComplete="off"
        enterKeyHint="search"
        className="sm:col-span-2"
        error={errors.q ? t('errors.VALIDATION') : undefined}
        {...register('q')}
      />
      <SelectField
        label={t('backoffice.retailers.district')}
        placeholder={t('common.all')}
        options={options.districts}
        {...register('districtId', numeric)}
      />
      <SelectField
        label={t('backoffice.retailers.grade')}
        placeholder={t('common.all')}
        options={GRADES.map((grade) => ({ value: grade, label: t('common.gradeValue', { grade }) }))}
        {...register('grade', numeric)}
      />
      <SelectField
        label={t('backoffice.retailers.accountManager')}
        placeholder={t('common.all')}
        options={options.accountManagers}
        {...register('accountManagerId', numeric)}
      />
      <SelectField
        label={t('backoffice.retailers.pageSize')}
        options={PAGE_SIZES.map((size) => ({ value: size, label: t('backoffice.retailers.pageSizeOption', { size }) }))}
        {...register('pageSize', numeric)}
      />
      <div className="flex flex-wrap gap-3 sm:col-span-2 xl:col-span-6">
        <Button type="submit">{t('common.search')}</Button>
        <a href={pathname} className={buttonClass('secondary')}>
          {t('common.reset')}
        </a>
      </div>
    </form>
  );
}

/** The retailer list: filters in the address, searched on the server, one page at a time. */
export function RetailerList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const input = useMemo(() => parseListParams(searchParams), [searchParams]);

  const list = useQuery(trpc.retailers.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const filterOptions = useQuery(trpc.retailers.filterOptions.queryOptions(undefined, { staleTime: 5 * 60_000 }));

  const options: FilterOptions = useMemo(
    () => ({
      districts: (filterOptions.data?.districts ?? []).map((d) => ({ value: d.id, label: locale === 'en' ? d.nameEn : d.name })),
      accountManagers: (filterOptions.data?.accountManagers ?? []).map((m) => ({ value: m.id, label: withNote(t, m.name, m.username) })),
    }),
    [filterOptions.data, locale, t],
  );

  const search = (next: TListRetailersInput) => router.push(`${pathname}${toListSearch(next)}`, { scroll: false });
  const updating = list.isFetching && list.isPlaceholderData;

  return (
    <div className="flex flex-col gap-5">
      <Filters input={input} options={options} optionsReady={filterOptions.isSuccess} onSearch={search} t={t} />

      {list.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : list.isError ? (
        <ErrorState
          title={t('common.loadFailed')}
          message={(() => {
            const message = errorMessageOf(list.error);
            return t(message.key, message.params);
          })()}
          action={
            <Button variant="secondary" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('backoffice.retailers.empty')} body={t('backoffice.retailers.emptyHint')} />
      ) : (
        <>
          <p role="status" className={updating ? 'text-ink-muted' : 'sr-only'}>
            {updating ? t('backoffice.retailers.updating') : ''}
          </p>
          <DataTable
            caption={t('backoffice.retailers.caption')}
            captionHidden
            scrollLabel={t('common.tableScroll', { name: t('backoffice.retailers.caption') })}
            aria-busy={updating || undefined}
            className={updating ? 'opacity-70' : undefined}
          >
            <thead>
              <tr>
                <Th>{t('backoffice.retailers.col.licenceNo')}</Th>
                <Th>{t('backoffice.retailers.col.shopName')}</Th>
                <Th>{t('backoffice.retailers.col.owner')}</Th>
                <Th>{t('backoffice.retailers.col.phone')}</Th>
                <Th>{t('backoffice.retailers.col.district')}</Th>
                <Th>{t('backoffice.retailers.col.classification')}</Th>
                <Th className="text-right">{t('backoffice.retailers.col.grade')}</Th>
                <Th>{t('backoffice.retailers.col.integrity')}</Th>
                <Th>{t('backoffice.retailers.col.accountManager')}</Th>
                <Th>{t('backoffice.retailers.col.status')}</Th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id} data-testid="retailer-row" className="hover:bg-brand-50">
                  <Td className="font-mono whitespace-nowrap">{r.licenceNo}</Td>
                  <th scope="row" className="border-b border-line px-3 py-2 text-left align-top font-semibold text-ink">
                    <Link href={`/retailers/${r.id}`}>{r.shopName}</Link>
                  </th>
                  <Td className="whitespace-nowrap">{r.ownerName}</Td>
                  <Td className="font-mono whitespace-nowrap">{r.phone}</Td>
                  <Td className="whitespace-nowrap">{locale === 'en' ? r.district.nameEn : r.district.name}</Td>
                  <Td className="font-mono">{r.classificationCode}</Td>
                  <Td className="text-right whitespace-nowrap">{r.grade ? t('common.gradeValue', { grade: r.grade }) : '—'}</Td>
                  <Td>{r.integrityLevel}</Td>
                  <Td className="whitespace-nowrap">{r.accountManager?.name ?? t('common.notAssigned')}</Td>
                  <Td>
                    <span
                      className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ${STATUS_STYLE[r.status] ?? ''}`}
                    >
                      {t(`enum.status.${r.status}` as MessageKey)}
                    </span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <ClientListPagination
            page={list.data.page}
            pages={list.data.pages}
            total={list.data.total}
            hrefFor={(page) => `${pathname}${toListSearch({ ...input, page })}`}
          />
        </>
      )}
    </div>
  );
}
