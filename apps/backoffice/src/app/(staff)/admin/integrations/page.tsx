import Link from 'next/link';
import { formatDateTime } from '@tobacco/i18n/format';
import { withNote } from '@tobacco/i18n/translator';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import { Badge } from '../_components/feedback';
import { CreateIntegration, IntegrationActions } from './integration-actions';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('ingest.title');

export default async function IntegrationsPage() {
  return (
    <AdminPage permission="admin.integrations" title="ingest.title" description="ingest.description">
      <Integrations />
    </AdminPage>
  );
}

async function Integrations() {
  const [{ t, locale }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const items = await api.integrations.list();
  return (
    <div className="flex flex-col gap-5">
      <p>
        <a href="/api/ingest/v1/openapi.json" className="font-semibold">
          {t('ingest.openapi')}
        </a>
      </p>
      <CreateIntegration />
      {items.length === 0 ? (
        <EmptyState title={t('ingest.empty')} />
      ) : (
        <DataTable caption={t('ingest.title')} scrollLabel={t('ingest.title')}>
          <thead>
            <tr>
              <Th>{t('ingest.col.name')}</Th>
              <Th>{t('ingest.col.key')}</Th>
              <Th>{t('ingest.col.state')}</Th>
              <Th>{t('ingest.col.calls')}</Th>
              <Th>{t('ingest.col.last')}</Th>
              <Th>{t('ingest.col.actions')}</Th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-testid="integration-row">
                <Th scope="row" className="bg-surface">
                  {i.name}
                </Th>
                <Td className="font-mono">tsk_{i.keyPrefix}_…</Td>
                <Td>{i.revokedAt ? <Badge tone="bad">{t('ingest.revoked')}</Badge> : <Badge tone="ok">{t('ingest.active')}</Badge>}</Td>
                <Td>{withNote(t, i.calls, i.failed)}</Td>
                <Td>{i.lastCallAt ? formatDateTime(i.lastCallAt, locale) : '—'}</Td>
                <Td>
                  <div className="flex flex-col gap-2">
                    <Link href={`/admin/integrations/${i.id}`} className="font-semibold">
                      {t('ingest.calls.link')}
                    </Link>
                    {i.revokedAt ? null : <IntegrationActions id={i.id} />}
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
