import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { formatDate, formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { Card } from '@tobacco/ui/card';
import { TextField } from '@tobacco/ui/field';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { hrefWith, parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { GradingNav } from '../_components/grading-nav';
import { IntegrityForm } from '../_components/integrity-form';
import { ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('grading.staff.nav.integrity') };
}

const ZSearch = z.object({
  licence: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});

/** An administrator's single edit of a retailer's integrity level, and the history of any retailer in scope. */
export default async function IntegrityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('grading');
  if (denied) return denied;
  const search = parseSearch(ZSearch, await searchParams, { numbers: ['page'] });
  const [{ t, locale }, { api, requestId }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  let history = null;
  let lookupError: string | null = null;
  if (search.licence) {
    try {
      history = await api.grading.integrityHistory({ licenceNo: search.licence, page: search.page });
    } catch (error) {
      const m = errorMessageOf(error, requestId);
      lookupError = m.key === 'errors.NOT_FOUND' ? t('grading.staff.integrity.notFound') : t(m.key, m.params);
    }
  }
  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('grading.staff.integrity.description')}>{t('grading.staff.title')}</PageTitle>
      <GradingNav current="/grading/integrity" />
      {me.permissions.includes('grading.integrity') ? (
        <p>
          <Link href="/imports?kind=INTEGRITY" className={buttonClass('secondary')}>
            {t('imports.newFor', { kind: t('imports.kind.INTEGRITY') })}
          </Link>
        </p>
      ) : null}
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4">
        <TextField
          id="integrity-licence"
          name="licence"
          label={t('grading.staff.integrity.licence')}
          inputMode="numeric"
          pattern="\d{12}"
          maxLength={12}
          defaultValue={search.licence ?? ''}
          error={lookupError ?? undefined}
        />
        <button type="submit" className={buttonClass('primary')}>
          {t('grading.staff.integrity.find')}
        </button>
      </form>
      {history ? (
        <>
          <Card>
            <h2 className="text-lg font-bold">
              {history.retailer.shopName} <span className="text-ink-muted">{history.retailer.licenceNo}</span>
            </h2>
            <p>{t('grading.staff.integrity.current', { level: history.retailer.integrityLevel, grade: history.retailer.grade ?? '—' })}</p>
            {me.permissions.includes('grading.integrity') ? (
              <IntegrityForm retailerId={history.retailer.id} current={history.retailer.integrityLevel} today={history.today} />
            ) : null}
          </Card>
          <section aria-labelledby="history-heading" className="flex flex-col gap-3">
            <h2 id="history-heading" className="text-lg font-bold">
              {t('grading.staff.integrity.history')}
            </h2>
            {history.items.length === 0 ? (
              <EmptyState title={t('grading.staff.integrity.none')} />
            ) : (
              <DataTable caption={t('grading.staff.integrity.history')} captionHidden scrollLabel={t('grading.staff.review.scroll')}>
                <thead>
                  <tr>
                    <Th>{t('grading.staff.integrity.effectiveFrom')}</Th>
                    <Th>{t('grading.staff.integrity.level')}</Th>
                    <Th>{t('grading.staff.integrity.source')}</Th>
                    <Th>{t('grading.staff.integrity.note')}</Th>
                    <Th>{t('grading.staff.integrity.recorded')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {history.items.map((h) => (
                    <tr key={h.id}>
                      <Th scope="row" className="bg-surface font-normal">
                        {formatDate(h.effectiveFrom, locale)}
                      </Th>
                      <Td className="font-semibold">{h.level}</Td>
                      <Td>
                        {['MANUAL', 'IMPORT'].includes(h.source) ? t(`grading.staff.integrity.source.${h.source}` as MessageKey) : h.source}
                      </Td>
                      <Td>{h.note ?? '—'}</Td>
                      <Td>{formatDateTime(h.createdAt, locale)}</Td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
            {history.pages > 1 ? (
              <ListPagination
                page={history.page}
                pages={history.pages}
                total={history.total}
                hrefFor={(page) => hrefWith('/grading/integrity', { licence: search.licence, page })}
              />
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
