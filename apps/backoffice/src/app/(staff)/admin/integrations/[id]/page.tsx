import { z } from 'zod';
import { CALL_OUTCOMES, type CallOutcome } from '@tobacco/api/integrations/integrations.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { notFound } from 'next/navigation';
import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../../_components/admin-page';
import { hrefWith, type SearchParams } from '../../_components/search-params';
import { ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('ingest.title');

const ZParams = z.object({
  id: z.coerce.number().int().positive().max(2147483647),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export default async function IntegrationCallsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const parsed = ZParams.safeParse({ id: (await params).id, page: (await searchParams).page ?? undefined });
  if (!parsed.success) notFound();
  return (
    <AdminPage permission="admin.integrations" title="ingest.title" back={{ href: '/admin/integrations', label: 'ingest.title' }}>
      <Calls integrationId={parsed.data.id} page={parsed.data.page} />
    </AdminPage>
  );
}

async function Calls({ integrationId, page }: { integrationId: number; page: number }) {
  const [{ t, locale }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const data = await api.integrations.calls({ integrationId, page });
  // Rows written before an outcome had words keep their code.
  const outcomeLabel = (outcome: string) =>
    (CALL_OUTCOMES as readonly string[]).includes(outcome) ? t(`ingest.outcome.${outcome as CallOutcome}`) : outcome;
  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-bold">{t('ingest.calls.title', { name: data.integration.name })}</h2>
      {data.items.length === 0 ? (
        <EmptyState title={t('ingest.calls.empty')} />
      ) : (
        <DataTable caption={t('ingest.calls.caption')} scrollLabel={t('ingest.calls.caption')}>
          <thead>
            <tr>
              <Th>{t('ingest.calls.col.at')}</Th>
              <Th>{t('ingest.calls.col.endpoint')}</Th>
              <Th>{t('ingest.calls.col.status')}</Th>
              <Th>{t('ingest.calls.col.outcome')}</Th>
              <Th>{t('ingest.calls.col.counts')}</Th>
              <Th>{t('ingest.calls.col.ref')}</Th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.id} data-testid="integration-call">
                <Td className="whitespace-nowrap">{formatDateTime(c.createdAt, locale)}</Td>
                <Td className="font-mono">{c.endpoint}</Td>
                <Td>{c.status}</Td>
                <Td>{outcomeLabel(c.outcome)}</Td>
                <Td>
                  {c.received} / {c.written} / {c.flaggedLines}
                </Td>
                <Td className="font-mono">{c.externalRef ?? '—'}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {data.pages > 1 ? (
        <ListPagination
          page={data.page}
          pages={data.pages}
          total={data.total}
          hrefFor={(p) => hrefWith(`/admin/integrations/${integrationId}`, { page: p })}
        />
      ) : null}
    </div>
  );
}
