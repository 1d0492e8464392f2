import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { formatDate, formatDateTime, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Pagination } from '@tobacco/ui/pagination';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { getServerApi } from '@/trpc/server';
import { RedeemButton } from './redeem-button';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('rewards.title') };
}

const card = 'flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6';

export default async function RewardsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const sp = await searchParams;
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let mine;
  let ledger;
  try {
    [mine, ledger] = await Promise.all([api.rewards.mine(), api.rewards.ledger({ page: Math.max(1, Number(sp.page) || 1), pageSize: 20 })]);
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('rewards.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const name = (x: { name: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.name);
  const { progress } = mine;
  const reason = (e: (typeof ledger.items)[number]) => {
    if (e.reason === 'RULE') return t('rewards.ledger.reason.RULE', { rule: e.rule ? name(e.rule) : '—', period: e.run?.periodCode ?? '' });
    if (e.reason === 'MANUAL') return t('rewards.ledger.reason.MANUAL', { note: e.note ?? '' });
    const item = e.redemption ? name(e.redemption.item) : (e.note ?? '');
    return t(`rewards.ledger.reason.${e.reason}` as MessageKey, { item });
  };

  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{t('rewards.title')}</PageTitle>

      <section aria-labelledby="balance-title" className={card}>
        <h2 id="balance-title" className="text-ink-muted">
          {t('rewards.balance')}
        </h2>
        <p className="text-5xl font-extrabold text-brand-800" data-testid="points-balance">
          {formatNumber(mine.balance, locale)}
        </p>
        {progress.current ? <p className="text-lg font-semibold">{t('rewards.tier.current', { tier: name(progress.current) })}</p> : null}
        {progress.next ? (
          <>
            <label htmlFor="tier-progress" className="text-ink-muted">
              {t('rewards.tier.progress')}
            </label>
            <progress id="tier-progress" max={100} value={Math.round(progress.ratio * 100)} className="h-4 w-full accent-brand-700" />
            <p>{t('rewards.tier.next', { points: formatNumber(progress.pointsToNext, locale), tier: name(progress.next) })}</p>
          </>
        ) : (
          <p>{t('rewards.tier.top')}</p>
        )}
      </section>

      <section aria-labelledby="catalogue-title" className="flex flex-col gap-3">
        <h2 id="catalogue-title" className="text-xl font-bold">
          {t('rewards.catalogue.title')}
        </h2>
        {mine.items.length === 0 ? (
          <EmptyState title={t('rewards.catalogue.empty')} />
        ) : (
          <ClientMessages prefixes={['rewards.redeem.', 'rewards.catalogue.', 'rewards.errors.']}>
            <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              {mine.items.map((item) => (
                <li key={item.id} className={card} data-testid="reward-item">
                  <h3 className="text-lg font-bold">{name(item)}</h3>
                  <p className="text-ink-muted">{item.description}</p>
                  <p className="flex flex-wrap justify-between gap-2">
                    <span className="text-xl font-bold text-brand-800">
                      {t('rewards.points', { n: formatNumber(item.points, locale) })}
                    </span>
                    <span className="text-sm text-ink-muted">
                      {item.stock > 0 ? t('rewards.catalogue.stock', { n: item.stock }) : t('rewards.catalogue.soldOut')}
                    </span>
                  </p>
                  <RedeemButton itemId={item.id} itemName={name(item)} points={item.points} balance={mine.balance} stock={item.stock} />
                </li>
              ))}
            </ul>
          </ClientMessages>
        )}
      </section>

      <section aria-labelledby="redemptions-title" className={card}>
        <h2 id="redemptions-title" className="text-xl font-bold">
          {t('rewards.redemptions.title')}
        </h2>
        {mine.redemptions.length === 0 ? (
          <p className="text-ink-muted">{t('rewards.redemptions.empty')}</p>
        ) : (
          <ul className="flex flex-col gap-2" data-testid="redemption-list">
            {mine.redemptions.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 border-b border-line pb-2">
                <span>
                  {name(r.item)} · {t('rewards.points', { n: r.points })}
                  <span className="block text-sm text-ink-muted">{formatDateTime(r.createdAt, locale)}</span>
                </span>
                <span className="font-semibold">{t(`rewards.redemptions.state.${r.state}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ledger-title" className="flex flex-col gap-3">
        <h2 id="ledger-title" className="text-xl font-bold">
          {t('rewards.ledger.title')}
        </h2>
        {ledger.items.length === 0 ? (
          <EmptyState title={t('rewards.ledger.empty')} />
        ) : (
          <DataTable
            caption={t('rewards.ledger.caption')}
            captionHidden
            scrollLabel={t('common.tableScroll', { name: t('rewards.ledger.caption') })}
          >
            <thead>
              <tr>
                <Th>{t('rewards.ledger.date')}</Th>
                <Th>{t('rewards.ledger.reason')}</Th>
                <Th className="text-right">{t('rewards.ledger.change')}</Th>
                <Th className="text-right">{t('rewards.ledger.balance')}</Th>
              </tr>
            </thead>
            <tbody>
              {ledger.items.map((e) => (
                <tr key={e.id}>
                  <Td className="whitespace-nowrap">{formatDate(e.createdAt, locale)}</Td>
                  <Td>{reason(e)}</Td>
                  <Td className={`text-right font-semibold ${e.points < 0 ? 'text-danger-700' : 'text-success-700'}`}>
                    {e.points > 0 ? `+${e.points}` : e.points}
                  </Td>
                  <Td className="text-right">{formatNumber(e.balanceAfter, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        {ledger.pages > 1 ? (
          <Pagination
            page={ledger.page}
            pages={ledger.pages}
            hrefFor={(p) => `/rewards?page=${p}#ledger-title`}
            labels={{
              nav: t('common.pagination'),
              previous: t('common.previous'),
              next: t('common.next'),
              status: t('common.pageOf', { page: ledger.page, pages: ledger.pages, total: ledger.total }),
            }}
          />
        ) : null}
      </section>
    </div>
  );
}
