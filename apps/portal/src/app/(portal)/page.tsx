import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { redirect } from 'next/navigation';
import { formatDate, formatDateTime, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { Countdown } from '@/components/countdown';
import { ServiceTiles } from '@/components/portal-nav';
import { ShopCard } from '@/components/shop-card';
import { formatDuration } from '@/lib/duration';
import { navLabels } from '@/navigation';
import { getServerApi } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('portal.home.title') };
}

const tile = 'flex flex-col gap-2 rounded-xl border border-line bg-surface p-4 shadow-sm';

// Rendered on the server from one procedure (`home`: two SQL statements), so the page arrives complete in
// the first HTML; the only JavaScript of its own is the countdown.
export default async function HomePage() {
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let home;
  try {
    home = await api.home();
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const message = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('portal.home.title')}</PageTitle>
        <ErrorState
          title={t('portal.shop.loadFailed')}
          message={t(message.key, message.params)}
          action={
            <a href="/" className={buttonClass('secondary', 'lg')}>
              {t('common.retry')}
            </a>
          }
        />
      </>
    );
  }
  const { cycle, allowance, points } = home;
  const status = cycle?.status;
  const countdownKey: MessageKey | null =
    status?.status === 'before' ? 'schedule.window.opensIn' : status?.status === 'open' ? 'schedule.window.closesIn' : null;
  const countdownTarget = status?.status === 'before' ? cycle!.window.opensAt : cycle?.window.closesAt;

  return (
    <div className="flex flex-col gap-6">
      <ShopCard shop={home.shop} t={t} locale={locale} />

      {cycle ? (
        <section aria-labelledby="window-title" className={tile} data-testid="home-window">
          <div className="flex items-center justify-between gap-2">
            <h2 id="window-title" className="text-xl font-bold">
              {t('schedule.window.title')}
            </h2>
            <span
              className={
                status?.status === 'open'
                  ? 'rounded-full bg-success-50 px-3 py-1 font-semibold text-success-700'
                  : 'rounded-full bg-canvas px-3 py-1 font-semibold text-ink-muted'
              }
            >
              {t(`schedule.window.status.${status!.status}` as MessageKey)}
            </span>
          </div>
          {countdownKey && countdownTarget ? (
            <p className="text-2xl font-bold text-brand-800">
              <ClientMessages prefixes={['schedule.duration.', 'schedule.window.']}>
                <Countdown
                  target={countdownTarget.toISOString()}
                  label={countdownKey}
                  initial={t(countdownKey, { time: formatDuration(status!.msRemaining, t) })}
                />
              </ClientMessages>
            </p>
          ) : (
            <p className="text-lg font-semibold">{t('schedule.window.closed')}</p>
          )}
          <p>
            {t('schedule.window.range', {
              opens: formatDateTime(cycle.window.opensAt, locale),
              closes: formatDateTime(cycle.window.closesAt, locale),
            })}
          </p>
          <p>
            {t('schedule.window.orderDay', { date: formatDate(cycle.orderDay.actual, locale) })} ·{' '}
            {t('schedule.window.delivery', { date: formatDate(cycle.deliveryDate, locale) })}
          </p>
          {cycle.orderDay.moved ? (
            <p className="rounded-lg bg-warning-50 px-3 py-2 font-medium text-warning-800">
              {t('schedule.moved', {
                holiday: cycle.orderDay.reason ?? '',
                from: formatDate(cycle.orderDay.scheduled, locale),
                to: formatDate(cycle.orderDay.actual, locale),
              })}
            </p>
          ) : null}
          <Link href="/schedule" className="inline-flex min-h-11 items-center font-semibold">
            {t('schedule.title')}
          </Link>
        </section>
      ) : null}

      <section aria-labelledby="allowance-title" className={tile} data-testid="home-allowance">
        <h2 id="allowance-title" className="text-xl font-bold">
          {t('allocation.summary.title')}
        </h2>
        {!allowance ? (
          <p>{t('allocation.summary.none')}</p>
        ) : allowance.products === 0 ? (
          <p>{t('allocation.summary.noLimits')}</p>
        ) : (
          <>
            <p className="text-lg">
              {t('allocation.summary.body', {
                products: allowance.products,
                limit: formatNumber(allowance.limitTotal, locale),
                ordered: formatNumber(allowance.orderedTotal, locale),
                remaining: formatNumber(allowance.remainingTotal, locale),
              })}
            </p>
            {allowance.usedUp > 0 ? <p className="text-ink-muted">{t('allocation.summary.usedUp', { n: allowance.usedUp })}</p> : null}
            {allowance.carriedForward ? (
              <p className="text-warning-800">
                {t('allocation.carried.detail', { cycle: allowance.carriedFromCycle ?? '—', version: allowance.version ?? '—' })}
              </p>
            ) : null}
          </>
        )}
        <Link href="/allocation" className="inline-flex min-h-11 items-center font-semibold">
          {t('allocation.summary.link')}
        </Link>
      </section>

      <section aria-labelledby="promotions-title" className={tile}>
        <h2 id="promotions-title" className="text-xl font-bold">
          {t('promotions.home.title')}
        </h2>
        {home.promotions.length === 0 ? (
          <p>{t('promotions.empty')}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {home.promotions.map((promotion) => (
              <li key={promotion.id}>
                <Link href={`/promotions/${promotion.id}`} className="flex min-h-11 flex-wrap items-center gap-2 font-semibold">
                  {promotion.title}
                  {!promotion.opened ? (
                    <span className="rounded-full bg-danger-700 px-2 text-sm text-white">{t('promotions.new')}</span>
                  ) : null}
                </Link>
                <p className="text-sm text-ink-muted">
                  {t('promotions.window', { from: formatDate(promotion.startsAt, locale), to: formatDate(promotion.endsAt, locale) })}
                </p>
              </li>
            ))}
          </ul>
        )}
        {home.promotionCount > 0 ? (
          <Link href="/promotions" className="inline-flex min-h-11 items-center font-semibold">
            {t('promotions.home.more', { n: home.promotionCount })}
          </Link>
        ) : null}
      </section>

      <div className="grid grid-cols-2 gap-3">
        <Link href="/rewards" className={`${tile} text-ink no-underline hover:border-brand-700`}>
          <span className="text-ink-muted">{t('rewards.home.title')}</span>
          <span className="text-2xl font-bold text-brand-800" data-testid="home-points">
            {formatNumber(points.balance, locale)}
          </span>
          {points.progress.current ? (
            <span className="text-sm">{locale === 'en' ? points.progress.current.nameEn : points.progress.current.name}</span>
          ) : null}
        </Link>
        <Link href="/inbox" className={`${tile} text-ink no-underline hover:border-brand-700`}>
          <span className="text-ink-muted">{t('notifications.home.title')}</span>
          <span className="text-2xl font-bold text-brand-800" data-testid="home-unread">
            {formatNumber(home.unread, locale)}
          </span>
          {home.unread === 0 ? <span className="text-sm">{t('notifications.home.none')}</span> : null}
        </Link>
      </div>

      <section aria-labelledby="services-title">
        <h2 id="services-title" className="mb-3 text-xl font-bold">
          {t('portal.home.services')}
        </h2>
        <ServiceTiles labels={navLabels(t)} />
      </section>
    </div>
  );
}
