import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { redirect } from 'next/navigation';
import { formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { renderNotice } from '@tobacco/i18n/stored';
import { Button, buttonClass } from '@tobacco/ui/button';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Pagination } from '@tobacco/ui/pagination';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';
import { markAllReadAction, markReadAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('notifications.title') };
}

// Only links inside the portal are followed from a notification.
const safeLink = (link: string | null) => (link && link.startsWith('/') && !link.startsWith('//') ? link : null);

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ page?: string; unread?: string }> }) {
  const sp = await searchParams;
  const unreadOnly = sp.unread === '1';
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let data;
  try {
    data = await api.notifications.list({ unreadOnly, page: Math.max(1, Number(sp.page) || 1), pageSize: 20 });
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('notifications.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const base = unreadOnly ? '/inbox?unread=1' : '/inbox';

  return (
    <div className="flex flex-col gap-4">
      <PageTitle description={t('notifications.unreadCount', { n: data.unread })}>{t('notifications.title')}</PageTitle>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label={t('notifications.title')} className="flex gap-2">
          <Link
            href="/inbox"
            aria-current={!unreadOnly ? 'page' : undefined}
            className={buttonClass(!unreadOnly ? 'primary' : 'secondary')}
          >
            {t('notifications.filter.all')}
          </Link>
          <Link
            href="/inbox?unread=1"
            aria-current={unreadOnly ? 'page' : undefined}
            className={buttonClass(unreadOnly ? 'primary' : 'secondary')}
          >
            {t('notifications.filter.unread')}
          </Link>
        </nav>
        {data.unread > 0 ? (
          <form action={markAllReadAction}>
            <Button type="submit" variant="secondary">
              {t('notifications.markAllRead')}
            </Button>
          </form>
        ) : null}
      </div>
      {data.items.length === 0 ? (
        <EmptyState title={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} />
      ) : (
        <ul className="flex flex-col gap-3">
          {data.items.map((n) => {
            const link = n.withdrawn ? null : safeLink(n.link);
            const { title, body } = renderNotice(t, locale, n);
            return (
              <li
                key={n.id}
                data-testid="notification"
                data-unread={n.readAt ? undefined : 'true'}
                className={`flex flex-col gap-1 rounded-xl border bg-surface p-4 shadow-sm ${n.readAt ? 'border-line' : 'border-brand-700 border-l-4'}`}
              >
                <p className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
                  <span className="rounded-full bg-brand-50 px-2 font-semibold text-brand-800">
                    {t(`notifications.kind.${n.kind}` as MessageKey)}
                  </span>
                  <span>{formatDateTime(n.createdAt, locale)}</span>
                  <span className={n.readAt ? '' : 'font-bold text-danger-700'}>
                    {n.readAt ? t('notifications.read') : t('notifications.unread')}
                  </span>
                </p>
                <h2 className={`text-lg break-words ${n.readAt ? 'font-semibold' : 'font-bold'}`}>{title}</h2>
                {body ? <p className="break-words">{body}</p> : null}
                {n.withdrawn ? (
                  <p className="text-ink-muted" data-testid="notification-withdrawn">
                    {t('promotions.staff.notify.withdrawn')}
                  </p>
                ) : null}
                <div className="flex flex-wrap gap-2">
                  {link ? (
                    <Link href={link} className={buttonClass('secondary')}>
                      {t('notifications.open')}
                    </Link>
                  ) : null}
                  {!n.readAt ? (
                    <form action={markReadAction}>
                      <input type="hidden" name="id" value={n.id} />
                      <Button type="submit" variant="ghost" aria-label={`${t('notifications.markRead')} · ${title}`}>
                        {t('notifications.markRead')}
                      </Button>
                    </form>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {data.pages > 1 ? (
        <Pagination
          page={data.page}
          pages={data.pages}
          hrefFor={(p) => `${base}${unreadOnly ? '&' : '?'}page=${p}`}
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
