import Link from 'next/link';
import { ZListCyclesInput } from '@tobacco/api/allocation/allocation.staff.schema';
import { formatDate, formatDateTime } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { areaMetadata, deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../admin/_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../admin/_components/search-params';
import { POLICY_TONE, policyStateLabel } from './_components/labels';
import { NewVersionButton } from './_components/new-version-button';
import { ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => areaMetadata('allocation');

const OPEN = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED'];

export default async function AllocationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('allocation');
  if (denied) return denied;
  const input = parseSearch(ZListCyclesInput, await searchParams, { numbers: ['page'] });
  const [{ t, locale }, { api }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  const data = await api.allocation.cycles(input);
  const mayDraft = me.permissions.includes('allocation.draft');
  return (
    <div className="flex flex-col gap-5">
      <PageTitle
        description={t('allocation.staff.description')}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/allocation/compare" className={buttonClass('secondary')}>
              {t('allocation.staff.compare.link')}
            </Link>
            <Link href="/allocation/adjustments" className={buttonClass('secondary')}>
              {t('allocation.staff.adjust.link')}
            </Link>
          </div>
        }
      >
        {t('allocation.staff.title')}
      </PageTitle>
      {me.permissions.includes('allocation.approve') && data.pending > 0 ? (
        <p role="status" className="rounded-lg border border-warning-800/30 bg-warning-50 px-4 py-3 text-warning-800">
          {t('allocation.staff.pendingBanner', { n: data.pending })}
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <EmptyState title={t('allocation.staff.noCycles')} />
      ) : (
        <DataTable caption={t('allocation.staff.cyclesCaption')} scrollLabel={t('allocation.staff.cyclesScroll')}>
          <thead>
            <tr>
              <Th>{t('allocation.staff.col.cycle')}</Th>
              <Th>{t('allocation.staff.col.week')}</Th>
              <Th>{t('allocation.staff.col.versions')}</Th>
              <Th>
                <span className="sr-only">{t('allocation.staff.col.actions')}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((cycle) => {
              const past = cycle.weekEnd < data.today;
              const open = cycle.policies.find((p) => OPEN.includes(p.state));
              return (
                <tr key={cycle.weekStart} data-testid="cycle-row" data-cycle-code={cycle.code}>
                  <Th scope="row" className="bg-surface">
                    {cycle.code}
                    {cycle.weekStart === data.currentMonday ? (
                      <span className="ml-2 text-sm font-normal text-brand-700">{t('allocation.staff.currentCycle')}</span>
                    ) : null}
                    {cycle.weekStart === data.nextMonday ? (
                      <span className="ml-2 text-sm font-normal text-ink-muted">{t('allocation.staff.nextCycle')}</span>
                    ) : null}
                  </Th>
                  <Td className="whitespace-nowrap">
                    {formatDate(cycle.weekStart, locale)} – {formatDate(cycle.weekEnd, locale)}
                  </Td>
                  <Td>
                    {cycle.policies.length === 0 ? (
                      <span className="text-ink-muted">{t('allocation.staff.noPolicy')}</span>
                    ) : (
                      <ul className="flex flex-col gap-1">
                        {cycle.policies.map((p) => (
                          <li key={p.id} className="flex flex-wrap items-center gap-2">
                            <Link href={`/allocation/policies/${p.id}`} className="font-semibold">
                              {t('allocation.staff.versionN', { version: p.version })}
                            </Link>
                            <Badge tone={POLICY_TONE[p.state]}>{t(policyStateLabel(p.state))}</Badge>
                            {p.carriedFromId ? <Badge tone="warn">{t('allocation.carried.badge')}</Badge> : null}
                            <span className="text-sm text-ink-muted">
                              {p.publishedAt
                                ? t('allocation.staff.publishedAt', { at: formatDateTime(p.publishedAt, locale) })
                                : p.publishAt
                                  ? t('allocation.staff.publishAt', { at: formatDateTime(p.publishAt, locale) })
                                  : t('allocation.staff.byAuthor', { name: p.createdBy.name })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                  <Td>
                    {open ? (
                      <Link href={`/allocation/policies/${open.id}`} className={buttonClass('secondary')}>
                        {t('allocation.staff.openVersion', { version: open.version })}
                      </Link>
                    ) : mayDraft && !past ? (
                      <NewVersionButton cycleId={cycle.id} weekStart={cycle.weekStart} label={t('allocation.staff.newVersion')} />
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {data.pages > 1 ? (
        <ListPagination page={data.page} pages={data.pages} total={data.total} hrefFor={(page) => hrefWith('/allocation', { page })} />
      ) : null}
    </div>
  );
}
