'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZReachInput, type TReachInput } from '@tobacco/api/promotions/promotions.staff.schema';
import { formatNumber } from '@tobacco/i18n/format';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { LoadingState } from '@tobacco/ui/states';
import { useTRPC } from '@/trpc/react';
import { errorText } from '../../admin/_components/feedback';
import { joinList } from '@tobacco/i18n/translator';

type Named = { id: number; name: string; nameEn: string };

/** How many active retailers the target being edited covers, by grade and by district (counted in SQL). */
export function ReachPanel({ input, districts }: { input: TReachInput; districts: Named[] }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const valid = ZReachInput.safeParse(input).success;
  const reach = useQuery({ ...trpc.promotions.reach.queryOptions(input), enabled: valid, placeholderData: keepPreviousData });
  const districtName = (id: number, fallback: string) => {
    const d = districts.find((x) => x.id === id);
    return d ? (locale === 'en' ? d.nameEn : d.name) : fallback;
  };
  return (
    <section className="flex flex-col gap-3 rounded-xl border border-brand-200 bg-brand-50 p-4" aria-busy={reach.isFetching}>
      <h2 id="reach-heading" className="text-lg font-bold text-brand-800">
        {t('promotions.staff.reach.title')}
      </h2>
      {!valid ? (
        <p className="text-ink-muted">{t('promotions.staff.reach.invalid')}</p>
      ) : reach.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : reach.isError ? (
        <p role="alert" className="text-danger-700">
          {errorText(t, reach.error)}
        </p>
      ) : (
        <>
          <p aria-live="polite" data-testid="reach-total">
            <span className="text-3xl font-bold text-brand-800">{formatNumber(reach.data.total, locale)}</span>{' '}
            <span>{t('promotions.staff.reach.retailers')}</span>
          </p>
          {reach.data.unknownLicences.length > 0 ? (
            <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-3 py-2 text-danger-700">
              {t('promotions.staff.reach.unknown', {
                n: reach.data.unknownLicences.length,
                licences: joinList(t, reach.data.unknownLicences.slice(0, 5)),
              })}
            </p>
          ) : null}
          {reach.data.total > 0 ? (
            <>
              <table className="w-full text-left text-sm">
                <caption className="text-left font-semibold">{t('promotions.staff.reach.byGrade')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="py-1">
                      {t('promotions.staff.reach.grade')}
                    </th>
                    <th scope="col" className="py-1 text-right">
                      {t('promotions.staff.reach.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reach.data.byGrade.map((row) => (
                    <tr key={row.grade ?? 'none'} className="border-t border-brand-100">
                      <td className="py-1">
                        {row.grade === null
                          ? t('promotions.staff.reach.ungraded')
                          : t('promotions.staff.reach.gradeN', { grade: row.grade })}
                      </td>
                      <td className="py-1 text-right">{formatNumber(row.n, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="w-full text-left text-sm">
                <caption className="text-left font-semibold">{t('promotions.staff.reach.byDistrict')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="py-1">
                      {t('promotions.staff.reach.district')}
                    </th>
                    <th scope="col" className="py-1 text-right">
                      {t('promotions.staff.reach.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reach.data.byDistrict.map((row) => (
                    <tr key={row.districtId} className="border-t border-brand-100">
                      <td className="py-1">{districtName(row.districtId, locale === 'en' ? row.nameEn : row.name)}</td>
                      <td className="py-1 text-right">{formatNumber(row.n, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="text-ink-muted">{t('promotions.staff.reach.none')}</p>
          )}
        </>
      )}
    </section>
  );
}
