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
import { productLabel } from '@/lib/product-label';
import { getServerApi } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('allocation.title') };
}

type Search = { cycle?: string; q?: string; brand?: string; class?: string; page?: string };

const CONTROL = 'block w-full min-h-12 rounded-lg border border-control bg-surface px-3 text-base text-ink';

// Server-rendered, filters in the URL (a plain GET form): works without JavaScript and can be shared.
export default async function AllocationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  const cycle = sp.cycle === 'next' ? 'next' : 'current';
  const productClass = Number(sp.class);
  const page = Math.max(1, Number(sp.page) || 1);
  let data;
  try {
    data = await api.allocation.mine({
      cycle,
      q: sp.q?.trim().slice(0, 40) || undefined,
      brand: sp.brand?.slice(0, 40) || undefined,
      productClass: productClass >= 1 && productClass <= 5 ? productClass : undefined,
      page,
      pageSize: 50,
    });
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('allocation.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const filtered = Boolean(sp.q || sp.brand || sp.class);
  const query = (over: Partial<Search>) => {
    const params = new URLSearchParams();
    const merged = { cycle, q: sp.q, brand: sp.brand, class: sp.class, ...over };
    for (const [k, v] of Object.entries(merged)) if (v && !(k === 'cycle' && v === 'current')) params.set(k, String(v));
    const s = params.toString();
    return s ? `/allocation?${s}` : '/allocation';
  };

  return (
    <div className="flex flex-col gap-5">
      <PageTitle>{t('allocation.title')}</PageTitle>

      <nav aria-label={t('allocation.cycle.label')} className="grid grid-cols-2 gap-2">
        {(['current', 'next'] as const).map((kind) => (
          <Link
            key={kind}
            href={query({ cycle: kind, page: undefined })}
            aria-current={cycle === kind ? 'page' : undefined}
            className={buttonClass(cycle === kind ? 'primary' : 'secondary', 'lg')}
          >
            {t(`allocation.cycle.${kind}`)}
          </Link>
        ))}
      </nav>

      <div className="rounded-xl border border-line bg-surface p-4">
        <p className="font-semibold">
          {t('allocation.cycle.range', {
            code: data.cycle.code ?? '—',
            start: formatDate(data.cycle.start, locale),
            end: formatDate(data.cycle.end, locale),
            orderDay: formatDate(data.cycle.orderDay, locale),
          })}
        </p>
        {data.policy ? (
          <>
            <p data-testid="allocation-policy">
              {t('allocation.policy', {
                version: data.policy.version,
                date: data.policy.publishedAt ? formatDateTime(data.policy.publishedAt, locale) : '—',
              })}
              {data.policy.carriedForward ? (
                <span
                  className="ml-2 inline-block rounded-full bg-warning-50 px-2.5 py-0.5 text-sm font-semibold text-warning-800"
                  data-testid="allocation-carried"
                >
                  {t('allocation.carried.badge')}
                </span>
              ) : null}
            </p>
            {data.policy.carriedForward ? (
              <p className="text-warning-800">
                {t('allocation.carried.detail', { cycle: data.policy.carriedFromCycle ?? '—', version: data.policy.version })}
              </p>
            ) : null}
            {data.policy.note ? <p className="text-ink-muted">{t('allocation.policyNote', { note: data.policy.note })}</p> : null}
          </>
        ) : null}
      </div>

      {data.grade === null ? (
        <EmptyState title={t('allocation.noGrade')} />
      ) : !data.policy ? (
        <EmptyState title={t('allocation.notPublishedUntil', { at: formatDateTime(data.publishAt, locale) })} />
      ) : (
        <>
          <form
            method="get"
            action="/allocation"
            role="search"
            className="grid grid-cols-1 gap-3 rounded-xl border border-line bg-surface p-4 min-[480px]:grid-cols-2"
          >
            {cycle === 'next' ? <input type="hidden" name="cycle" value="next" /> : null}
            <div className="flex flex-col gap-1 min-[480px]:col-span-2">
              <label htmlFor="f-q" className="font-semibold">
                {t('allocation.filter.q')}
              </label>
              <input id="f-q" name="q" type="search" defaultValue={sp.q ?? ''} maxLength={40} className={CONTROL} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="f-brand" className="font-semibold">
                {t('allocation.filter.brand')}
              </label>
              <select id="f-brand" name="brand" defaultValue={sp.brand ?? ''} className={CONTROL}>
                <option value="">{t('common.all')}</option>
                {data.brands.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="f-class" className="font-semibold">
                {t('allocation.filter.class')}
              </label>
              <select id="f-class" name="class" defaultValue={sp.class ?? ''} className={CONTROL}>
                <option value="">{t('common.all')}</option>
                {data.classes.map((c) => (
                  <option key={c} value={c}>
                    {t('allocation.class', { n: c })}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex gap-2 min-[480px]:col-span-2">
              <button type="submit" className={buttonClass('primary', 'lg', 'flex-1')}>
                {t('allocation.filter.apply')}
              </button>
              {filtered ? (
                <Link
                  href={query({ q: undefined, brand: undefined, class: undefined, page: undefined })}
                  className={buttonClass('secondary', 'lg')}
                >
                  {t('common.reset')}
                </Link>
              ) : null}
            </div>
          </form>

          {data.items.length === 0 ? (
            <EmptyState title={filtered ? t('allocation.empty') : t('allocation.emptyAll')} />
          ) : (
            <ul aria-label={t('allocation.listCaption')} className="flex flex-col gap-3">
              {data.items.map((item) => (
                <li
                  key={item.productId}
                  className="rounded-xl border border-line bg-surface p-4 shadow-sm"
                  data-testid="allocation-item"
                  data-product-code={item.code}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <h2 className="text-lg font-bold">{productLabel(item)}</h2>
                    <span className="text-sm text-ink-muted">{t('allocation.class', { n: item.productClass })}</span>
                    {item.scarce ? (
                      <span className="rounded-full bg-danger-700 px-2 text-sm font-semibold text-white">{t('allocation.scarce')}</span>
                    ) : null}
                    {item.promoted ? (
                      <span className="rounded-full bg-success-700 px-2 text-sm font-semibold text-white">{t('allocation.promoted')}</span>
                    ) : null}
                  </div>
                  <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
                    <div className="rounded-lg bg-canvas p-2">
                      <dt className="text-sm text-ink-muted">{t('allocation.limit')}</dt>
                      <dd className="text-xl font-bold">{item.allowance.effectiveLimit}</dd>
                    </div>
                    <div className="rounded-lg bg-canvas p-2">
                      <dt className="text-sm text-ink-muted">{t('allocation.ordered')}</dt>
                      <dd className="text-xl font-bold" data-testid="allocation-ordered">
                        {item.ordered}
                      </dd>
                    </div>
                    <div className="rounded-lg bg-brand-50 p-2">
                      <dt className="text-sm text-ink-muted">{t('allocation.remaining')}</dt>
                      <dd className="text-xl font-bold text-brand-800" data-testid="allocation-remaining">
                        {item.allowance.remaining}
                      </dd>
                    </div>
                  </dl>
                  {item.allowance.remaining === 0 ? (
                    <p className="mt-2 font-semibold text-danger-700">
                      {item.allowance.overBy > 0 ? t('allocation.overBy', { n: item.allowance.overBy }) : t('allocation.usedUp')}
                    </p>
                  ) : null}
                  <details className="mt-3">
                    <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">{t('allocation.why')}</summary>
                    <div className="flex flex-col gap-1 pt-1">
                      <p>
                        {t('allocation.why.band', {
                          grade: data.grade ?? '',
                          from: item.gradeFrom,
                          to: item.gradeTo,
                          limit: item.limitQuantity,
                        })}
                      </p>
                      <p>
                        {t('allocation.why.policy', {
                          version: data.policy!.version,
                          date: data.policy!.publishedAt ? formatDateTime(data.policy!.publishedAt, locale) : '—',
                        })}
                      </p>
                      {item.adjustments.map((a, i) => (
                        <p key={i}>{t('allocation.why.adjustment', { delta: a.delta > 0 ? `+${a.delta}` : a.delta, reason: a.reason })}</p>
                      ))}
                      <p className="font-semibold">{t('allocation.why.effective', { limit: item.allowance.effectiveLimit ?? '' })}</p>
                      <Link href={`/allocation/history/${item.productId}`} className="inline-flex min-h-11 items-center font-semibold">
                        {t('allocation.history.link')}
                      </Link>
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          )}
          {data.pages > 1 ? (
            <Pagination
              page={data.page}
              pages={data.pages}
              hrefFor={(p) => query({ page: String(p) })}
              labels={{
                nav: t('common.pagination'),
                previous: t('common.previous'),
                next: t('common.next'),
                status: t('common.pageOf', { page: data.page, pages: data.pages, total: data.total }),
              }}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
