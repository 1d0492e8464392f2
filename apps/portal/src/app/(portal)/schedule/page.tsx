import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { formatDate, formatDateTime, formatFen, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { joinList, type Translate } from '@tobacco/i18n/translator';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Pagination } from '@tobacco/ui/pagination';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { Countdown } from '@/components/countdown';
import { formatDuration } from '@/lib/duration';
import { productLabel } from '@/lib/product-label';
import { getServerApi } from '@/trpc/server';
import { MonthCalendar } from './month-calendar';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('schedule.title') };
}

const card = 'flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6';

export default async function SchedulePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const sp = await searchParams;
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  const page = Math.max(1, Number(sp.page) || 1);
  let schedule;
  let history;
  try {
    [schedule, history] = await Promise.all([api.schedule.mine({ count: 8 }), api.orders.history({ page, pageSize: 3 })]);
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('schedule.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const current = schedule.current;
  const status = current?.status;
  const countdownKey: MessageKey | null =
    status?.status === 'before' ? 'schedule.window.opensIn' : status?.status === 'open' ? 'schedule.window.closesIn' : null;
  const countdownTarget = status?.status === 'before' ? current!.window.opensAt : current?.window.closesAt;

  return (
    <div className="flex flex-col gap-6">
      <PageTitle description={t('schedule.orderDay', { weekday: t(`enum.weekday.${schedule.orderWeekday}` as MessageKey) })}>
        {t('schedule.title')}
      </PageTitle>

      {schedule.unconfirmedYears.length > 0 ? (
        <p className="rounded-lg bg-warning-50 px-4 py-3 font-medium text-warning-800">
          {t('schedule.unconfirmed', { years: joinList(t, schedule.unconfirmedYears) })}
        </p>
      ) : null}

      {current ? (
        <section aria-labelledby="now-title" className={card}>
          <h2 id="now-title" className="text-xl font-bold">
            {t('schedule.window.title')}
          </h2>
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
          <CycleLines cycle={current} t={t} locale={locale} />
        </section>
      ) : null}

      <section aria-labelledby="upcoming-title" className={card}>
        <h2 id="upcoming-title" className="text-xl font-bold">
          {t('schedule.upcoming.title', { n: schedule.cycles.length })}
        </h2>
        <ol className="flex flex-col gap-3" data-testid="schedule-cycles">
          {schedule.cycles.map((cycle) => (
            <li key={cycle.cycleStart} className="rounded-lg border border-line p-3">
              <p className="font-semibold">
                {formatDate(cycle.cycleStart, locale)} – {formatDate(cycle.cycleEnd, locale)}
              </p>
              <CycleLines cycle={cycle} t={t} locale={locale} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="calendar-title" className={card}>
        <h2 id="calendar-title" className="text-xl font-bold">
          {t('schedule.calendar.title')}
        </h2>
        <MonthCalendar today={schedule.today} cycles={schedule.cycles} specialDays={schedule.specialDays} t={t} locale={locale} />
        {schedule.specialDays.length > 0 ? (
          <>
            <h3 className="font-bold">{t('schedule.calendar.specialDays')}</h3>
            <ul className="flex flex-col gap-1">
              {schedule.specialDays.map((d) => (
                <li key={d.date}>
                  {formatDate(d.date, locale)} · {d.name} ·{' '}
                  {t(d.kind === 'HOLIDAY' ? 'schedule.calendar.holiday' : 'schedule.calendar.makeup')}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="orders-title" className="flex flex-col gap-4">
        <h2 id="orders-title" className="text-xl font-bold">
          {t('schedule.orders.title')}
        </h2>
        {history.cycles.length === 0 ? (
          <EmptyState title={t('schedule.orders.empty')} />
        ) : (
          history.cycles.map((cycle) => (
            <article key={cycle.id} className={card} data-testid="order-cycle">
              <h3 className="text-lg font-bold">
                {t('schedule.orders.cycle', {
                  code: cycle.code,
                  start: formatDate(cycle.weekStart, locale),
                  end: formatDate(cycle.weekEnd, locale),
                })}
              </h3>
              <p>
                {t('schedule.orders.cycleTotal', {
                  quantity: formatNumber(cycle.totalQuantity, locale),
                  amount: formatFen(cycle.totalAmountFen, locale),
                })}
              </p>
              {cycle.orders.map((order) => (
                <section
                  key={order.id}
                  aria-label={t('schedule.orders.caption', { date: formatDate(order.orderDate, locale) })}
                  className="rounded-lg border border-line"
                >
                  <h4 className="border-b border-line bg-canvas px-3 py-2 font-semibold">
                    {t('schedule.orders.order', {
                      date: formatDate(order.orderDate, locale),
                      channel: t(`schedule.orders.channel.${order.channel}` as MessageKey),
                    })}
                    {order.status === 'CANCELLED' ? <span className="ml-2 text-danger-700">{t('schedule.orders.cancelled')}</span> : null}
                  </h4>
                  {/* A list, not a table: four columns do not fit a 360 px phone at this type size. */}
                  <ul className="divide-y divide-line">
                    {order.lines.map((line) => (
                      <li key={String(line.id)} className="flex flex-col gap-0.5 px-3 py-2">
                        <span className="flex flex-wrap justify-between gap-x-3">
                          <span className="font-semibold">{productLabel(line.product)}</span>
                          {/* Each figure stays whole; at large text sizes the amount moves under the quantity. */}
                          <span className="flex flex-wrap gap-x-1">
                            <span className="whitespace-nowrap">{t('allocation.unitValue', { n: line.quantity })} ·</span>
                            <span className="whitespace-nowrap">{formatFen(line.amountFen, locale)}</span>
                          </span>
                        </span>
                        <span
                          className={
                            line.limit && line.limit.overBy > 0 ? 'text-sm font-semibold text-danger-700' : 'text-sm text-ink-muted'
                          }
                        >
                          {line.limit
                            ? t('schedule.orders.limitValue', { ordered: line.limit.ordered, limit: line.limit.effectiveLimit ?? '' })
                            : t('schedule.orders.noLimit')}
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </article>
          ))
        )}
        {history.pages > 1 ? (
          <Pagination
            page={history.page}
            pages={history.pages}
            hrefFor={(p) => `/schedule?page=${p}#orders-title`}
            labels={{
              nav: t('common.pagination'),
              previous: t('common.previous'),
              next: t('common.next'),
              status: t('common.pageOf', { page: history.page, pages: history.pages, total: history.total }),
            }}
          />
        ) : null}
      </section>
    </div>
  );
}

type CycleView = {
  orderDay: { scheduled: string; actual: string; moved: boolean; reason?: string; mergedWithNextCycle: boolean };
  window: { opensAt: Date; closesAt: Date };
  deliveryDate: string;
};

function CycleLines({ cycle, t, locale }: { cycle: CycleView; t: Translate; locale: 'zh-CN' | 'en' }) {
  return (
    <div className="flex flex-col gap-1">
      <p>
        {t('schedule.window.orderDay', { date: formatDate(cycle.orderDay.actual, locale) })} ·{' '}
        {t('schedule.window.delivery', { date: formatDate(cycle.deliveryDate, locale) })}
      </p>
      <p className="text-ink-muted">
        {t('schedule.window.range', {
          opens: formatDateTime(cycle.window.opensAt, locale),
          closes: formatDateTime(cycle.window.closesAt, locale),
        })}
      </p>
      {cycle.orderDay.moved ? (
        <p className="rounded-lg bg-warning-50 px-3 py-2 font-medium text-warning-800">
          {t('schedule.moved', {
            holiday: cycle.orderDay.reason ?? '',
            from: formatDate(cycle.orderDay.scheduled, locale),
            to: formatDate(cycle.orderDay.actual, locale),
          })}
          {cycle.orderDay.mergedWithNextCycle ? ` ${t('schedule.merged')}` : ''}
        </p>
      ) : null}
    </div>
  );
}
