import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../../admin/_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { GradingNav } from '../_components/grading-nav';
import { ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('grading.staff.nav.appeals') };
}

const ZSearch = z.object({
  state: z.enum(['SUBMITTED', 'DECIDED']).default('SUBMITTED'),
  overdue: z.boolean().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});

export default async function AppealsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('grading');
  if (denied) return denied;
  const search = parseSearch(ZSearch, await searchParams, { numbers: ['page'], booleans: ['overdue'] });
  const [{ t, locale }, me] = await Promise.all([getI18n(), getMe()]);
  if (!me.permissions.includes('grading.decideAppeal')) return <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />;
  const { api } = await getServerApi();
  const list = await api.grading.appeals({ state: search.state, overdueOnly: search.overdue, page: search.page });
  const tab = (state: 'SUBMITTED' | 'DECIDED', overdue: boolean, label: MessageKey) => {
    const current = search.state === state && Boolean(search.overdue) === overdue;
    return (
      <Link
        href={hrefWith('/grading/appeals', { state, overdue })}
        aria-current={current ? 'page' : undefined}
        className={buttonClass(current ? 'primary' : 'secondary')}
      >
        {t(label)}
      </Link>
    );
  };
  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('grading.staff.appeals.description')}>{t('grading.staff.title')}</PageTitle>
      <GradingNav current="/grading/appeals" />
      <div className="flex flex-wrap gap-2">
        {tab('SUBMITTED', false, 'grading.staff.appeals.open')}
        {tab('SUBMITTED', true, 'grading.staff.appeals.overdueOnly')}
        {tab('DECIDED', false, 'grading.staff.appeals.decided')}
      </div>
      {list.items.length === 0 ? (
        <EmptyState title={t('grading.staff.appeals.none')} />
      ) : (
        <DataTable caption={t('grading.staff.nav.appeals')} captionHidden scrollLabel={t('grading.staff.review.scroll')}>
          <thead>
            <tr>
              <Th>{t('grading.staff.appeals.retailer')}</Th>
              <Th>{t('grading.staff.runs.period')}</Th>
              <Th className="text-right">{t('grading.staff.appeals.grade')}</Th>
              <Th>{t('grading.staff.appeals.filed')}</Th>
              <Th>{search.state === 'SUBMITTED' ? t('grading.staff.appeals.due') : t('grading.staff.appeals.result')}</Th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr key={a.id}>
                <Th scope="row" className="bg-surface font-normal">
                  <Link href={`/grading/appeals/${a.id}`}>{a.retailer.shopName}</Link>{' '}
                  <span className="text-sm text-ink-muted">
                    {a.retailer.licenceNo} · {a.retailer.district.name}
                  </span>
                </Th>
                <Td>{a.period.code}</Td>
                <Td className="text-right">{a.currentGrade}</Td>
                <Td>{formatDateTime(a.createdAt, locale)}</Td>
                <Td>
                  {a.state === 'SUBMITTED' ? (
                    <>
                      {formatDateTime(a.dueAt, locale)} {a.overdue ? <Badge tone="bad">{t('grading.staff.appeals.overdue')}</Badge> : null}
                    </>
                  ) : (
                    <Badge tone={a.state === 'APPROVED' ? 'ok' : 'muted'}>
                      {t(`grading.appeal.state.${a.state}` as MessageKey)} · {a.decidedGrade}
                    </Badge>
                  )}
                </Td>
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
          hrefFor={(page) => hrefWith('/grading/appeals', { state: search.state, overdue: search.overdue, page })}
        />
      ) : null}
    </div>
  );
}
