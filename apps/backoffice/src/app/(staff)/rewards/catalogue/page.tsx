import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ZListItemsInput } from '@tobacco/api/rewards/rewards.staff.schema';
import { formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { TextField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../../admin/_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { EditItemToggle, ItemEditor } from '../_components/item-editor';
import { RewardsNav } from '../_components/rewards-nav';
import { FilterBar, ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('rewards.staff.nav.catalogue') };
}

export default async function CataloguePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('rewards');
  if (denied) return denied;
  const input = parseSearch(ZListItemsInput, await searchParams, { numbers: ['page'] });
  const [{ t, locale }, me] = await Promise.all([getI18n(), getMe()]);
  if (!me.permissions.includes('rewards.read')) redirect('/rewards/redemptions');
  const { api } = await getServerApi();
  const list = await api.rewards.items(input);
  const manage = me.permissions.includes('rewards.manage');
  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('rewards.staff.catalogue.description')}>{t('rewards.staff.title')}</PageTitle>
      <RewardsNav current="/rewards/catalogue" />
      {manage ? (
        <section aria-labelledby="new-item-heading" className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
          <h2 id="new-item-heading" className="text-lg font-bold">
            {t('rewards.staff.catalogue.new')}
          </h2>
          <ItemEditor />
        </section>
      ) : null}
      <FilterBar label={t('rewards.staff.catalogue.filters')} columns="inline">
        <TextField id="items-q" type="search" name="q" label={t('rewards.staff.catalogue.search')} defaultValue={input.q ?? ''} />
      </FilterBar>
      {list.items.length === 0 ? (
        <EmptyState title={t('rewards.staff.catalogue.empty')} />
      ) : (
        <DataTable caption={t('rewards.staff.catalogue.caption', { total: list.total })} scrollLabel={t('rewards.staff.catalogue.scroll')}>
          <thead>
            <tr>
              <Th>{t('rewards.staff.catalogue.name')}</Th>
              <Th>{t('rewards.staff.catalogue.kind')}</Th>
              <Th className="text-right">{t('rewards.staff.catalogue.points')}</Th>
              <Th className="text-right">{t('rewards.staff.catalogue.stock')}</Th>
              <Th className="text-right">{t('rewards.staff.catalogue.waiting')}</Th>
              <Th>{t('rewards.staff.catalogue.status')}</Th>
              {manage ? (
                <Th>
                  <span className="sr-only">{t('rewards.staff.catalogue.edit')}</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                <Td>
                  <span className="font-semibold">{locale === 'en' ? item.nameEn : item.name}</span>
                  <p className="text-sm text-ink-muted">{item.description}</p>
                </Td>
                <Td>{t(`rewards.staff.catalogue.${item.kind === 'SERVICE' ? 'SERVICE' : 'GIFT'}` as MessageKey)}</Td>
                <Td className="text-right">{formatNumber(item.points, locale)}</Td>
                <Td className="text-right">{formatNumber(item.stock, locale)}</Td>
                <Td className="text-right">{item.waiting}</Td>
                <Td>
                  {item.active ? (
                    <Badge tone="ok">{t('rewards.staff.catalogue.on')}</Badge>
                  ) : (
                    <Badge tone="muted">{t('rewards.staff.catalogue.off')}</Badge>
                  )}
                </Td>
                {manage ? (
                  <Td>
                    <EditItemToggle item={item} />
                  </Td>
                ) : null}
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
          hrefFor={(page) => hrefWith('/rewards/catalogue', { ...input, page })}
        />
      ) : null}
    </div>
  );
}
