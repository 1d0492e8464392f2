import type { Metadata } from 'next';
import Link from 'next/link';
import { ZVisitsDueInput } from '@tobacco/api/visits/visits.schema';
import { formatDate } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';
import { Badge } from '../admin/_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../admin/_components/search-params';
import { PlanForm } from './plan-form';
import { ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('visits.title') };
}

/** The account manager's workbench, made for a phone: the week's plan first, then this month's visits due per shop. */
export default async function VisitsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const input = parseSearch(ZVisitsDueInput, await searchParams, { numbers: ['page'] });
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let due, week;
  try {
    [due, week] = await Promise.all([api.visits.due(input), api.visits.weekPlan()]);
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('visits.title')}</PageTitle>
        <ErrorState title={m.key === 'errors.FORBIDDEN' ? t('errors.FORBIDDEN') : t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const planned = (visit: (typeof week.week)[number]) => (
    <li key={visit.id} className="flex flex-col gap-1 rounded-lg border border-line p-3">
      <span className="font-semibold">
        {formatDate(visit.plannedFor!, locale)} · <Link href={`/retailers/${visit.retailer.id}`}>{visit.retailer.shopName}</Link>
      </span>
      <span className="text-sm text-ink-muted">
        {visit.purpose} · {visit.retailer.address}
      </span>
      <Link
        href={hrefWith('/visits/new', { retailerId: visit.retailer.id, visitId: visit.id })}
        className={buttonClass('primary', 'md', 'self-start')}
      >
        {t('visits.log.action')}
      </Link>
    </li>
  );

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-5">
      <PageTitle description={t('visits.description')}>{t('visits.title')}</PageTitle>

      <section aria-labelledby="week" className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 shadow-sm">
        <h2 id="week" className="text-lg font-bold">
          {t('visits.week.title', { from: formatDate(week.from, locale), to: formatDate(week.to, locale) })}
        </h2>
        {week.overdue.length > 0 ? (
          <>
            <h3 className="font-semibold text-danger-700">{t('visits.week.overdue')}</h3>
            <ul className="flex flex-col gap-2">{week.overdue.map(planned)}</ul>
          </>
        ) : null}
        {week.week.length === 0 ? (
          <p className="text-ink-muted">{t('visits.week.empty')}</p>
        ) : (
          <ul className="flex flex-col gap-2">{week.week.map(planned)}</ul>
        )}
      </section>

      <section aria-labelledby="due" className="flex flex-col gap-3">
        <h2 id="due" className="text-lg font-bold">
          {t('visits.due.title', { from: formatDate(due.month.from, locale), to: formatDate(due.month.to, locale) })}
        </h2>
        {due.items.length === 0 ? (
          <EmptyState title={t('visits.due.empty')} />
        ) : (
          <ul className="flex flex-col gap-3">
            {due.items.map((shop) => (
              <li
                key={shop.retailerId}
                className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4"
                data-testid="visit-due"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/retailers/${shop.retailerId}`} className="text-lg font-bold">
                    {shop.shopName}
                  </Link>
                  {shop.due === 0 ? (
                    <Badge tone="ok">{t('visits.due.complete')}</Badge>
                  ) : shop.overdue ? (
                    <Badge tone="bad">{t('visits.due.overdue')}</Badge>
                  ) : (
                    <Badge tone="warn">{t('visits.due.remaining', { due: shop.due })}</Badge>
                  )}
                </div>
                <p className="text-sm text-ink-muted">
                  {shop.grade ? t('common.gradeValue', { grade: shop.grade }) : t('common.notGraded')} · {shop.integrity} ·{' '}
                  {t('visits.due.counts', { perMonth: shop.perMonth, done: shop.done, planned: shop.planned })}
                </p>
                <p className="text-sm text-ink-muted">{shop.address}</p>
                <div className="flex flex-wrap gap-2">
                  <Link href={hrefWith('/visits/new', { retailerId: shop.retailerId })} className={buttonClass('primary')}>
                    {t('visits.log.action')}
                  </Link>
                </div>
                <details>
                  <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">{t('visits.plan.title')}</summary>
                  <PlanForm retailerId={shop.retailerId} today={week.today} />
                </details>
              </li>
            ))}
          </ul>
        )}
        <ListPagination
          page={due.page}
          pages={due.pages}
          total={due.total}
          hrefFor={(page) => hrefWith('/visits', { page: page === 1 ? undefined : page })}
        />
      </section>
    </div>
  );
}
