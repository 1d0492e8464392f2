import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { redirect } from 'next/navigation';
import { formatDate, formatDateTime } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Pagination } from '@tobacco/ui/pagination';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';
import { kindLabel, STATE_BADGE, stateLabel } from './_lib/labels';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('complaints.portal.title') };
}

const PAGE_SIZE = 10;

export default async function MyComplaintsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const sp = await searchParams;
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  const newCase = (
    <Link href="/complaints/new" className={buttonClass('primary', 'lg')}>
      {t('complaints.portal.new')}
    </Link>
  );
  let list;
  try {
    list = await api.complaints.list({ page: Math.max(1, Math.min(10_000, Number(sp.page) || 1)), pageSize: PAGE_SIZE });
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('complaints.portal.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }

  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('complaints.portal.intro')} actions={newCase}>
        {t('complaints.portal.title')}
      </PageTitle>
      {list.waiting > 0 ? (
        <p role="status" className="rounded-lg border border-warning-800/30 bg-warning-50 px-4 py-3 text-lg font-semibold text-warning-800">
          {t('complaints.portal.waitingBanner', { n: list.waiting })}
        </p>
      ) : null}
      {list.items.length === 0 ? (
        <EmptyState title={t('complaints.portal.empty')} body={t('complaints.portal.emptyBody')} action={newCase} />
      ) : (
        <ul className="flex flex-col gap-3" data-testid="my-cases">
          {list.items.map((c) => (
            <li key={c.id} data-testid="case-item" className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <Link href={`/complaints/${c.id}`} className="inline-flex min-h-11 items-center text-lg font-bold">
                  {c.subject}
                </Link>
                <span className={`rounded-full px-3 py-0.5 font-semibold ${STATE_BADGE[c.state]}`}>{t(stateLabel(c.state))}</span>
              </div>
              <p className="text-ink-muted">
                {t(kindLabel(c.kind))} · {locale === 'en' ? c.category.nameEn : c.category.name} · {c.caseNo}
              </p>
              <p className="text-ink-muted">{t('complaints.portal.filedOn', { date: formatDateTime(c.createdAt, locale) })}</p>
              {c.waitingForMe ? (
                <p className="font-semibold text-warning-800" data-testid="waiting-for-me">
                  {c.state === 'WAITING_RETAILER' ? t('complaints.portal.waitingInfo') : t('complaints.portal.waitingConfirm')}
                </p>
              ) : c.state !== 'CLOSED' ? (
                <p>{t('complaints.portal.answerBy', { date: formatDate(c.resolveDueAt, locale) })}</p>
              ) : c.rating ? (
                <p className="text-ink-muted">{t('complaints.portal.ratedStars', { rating: c.rating })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {list.pages > 1 ? (
        <Pagination
          page={list.page}
          pages={list.pages}
          hrefFor={(p) => `/complaints?page=${p}`}
          labels={{
            nav: t('common.pagination'),
            previous: t('common.previous'),
            next: t('common.next'),
            status: t('common.pageOf', { page: list.page, pages: list.pages, total: list.total }),
          }}
        />
      ) : null}
    </div>
  );
}
