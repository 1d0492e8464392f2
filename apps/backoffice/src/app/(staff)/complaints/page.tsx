import Link from 'next/link';
import { CASE_CHANNELS, CASE_KINDS, COUNTED_STATES } from '@tobacco/api/complaints/complaints.constants';
import { ZQueueInput } from '@tobacco/api/complaints/complaints.schema';
import { formatDateTime, formatNumber } from '@tobacco/i18n/format';
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
import { channelLabel, kindLabel, STATE_TONE, stateLabel } from './_lib/labels';
import { FilterBar, ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => areaMetadata('complaints');

const chip = 'inline-flex min-h-11 items-center gap-2 rounded-full border px-4 font-semibold no-underline';
const chipOn = 'border-brand-700 bg-brand-700 text-white';
const chipOff = 'border-line bg-surface text-ink hover:bg-brand-50';

export default async function ComplaintQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('complaints');
  if (denied) return denied;
  const raw = await searchParams;
  const input = parseSearch(ZQueueInput, raw, {
    numbers: ['categoryId', 'departmentId', 'districtId', 'page', 'pageSize'],
    booleans: ['overdue', 'dueToday'],
  });
  const [{ t, locale }, { api }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  const [queue, options] = await Promise.all([api.complaints.queue(input), api.complaints.filterOptions()]);
  const name = (o: { name: string; nameEn: string }) => (locale === 'en' ? o.nameEn : o.name);
  const categories = new Map(options.categories.map((c) => [c.id, name(c)]));
  const departments = new Map(options.departments.map((d) => [d.id, name(d)]));
  const href = (patch: Record<string, string | number | boolean | undefined>) =>
    hrefWith('/complaints', { ...input, page: undefined, pageSize: input.pageSize === 20 ? undefined : input.pageSize, ...patch });

  const stateTabs: { value: string; label: string; count?: number }[] = [
    { value: 'open', label: t('complaints.queue.open'), count: queue.counts.open },
    ...COUNTED_STATES.map((s) => ({ value: s, label: t(stateLabel(s)), count: queue.counts.byState[s] })),
    { value: 'CLOSED', label: t(stateLabel('CLOSED')) },
    { value: 'all', label: t('common.all') },
  ];
  const ownerOptions = [
    { value: 'me', label: t('complaints.queue.ownerMe') },
    { value: 'none', label: t('complaints.queue.ownerNone') },
    ...options.owners.map((o) => ({ value: o.id, label: o.name })),
  ];

  return (
    <div className="flex flex-col gap-5">
      <PageTitle
        description={t('complaints.queue.description')}
        actions={
          <div className="flex flex-wrap gap-2">
            {me.permissions.includes('complaints.file') ? (
              <Link href="/complaints/new" className={buttonClass('primary')}>
                {t('complaints.queue.fileByPhone')}
              </Link>
            ) : null}
            <Link href="/complaints/overview" className={buttonClass('secondary')}>
              {t('complaints.overview.title')}
            </Link>
          </div>
        }
      >
        {t('complaints.queue.title')}
      </PageTitle>

      <nav aria-label={t('complaints.queue.stateNav')}>
        <ul className="flex flex-wrap gap-2">
          {stateTabs.map((tab) => (
            <li key={tab.value}>
              <Link
                href={href({ state: tab.value === 'open' ? undefined : tab.value })}
                aria-current={input.state === tab.value ? 'page' : undefined}
                className={`${chip} ${input.state === tab.value ? chipOn : chipOff}`}
              >
                {tab.label}
                {tab.count !== undefined ? <span data-testid={`count-${tab.value}`}>{formatNumber(tab.count, locale)}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t('complaints.queue.quickNav')}>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              href={href({ overdue: !input.overdue })}
              aria-current={input.overdue ? 'true' : undefined}
              className={`${chip} ${input.overdue ? 'border-danger-700 bg-danger-700 text-white' : 'border-danger-200 bg-danger-50 text-danger-700'}`}
            >
              {t('complaints.queue.overdue')} <span>{formatNumber(queue.counts.overdue, locale)}</span>
            </Link>
          </li>
          <li>
            <Link
              href={href({ dueToday: !input.dueToday })}
              aria-current={input.dueToday ? 'true' : undefined}
              className={`${chip} ${input.dueToday ? chipOn : chipOff}`}
            >
              {t('complaints.queue.dueToday')} <span>{formatNumber(queue.counts.dueToday, locale)}</span>
            </Link>
          </li>
          <li>
            <Link
              href={href({ owner: input.owner === 'me' ? undefined : 'me' })}
              aria-current={input.owner === 'me' ? 'true' : undefined}
              className={`${chip} ${input.owner === 'me' ? chipOn : chipOff}`}
            >
              {t('complaints.queue.ownerMe')}
            </Link>
          </li>
          <li>
            <Link
              href={href({ owner: input.owner === 'none' ? undefined : 'none' })}
              aria-current={input.owner === 'none' ? 'true' : undefined}
              className={`${chip} ${input.owner === 'none' ? chipOn : chipOff}`}
            >
              {t('complaints.queue.ownerNone')}
            </Link>
          </li>
        </ul>
      </nav>

      <FilterBar label={t('complaints.queue.filters')} resetHref="/complaints" columns="wide-4" buttons="cell">
        {input.state !== 'open' ? <input type="hidden" name="state" value={input.state} /> : null}
        {input.overdue ? <input type="hidden" name="overdue" value="1" /> : null}
        {input.dueToday ? <input type="hidden" name="dueToday" value="1" /> : null}
        <TextField
          id="q-search"
          type="search"
          name="q"
          label={t('complaints.queue.search')}
          hint={t('complaints.queue.searchHint')}
          defaultValue={input.q ?? ''}
        />
        <SelectField
          id="q-kind"
          name="kind"
          label={t('complaints.form.kind')}
          placeholder={t('common.all')}
          defaultValue={input.kind ?? ''}
          options={CASE_KINDS.map((k) => ({ value: k, label: t(kindLabel(k)) }))}
        />
        <SelectField
          id="q-category"
          name="categoryId"
          label={t('complaints.form.category')}
          placeholder={t('common.all')}
          defaultValue={input.categoryId ?? ''}
          options={options.categories.map((c) => ({ value: c.id, label: name(c) }))}
        />
        <SelectField
          id="q-department"
          name="departmentId"
          label={t('complaints.queue.department')}
          placeholder={t('common.all')}
          defaultValue={input.departmentId ?? ''}
          options={options.departments.map((d) => ({ value: d.id, label: name(d) }))}
        />
        <SelectField
          id="q-owner"
          name="owner"
          label={t('complaints.queue.owner')}
          placeholder={t('common.all')}
          defaultValue={input.owner ?? ''}
          options={ownerOptions}
        />
        <SelectField
          id="q-channel"
          name="channel"
          label={t('complaints.queue.channel')}
          placeholder={t('common.all')}
          defaultValue={input.channel ?? ''}
          options={CASE_CHANNELS.map((c) => ({ value: c, label: t(channelLabel(c)) }))}
        />
        <SelectField
          id="q-district"
          name="districtId"
          label={t('complaints.queue.district')}
          placeholder={t('common.all')}
          defaultValue={input.districtId ?? ''}
          options={options.districts.map((d) => ({ value: d.id, label: name(d) }))}
        />
      </FilterBar>

      {queue.items.length === 0 ? (
        <EmptyState title={t('complaints.queue.empty')} body={t('complaints.queue.emptyBody')} />
      ) : (
        <DataTable
          caption={
            queue.totalCapped
              ? t('complaints.queue.captionCapped', { total: formatNumber(queue.total, locale) })
              : t('complaints.queue.caption', { total: formatNumber(queue.total, locale) })
          }
          scrollLabel={t('common.tableScroll', { name: t('complaints.queue.title') })}
          data-testid="queue"
        >
          <thead>
            <tr>
              <Th>{t('complaints.queue.col.case')}</Th>
              <Th>{t('complaints.queue.col.shop')}</Th>
              <Th>{t('complaints.queue.col.kind')}</Th>
              <Th>{t('complaints.queue.col.state')}</Th>
              <Th>{t('complaints.queue.col.department')}</Th>
              <Th>{t('complaints.queue.col.owner')}</Th>
              <Th>{t('complaints.queue.col.deadline')}</Th>
            </tr>
          </thead>
          <tbody>
            {queue.items.map((c) => {
              const deadline = c.state === 'SUBMITTED' ? c.acceptDueAt : c.resolveDueAt;
              return (
                <tr key={c.id} data-testid="queue-row">
                  <Td>
                    <Link href={`/complaints/${c.id}`} className="font-semibold">
                      {c.subject}
                    </Link>
                    <span className="block text-sm text-ink-muted">
                      {c.caseNo} · {t(channelLabel(c.channel))}
                    </span>
                  </Td>
                  <Td>
                    {c.shopName}
                    <span className="block text-sm text-ink-muted">{c.licenceNo}</span>
                  </Td>
                  <Td>
                    {t(kindLabel(c.kind))}
                    <span className="block text-sm text-ink-muted">{categories.get(c.categoryId)}</span>
                  </Td>
                  <Td>
                    <Badge tone={STATE_TONE[c.state] ?? 'muted'}>{t(stateLabel(c.state))}</Badge>
                  </Td>
                  <Td>{departments.get(c.departmentId)}</Td>
                  <Td className="whitespace-nowrap">
                    {c.ownerName ?? <span className="text-ink-muted">{t('complaints.queue.ownerNone')}</span>}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {c.state === 'CLOSED' ? (
                      <span className="text-ink-muted">—</span>
                    ) : (
                      <>
                        <span className="block text-sm text-ink-muted">
                          {c.state === 'SUBMITTED'
                            ? t('complaints.queue.acceptBy')
                            : c.state === 'RESOLVED'
                              ? t('complaints.queue.resolvedDue')
                              : t('complaints.queue.resolveBy')}
                        </span>
                        {formatDateTime(deadline, locale)}
                        {c.overdue ? (
                          <span className="ml-2">
                            <Badge tone="bad">{t('complaints.queue.overdueBadge')}</Badge>
                          </span>
                        ) : c.pausedAt ? (
                          <span className="ml-2">
                            <Badge tone="warn">{t('complaints.queue.pausedBadge')}</Badge>
                          </span>
                        ) : c.dueSoon ? (
                          <span className="ml-2">
                            <Badge tone="warn">{t('complaints.queue.soonBadge')}</Badge>
                          </span>
                        ) : null}
                      </>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {queue.pages > 1 ? (
        <ListPagination
          page={queue.page}
          pages={queue.pages}
          total={queue.total}
          hrefFor={(page) => hrefWith('/complaints', { ...input, page })}
        />
      ) : null}
    </div>
  );
}
