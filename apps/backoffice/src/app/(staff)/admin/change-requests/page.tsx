import Link from 'next/link';
import { CHANGE_REQUEST_STATES, ZListChangeRequestsInput } from '@tobacco/api/admin/change-approvals.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { cn } from '@tobacco/ui/lib/cn';
import { EmptyState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import { hrefWith, parseSearch, type SearchParams } from '../_components/search-params';
import { DecisionForm } from './decision-form';
import { withNote } from '@tobacco/i18n/translator';
import { ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.changeRequests.title');

export default async function ChangeRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <AdminPage
      permission="changeRequests.approve"
      title="admin.changeRequests.title"
      description="admin.changeRequests.description"
      back={null}
    >
      <Queue searchParams={await searchParams} />
    </AdminPage>
  );
}

async function Queue({ searchParams }: { searchParams: SearchParams }) {
  const input = parseSearch(ZListChangeRequestsInput, searchParams, { numbers: ['page'] });
  const [{ t, locale }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const list = await api.admin.changeRequests.list(input);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t('admin.changeRequests.states')}>
        <ul className="flex flex-wrap gap-2">
          {CHANGE_REQUEST_STATES.map((state) => (
            <li key={state}>
              <Link
                href={hrefWith('/admin/change-requests', { state: state === 'PENDING' ? undefined : state })}
                aria-current={input.state === state ? 'page' : undefined}
                className={cn(
                  'inline-flex min-h-11 items-center rounded-lg border px-4',
                  input.state === state ? 'border-brand-700 bg-brand-50 font-semibold text-brand-800' : 'border-line text-ink',
                )}
              >
                {t(`admin.changeRequests.state.${state}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.items.length === 0 ? (
        <EmptyState title={t('admin.changeRequests.empty')} />
      ) : (
        <ul className="flex flex-col gap-4">
          {list.items.map((request) => (
            <li key={request.id} className="rounded-xl border border-line bg-surface p-4" data-testid="change-request">
              <article aria-labelledby={`cr-${request.id}`} className="flex flex-col gap-3">
                <header className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`cr-${request.id}`} className="text-lg font-bold">
                    {request.retailer.shopName} <span className="font-mono text-base font-normal">{request.retailer.licenceNo}</span>
                  </h2>
                  <p className="text-sm text-ink-muted">
                    {t('admin.changeRequests.filed', {
                      at: formatDateTime(request.createdAt, locale),
                      by: request.requestedBy
                        ? withNote(t, request.requestedBy.name, t(`admin.changeRequests.by.${request.requestedBy.kind}`))
                        : '—',
                    })}
                  </p>
                </header>
                <table className="w-full border-collapse text-left">
                  <caption className="sr-only">{t('admin.changeRequests.changesCaption')}</caption>
                  <thead>
                    <tr className="text-sm text-ink-muted">
                      <th scope="col" className="py-1 pr-3 font-semibold">
                        {t('admin.changeRequests.col.field')}
                      </th>
                      <th scope="col" className="py-1 pr-3 font-semibold">
                        {t('admin.changeRequests.col.current')}
                      </th>
                      <th scope="col" className="py-1 font-semibold">
                        {t('admin.changeRequests.col.requested')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {request.fields.map((field) => (
                      <tr key={field.field} className="border-t border-line">
                        <th scope="row" className="py-2 pr-3 font-semibold">
                          {t(`admin.changeRequests.field.${field.field}`)}
                        </th>
                        <td className="py-2 pr-3">
                          {field.current ?? '—'}
                          {field.changedSince ? (
                            <span className="ml-2 text-sm font-semibold text-warning-800">{t('admin.changeRequests.changedSince')}</span>
                          ) : null}
                        </td>
                        <td className="py-2 font-semibold text-brand-800">{field.requested ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {request.reason ? <p>{t('admin.changeRequests.reason', { reason: request.reason })}</p> : null}
                {request.state === 'PENDING' ? (
                  <DecisionForm id={request.id} />
                ) : (
                  <p className="text-ink-muted">
                    {t('admin.changeRequests.decided', {
                      state: t(`admin.changeRequests.state.${request.state}`),
                      by: request.decidedBy ?? '—',
                      at: request.decidedAt ? formatDateTime(request.decidedAt, locale) : '—',
                    })}
                    {request.decisionNote ? ` · ${request.decisionNote}` : ''}
                  </p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      <ListPagination
        page={list.page}
        pages={list.pages}
        total={list.total}
        hrefFor={(page) =>
          hrefWith('/admin/change-requests', {
            state: input.state === 'PENDING' ? undefined : input.state,
            page: page === 1 ? undefined : page,
          })
        }
      />
    </div>
  );
}
