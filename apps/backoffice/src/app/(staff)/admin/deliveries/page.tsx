import { DELIVERY_CHANNELS, DELIVERY_STATUSES, ZListDeliveriesInput } from '@tobacco/api/channels/channels.log.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { SelectField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { FilterBar, ListPagination } from '@/components/list-kit';
import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import { hrefWith, parseSearch, type SearchParams } from '../_components/search-params';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('channels.log.title');

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <AdminPage permission="admin.jobs" title="channels.log.title" description="channels.log.description">
      <DeliveryLog searchParams={await searchParams} />
    </AdminPage>
  );
}

async function DeliveryLog({ searchParams }: { searchParams: SearchParams }) {
  const input = parseSearch(ZListDeliveriesInput, searchParams, { numbers: ['page'] });
  const [{ t, locale }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const list = await api.channels.deliveries(input);
  return (
    <div className="flex flex-col gap-4">
      <FilterBar resetHref="/admin/deliveries" columns="wide-3">
        <SelectField
          id="delivery-status"
          name="status"
          label={t('channels.log.status')}
          placeholder={t('common.all')}
          defaultValue={input.status ?? ''}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`channels.log.status.${s}` as MessageKey) }))}
        />
        <SelectField
          id="delivery-channel"
          name="channel"
          label={t('channels.log.channel')}
          placeholder={t('common.all')}
          defaultValue={input.channel ?? ''}
          options={DELIVERY_CHANNELS.map((c) => ({ value: c, label: t(c === 'SMS' ? 'channels.sms' : 'channels.wechat') }))}
        />
      </FilterBar>
      {list.items.length === 0 ? (
        <EmptyState title={t('channels.log.empty')} />
      ) : (
        <DataTable caption={t('channels.log.caption', { total: list.total })} scrollLabel={t('channels.log.scroll')}>
          <thead>
            <tr>
              <Th>{t('channels.log.col.time')}</Th>
              <Th>{t('channels.log.col.shop')}</Th>
              <Th>{t('channels.log.col.kind')}</Th>
              <Th>{t('channels.log.channel')}</Th>
              <Th>{t('channels.log.status')}</Th>
              <Th>{t('channels.log.col.attempts')}</Th>
              <Th>{t('channels.log.col.error')}</Th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((row) => (
              <tr key={row.id} data-testid="delivery-row">
                <Td className="whitespace-nowrap">{formatDateTime(row.createdAt, locale)}</Td>
                <Td>
                  {row.retailer.shopName}
                  <span className="block font-mono text-xs text-ink-muted">{row.retailer.licenceNo}</span>
                </Td>
                <Td>{t(`notifications.kind.${row.kind}` as MessageKey)}</Td>
                <Td>{t(row.channel === 'SMS' ? 'channels.sms' : 'channels.wechat')}</Td>
                <Td>
                  {t(`channels.log.status.${row.status}` as MessageKey)}
                  {row.sentAt ? <span className="block text-xs text-ink-muted">{formatDateTime(row.sentAt, locale)}</span> : null}
                </Td>
                <Td>{row.attempts}</Td>
                <Td className="max-w-xs text-sm break-words">{row.lastError ?? ''}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ListPagination
        page={list.page}
        pages={list.pages}
        total={list.total}
        hrefFor={(page) => hrefWith('/admin/deliveries', { ...input, page })}
      />
    </div>
  );
}
