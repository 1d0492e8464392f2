import type { Metadata } from 'next';
import Link from 'next/link';
import { ZListAdjustmentsInput } from '@tobacco/api/allocation/allocation.staff.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import { TextField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { hrefWith, parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { AdjustForm } from '../_components/adjust-form';
import { FilterBar, ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('allocation.staff.adjust.title') };
}

export default async function AdjustmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('allocation');
  if (denied) return denied;
  const input = parseSearch(ZListAdjustmentsInput, await searchParams, { numbers: ['page', 'cycleId'] });
  const [{ t, locale }, { api }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  const [list, cycles] = await Promise.all([api.allocation.adjustments(input), api.allocation.adjustableCycles()]);
  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/allocation">← {t('allocation.staff.title')}</Link>
      </p>
      <PageTitle description={t('allocation.staff.adjust.description')}>{t('allocation.staff.adjust.title')}</PageTitle>
      {me.permissions.includes('allocation.adjust') ? <AdjustForm cycles={cycles} /> : null}
      <FilterBar label={t('allocation.staff.adjust.filters')} columns="inline">
        <TextField
          id="adjust-licence"
          name="licenceNo"
          label={t('allocation.staff.adjust.licence')}
          defaultValue={input.licenceNo ?? ''}
          inputMode="numeric"
        />
      </FilterBar>
      {list.items.length === 0 ? (
        <EmptyState title={t('allocation.staff.adjust.empty')} />
      ) : (
        <DataTable caption={t('allocation.staff.adjust.caption', { total: list.total })} scrollLabel={t('allocation.staff.adjust.scroll')}>
          <thead>
            <tr>
              <Th>{t('allocation.staff.adjust.when')}</Th>
              <Th>{t('allocation.staff.adjust.retailer')}</Th>
              <Th>{t('allocation.staff.col.cycle')}</Th>
              <Th>{t('allocation.staff.grid.product')}</Th>
              <Th className="text-right">{t('allocation.staff.adjust.delta')}</Th>
              <Th>{t('allocation.staff.adjust.reason')}</Th>
              <Th>{t('allocation.staff.adjust.by')}</Th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr key={a.id}>
                <Td className="whitespace-nowrap">{formatDateTime(a.createdAt, locale)}</Td>
                <Td>
                  {a.retailer.shopName} <span className="text-sm text-ink-muted">{a.retailer.licenceNo}</span>
                </Td>
                <Td>{a.cycle.code}</Td>
                <Td>
                  {a.product.brand} {a.product.name}
                </Td>
                <Td className="text-right font-semibold">{a.delta > 0 ? `+${a.delta}` : a.delta}</Td>
                <Td>{a.reason}</Td>
                <Td>{a.createdBy.name}</Td>
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
          hrefFor={(page) => hrefWith('/allocation/adjustments', { ...input, page })}
        />
      ) : null}
    </div>
  );
}
