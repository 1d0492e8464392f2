import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { notFound, redirect } from 'next/navigation';
import { formatDate, formatDateTime } from '@tobacco/i18n/format';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Pagination } from '@tobacco/ui/pagination';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { productLabel } from '@/lib/product-label';
import { getServerApi } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('allocation.history.link') };
}

export default async function LimitHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ productId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const [{ productId }, sp] = await Promise.all([params, searchParams]);
  const id = Number(productId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let data;
  try {
    data = await api.allocation.limitHistory({ productId: id, page: Math.max(1, Number(sp.page) || 1) });
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return (
      <>
        <PageTitle>{t('allocation.history.link')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const caption = t('allocation.history.caption');
  return (
    <div className="flex flex-col gap-4">
      <Link href="/allocation" className="inline-flex min-h-11 items-center self-start font-semibold">
        {t('allocation.history.back')}
      </Link>
      <PageTitle description={t('allocation.history.howComputed')}>
        {t('allocation.history.title', { product: productLabel(data.product) })}
      </PageTitle>
      {data.items.length === 0 ? (
        <EmptyState title={t('allocation.history.empty')} />
      ) : (
        <DataTable caption={caption} scrollLabel={t('common.tableScroll', { name: caption })}>
          <thead>
            <tr>
              <Th>{t('allocation.history.cycle')}</Th>
              <Th>{t('allocation.history.version')}</Th>
              <Th>{t('allocation.history.published')}</Th>
              <Th>{t('allocation.history.grade')}</Th>
              <Th>{t('allocation.history.band')}</Th>
              <Th className="text-right">{t('allocation.history.limit')}</Th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((row) => (
              <tr key={`${row.cycleCode}-${row.version}`} className={row.state === 'SUPERSEDED' ? 'text-ink-muted' : undefined}>
                <Td>
                  {row.cycleCode}
                  <span className="block text-sm text-ink-muted">{formatDate(row.weekStart, locale)}</span>
                </Td>
                <Td>
                  {row.version}
                  {row.state === 'SUPERSEDED' ? <span className="block text-sm">{t('allocation.history.superseded')}</span> : null}
                </Td>
                <Td>
                  {row.publishedAt
                    ? `${formatDateTime(row.publishedAt, locale)} – ${row.inForceUntil ? formatDateTime(row.inForceUntil, locale) : t('allocation.history.untilNow')}`
                    : '—'}
                </Td>
                <Td>{row.grade ?? '—'}</Td>
                <Td>{row.gradeFrom !== null ? `${row.gradeFrom} – ${row.gradeTo}` : '—'}</Td>
                <Td className="text-right font-semibold">
                  {row.effectiveLimit === null ? t('allocation.history.unlimited') : t('allocation.unitValue', { n: row.effectiveLimit })}
                  {row.adjustment ? (
                    <span className="block text-sm font-normal">({row.adjustment > 0 ? `+${row.adjustment}` : row.adjustment})</span>
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {data.pages > 1 ? (
        <Pagination
          page={data.page}
          pages={data.pages}
          hrefFor={(p) => `/allocation/history/${id}?page=${p}`}
          labels={{
            nav: t('common.pagination'),
            previous: t('common.previous'),
            next: t('common.next'),
            status: t('common.pageOf', { page: data.page, pages: data.pages, total: data.total }),
          }}
        />
      ) : null}
    </div>
  );
}
