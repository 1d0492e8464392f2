import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { redirect } from 'next/navigation';
import { formatDate } from '@tobacco/i18n/format';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Pagination } from '@tobacco/ui/pagination';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('promotions.title') };
}

export default async function PromotionsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const sp = await searchParams;
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let data;
  try {
    data = await api.promotions.list({ page: Math.max(1, Number(sp.page) || 1), pageSize: 20 });
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('promotions.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t('promotions.title')}</PageTitle>
      {data.items.length === 0 ? (
        <EmptyState title={t('promotions.empty')} />
      ) : (
        <ul className="flex flex-col gap-3">
          {data.items.map((p) => (
            <li key={p.id} data-testid="promotion-item">
              <Link
                href={`/promotions/${p.id}`}
                className="flex flex-col gap-1 rounded-xl border border-line bg-surface p-4 text-ink no-underline shadow-sm hover:border-brand-700"
              >
                <span className="flex flex-wrap items-center gap-2 text-lg font-bold text-brand-800 underline">
                  {p.title}
                  {!p.openedAt ? (
                    <span className="rounded-full bg-danger-700 px-2 text-sm text-white no-underline">{t('promotions.new')}</span>
                  ) : null}
                </span>
                <span>{p.excerpt}</span>
                <span className="text-sm text-ink-muted">
                  {t('promotions.window', { from: formatDate(p.startsAt, locale), to: formatDate(p.endsAt, locale) })} ·{' '}
                  {t('promotions.products', { n: p.productCount })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {data.pages > 1 ? (
        <Pagination
          page={data.page}
          pages={data.pages}
          hrefFor={(p) => `/promotions?page=${p}`}
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
