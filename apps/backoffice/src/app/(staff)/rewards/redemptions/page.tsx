import type { Metadata } from 'next';
import Link from 'next/link';
import { REDEMPTION_STATES, ZListRedemptionsInput } from '@tobacco/api/rewards/rewards.staff.schema';
import { formatDateTime, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { hrefWith, parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { RedemptionActions } from '../_components/redemption-actions';
import { RewardsNav } from '../_components/rewards-nav';
import { FilterBar, ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('rewards.staff.nav.redemptions') };
}

export default async function RedemptionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('rewards');
  if (denied) return denied;
  const input = parseSearch(ZListRedemptionsInput, await searchParams, { numbers: ['page'] });
  const [{ t, locale }, me] = await Promise.all([getI18n(), getMe()]);
  if (!me.permissions.includes('rewards.fulfil')) {
    return (
      <div className="flex flex-col gap-5">
        <PageTitle>{t('rewards.staff.title')}</PageTitle>
        <RewardsNav current="/rewards/redemptions" />
        <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />
      </div>
    );
  }
  const { api } = await getServerApi();
  const list = await api.rewards.redemptions(input);
  const waiting = input.state === 'REQUESTED';
  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('rewards.staff.redemptions.description')}>{t('rewards.staff.title')}</PageTitle>
      <RewardsNav current="/rewards/redemptions" />
      <nav aria-label={t('rewards.staff.redemptions.states')} className="flex flex-wrap gap-2">
        {REDEMPTION_STATES.map((state) => (
          <Link
            key={state}
            href={hrefWith('/rewards/redemptions', { state, licenceNo: input.licenceNo })}
            aria-current={state === input.state ? 'page' : undefined}
            className={buttonClass(state === input.state ? 'primary' : 'secondary')}
          >
            {t(`rewards.staff.redemptionState.${state}` as MessageKey)} ({list.counts[state] ?? 0})
          </Link>
        ))}
      </nav>
      <FilterBar label={t('rewards.staff.redemptions.filters')} columns="inline">
        <input type="hidden" name="state" value={input.state} />
        <TextField
          id="redemptions-licence"
          name="licenceNo"
          label={t('rewards.staff.redemptions.licence')}
          defaultValue={input.licenceNo ?? ''}
          inputMode="numeric"
        />
      </FilterBar>
      {list.items.length === 0 ? (
        <EmptyState title={t(waiting ? 'rewards.staff.redemptions.emptyQueue' : 'rewards.staff.redemptions.empty')} />
      ) : (
        <DataTable
          caption={t('rewards.staff.redemptions.caption', { total: list.total })}
          scrollLabel={t('rewards.staff.redemptions.scroll')}
        >
          <thead>
            <tr>
              <Th>{t('rewards.staff.redemptions.requested')}</Th>
              <Th>{t('rewards.staff.redemptions.retailer')}</Th>
              <Th>{t('rewards.staff.redemptions.item')}</Th>
              <Th className="text-right">{t('rewards.staff.redemptions.points')}</Th>
              <Th>{waiting ? t('rewards.staff.redemptions.action') : t('rewards.staff.redemptions.handled')}</Th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((r) => {
              const item = `${locale === 'en' ? r.item.nameEn : r.item.name} × ${r.quantity}`;
              return (
                <tr key={r.id} data-testid="redemption-row">
                  <Td className="whitespace-nowrap">{formatDateTime(r.createdAt, locale)}</Td>
                  <Td>
                    <span className="font-semibold">{r.retailer.shopName}</span>{' '}
                    <span className="text-sm text-ink-muted">{r.retailer.licenceNo}</span>
                    <p className="text-sm text-ink-muted">
                      {r.retailer.phone} · {r.retailer.address}
                    </p>
                  </Td>
                  <Td>{item}</Td>
                  <Td className="text-right">{formatNumber(r.points, locale)}</Td>
                  <Td>
                    {waiting ? (
                      <RedemptionActions id={r.id} label={`${r.retailer.shopName} ${item}`} />
                    ) : (
                      <>
                        {r.handledBy?.name ?? '—'} · {r.handledAt ? formatDateTime(r.handledAt, locale) : ''}
                        {r.note ? <p className="text-sm text-ink-muted">{r.note}</p> : null}
                      </>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {list.pages > 1 ? (
        <ListPagination
          page={list.page}
          pages={list.pages}
          total={list.total}
          hrefFor={(page) => hrefWith('/rewards/redemptions', { ...input, page })}
        />
      ) : null}
    </div>
  );
}
