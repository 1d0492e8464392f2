import Link from 'next/link';
import { ZListPromotionsInput, PROMOTION_STATES } from '@tobacco/api/promotions/promotions.staff.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { areaMetadata, deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../admin/_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../admin/_components/search-params';
import { STATE_TONE, stateLabel, targetSummary } from './_components/labels';
import { FilterBar, ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => areaMetadata('promotions');

export default async function PromotionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('promotions');
  if (denied) return denied;
  const input = parseSearch(ZListPromotionsInput, await searchParams, { numbers: ['page'] });
  const [{ t, locale }, { api }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  const list = await api.promotions.list(input);
  const mayDraft = me.permissions.includes('promotions.draft');
  const mayApprove = me.permissions.includes('promotions.approve');
  return (
    <div className="flex flex-col gap-5">
      <PageTitle
        description={t('promotions.staff.description')}
        actions={
          mayDraft ? (
            <Link href="/promotions/new" className={buttonClass('primary')}>
              {t('promotions.staff.new')}
            </Link>
          ) : undefined
        }
      >
        {t('promotions.staff.title')}
      </PageTitle>
      {mayApprove && list.pending > 0 ? (
        <p role="status" className="rounded-lg border border-warning-800/30 bg-warning-50 px-4 py-3 text-warning-800">
          {t('promotions.staff.pendingBanner', { n: list.pending })}{' '}
          <Link href="/promotions?state=PENDING_APPROVAL" className="font-semibold text-warning-800 underline">
            {t('promotions.staff.showPending')}
          </Link>
        </p>
      ) : null}
      <FilterBar label={t('promotions.staff.filters')} resetHref="/promotions" columns={3} buttons="cell">
        <TextField id="promotions-q" type="search" name="q" label={t('promotions.staff.search')} defaultValue={input.q ?? ''} />
        <SelectField
          id="promotions-state"
          name="state"
          label={t('promotions.staff.stateFilter')}
          placeholder={t('common.all')}
          defaultValue={input.state ?? ''}
          options={PROMOTION_STATES.map((state) => ({ value: state, label: t(stateLabel(state)) }))}
        />
      </FilterBar>
      {list.items.length === 0 ? (
        <EmptyState title={t('promotions.staff.empty')} />
      ) : (
        <DataTable caption={t('promotions.staff.caption', { total: list.total })} scrollLabel={t('promotions.staff.scroll')}>
          <thead>
            <tr>
              <Th>{t('promotions.staff.col.title')}</Th>
              <Th>{t('promotions.staff.col.state')}</Th>
              <Th>{t('promotions.staff.col.window')}</Th>
              <Th>{t('promotions.staff.col.target')}</Th>
              <Th>{t('promotions.staff.col.author')}</Th>
              <Th>{t('promotions.staff.col.delivered')}</Th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr key={p.id}>
                <Td>
                  <Link href={`/promotions/${p.id}`} className="font-semibold">
                    {p.title}
                  </Link>
                </Td>
                <Td>
                  <Badge tone={STATE_TONE[p.state]}>{t(stateLabel(p.state))}</Badge>
                </Td>
                <Td className="whitespace-nowrap">
                  {formatDateTime(p.startsAt, locale)} – {formatDateTime(p.endsAt, locale)}
                </Td>
                <Td>{targetSummary(t, p)}</Td>
                <Td>{p.createdBy.name}</Td>
                <Td>{p._count.deliveries}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {list.pages > 1 ? (
        <ListPagination
          page={list.page}
          pages={list.pages}
          total={list.total}
          hrefFor={(page) => hrefWith('/promotions', { ...input, page })}
        />
      ) : null}
    </div>
  );
}
