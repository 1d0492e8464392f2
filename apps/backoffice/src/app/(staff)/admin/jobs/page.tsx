import Link from 'next/link';
import { ZListFailedJobsInput } from '@tobacco/api/jobs/jobs.schema';
import type { Translate } from '@tobacco/i18n/translator';
import { formatDateTime, formatNumber } from '@tobacco/i18n/format';
import { SelectField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { FilterBar, ListPagination } from '@/components/list-kit';
import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import { hrefWith, parseSearch, type SearchParams } from '../_components/search-params';
import { RetryJobButton } from './retry-button';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.jobs.title');

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <AdminPage permission="admin.jobs" title="admin.jobs.title" description="admin.jobs.description">
      <JobQueue searchParams={await searchParams} />
    </AdminPage>
  );
}

function waited(t: Translate, seconds: number | null): string {
  if (seconds === null) return t('admin.jobs.none');
  if (seconds < 120) return t('admin.jobs.seconds', { seconds });
  if (seconds < 7200) return t('admin.jobs.minutes', { minutes: Math.floor(seconds / 60) });
  return t('admin.jobs.hours', { hours: Math.floor(seconds / 3600) });
}

async function JobQueue({ searchParams }: { searchParams: SearchParams }) {
  const input = parseSearch(ZListFailedJobsInput, searchParams, { numbers: ['page'] });
  const [{ t, locale }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const [queues, failed] = await Promise.all([api.jobs.overview(), api.jobs.failed(input)]);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-3" aria-labelledby="job-queues">
        <h2 id="job-queues" className="text-xl font-semibold">
          {t('admin.jobs.queues')}
        </h2>
        <DataTable caption={t('admin.jobs.queuesCaption', { count: queues.length })} scrollLabel={t('admin.jobs.scroll')}>
          <thead>
            <tr>
              <Th>{t('admin.jobs.col.queue')}</Th>
              <Th className="text-right">{t('admin.jobs.col.waiting')}</Th>
              <Th>{t('admin.jobs.col.oldest')}</Th>
              <Th className="text-right">{t('admin.jobs.col.scheduled')}</Th>
              <Th className="text-right">{t('admin.jobs.col.running')}</Th>
              <Th className="text-right">{t('admin.jobs.col.done')}</Th>
              <Th className="text-right">{t('admin.jobs.col.failed')}</Th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => (
              <tr key={q.queue} data-testid="job-queue-row">
                <Td className="font-mono text-sm">{q.queue}</Td>
                <Td className="text-right">{n(q.waiting)}</Td>
                <Td>{waited(t, q.oldestWaitingSeconds)}</Td>
                <Td className="text-right">{n(q.scheduled)}</Td>
                <Td className="text-right">{n(q.running)}</Td>
                <Td className="text-right">{n(q.done)}</Td>
                <Td className="text-right">
                  {q.failed > 0 ? (
                    <Link href={hrefWith('/admin/jobs', { queue: q.queue })} className="font-semibold text-danger-700">
                      {n(q.failed)}
                    </Link>
                  ) : (
                    n(0)
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <section className="flex flex-col gap-3" aria-labelledby="failed-jobs">
        <h2 id="failed-jobs" className="text-xl font-semibold">
          {t('admin.jobs.failed')}
        </h2>
        <FilterBar resetHref="/admin/jobs" columns={2}>
          <SelectField
            id="jobs-queue"
            name="queue"
            label={t('admin.jobs.filter.queue')}
            placeholder={t('common.all')}
            defaultValue={input.queue ?? ''}
            options={queues.map((q) => ({ value: q.queue, label: q.queue }))}
          />
        </FilterBar>
        {failed.items.length === 0 ? (
          <EmptyState title={t('admin.jobs.noFailed')} />
        ) : (
          <DataTable caption={t('admin.jobs.failedCaption', { total: failed.total })} scrollLabel={t('admin.jobs.scroll')}>
            <thead>
              <tr>
                <Th>{t('admin.jobs.col.job')}</Th>
                <Th className="text-right">{t('admin.jobs.col.attempts')}</Th>
                <Th>{t('admin.jobs.col.failedAt')}</Th>
                <Th>{t('admin.jobs.col.error')}</Th>
                <Th>{t('admin.jobs.col.payload')}</Th>
                <Th>{t('admin.jobs.col.action')}</Th>
              </tr>
            </thead>
            <tbody>
              {failed.items.map((job) => (
                <tr key={job.id} data-testid="failed-job-row">
                  <Td>
                    <span className="font-mono text-sm">{job.queue}</span>
                    <br />
                    <span className="font-mono text-xs text-ink-muted">{job.uniqueKey ?? job.id}</span>
                  </Td>
                  <Td className="text-right">{n(job.attempts)}</Td>
                  <Td className="whitespace-nowrap">{job.failedAt ? formatDateTime(job.failedAt, locale) : t('admin.jobs.none')}</Td>
                  <Td className="max-w-md break-words">{job.error ?? t('admin.jobs.none')}</Td>
                  <Td>
                    <pre className="max-w-xs overflow-auto rounded-md bg-canvas p-2 text-xs whitespace-pre-wrap">
                      {JSON.stringify(job.payload)}
                    </pre>
                  </Td>
                  <Td>
                    <RetryJobButton queue={job.queue} id={job.id} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <ListPagination
          page={failed.page}
          pages={failed.pages}
          total={failed.total}
          hrefFor={(page) => hrefWith('/admin/jobs', { ...input, page })}
        />
      </section>
    </div>
  );
}
