import Link from 'next/link';
import { KNOWLEDGE_AUDIENCES, KNOWLEDGE_CATEGORIES, KNOWLEDGE_STATES, ZListArticlesInput } from '@tobacco/api/knowledge/knowledge.schema';
import { formatDateTime, formatNumber } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { areaMetadata, deniedArea } from '@/components/area-page';
import { FilterBar, ListPagination } from '@/components/list-kit';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../admin/_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../admin/_components/search-params';
import { audienceLabel, categoryLabel, STATE_TONE, stateLabel } from './_components/labels';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => areaMetadata('knowledge');

export default async function KnowledgeListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('knowledge');
  if (denied) return denied;
  const input = parseSearch(ZListArticlesInput, await searchParams, { numbers: ['departmentId', 'page', 'pageSize'] });
  const [{ t, locale }, { api }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  const [list, options] = await Promise.all([api.knowledge.list(input), api.knowledge.editorOptions()]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const en = locale === 'en';
  const canWrite = me.permissions.includes('knowledge.write');

  return (
    <div className="flex flex-col gap-5">
      <PageTitle
        actions={
          canWrite ? (
            <div className="flex flex-wrap gap-2">
              <Link href="/knowledge/new" className={buttonClass('primary')}>
                {t('knowledge.staff.new')}
              </Link>
              <Link href="/knowledge/insights" className={buttonClass('secondary')}>
                {t('knowledge.staff.insights')}
              </Link>
            </div>
          ) : null
        }
      >
        {t('knowledge.staff.title')}
      </PageTitle>
      <FilterBar
        label={t('knowledge.staff.filter.apply')}
        submitLabel={t('knowledge.staff.filter.apply')}
        resetHref="/knowledge"
        columns="wide-6"
        buttons="cell"
      >
        <TextField id="kb-q" type="search" name="q" label={t('knowledge.staff.filter.q')} defaultValue={input.q ?? ''} />
        <SelectField
          id="kb-state"
          name="state"
          label={t('knowledge.staff.filter.state')}
          placeholder={t('knowledge.staff.filter.all')}
          defaultValue={input.state ?? ''}
          options={KNOWLEDGE_STATES.map((s) => ({ value: s, label: t(stateLabel(s)) }))}
        />
        <SelectField
          id="kb-audience"
          name="audience"
          label={t('knowledge.staff.filter.audience')}
          placeholder={t('knowledge.staff.filter.all')}
          defaultValue={input.audience ?? ''}
          options={KNOWLEDGE_AUDIENCES.map((a) => ({ value: a, label: t(audienceLabel(a)) }))}
        />
        <SelectField
          id="kb-category"
          name="category"
          label={t('knowledge.staff.filter.category')}
          placeholder={t('knowledge.staff.filter.all')}
          defaultValue={input.category ?? ''}
          options={KNOWLEDGE_CATEGORIES.map((c) => ({ value: c, label: t(categoryLabel(c)) }))}
        />
        <SelectField
          id="kb-department"
          name="departmentId"
          label={t('knowledge.staff.col.department')}
          placeholder={t('knowledge.staff.filter.all')}
          defaultValue={input.departmentId ?? ''}
          options={options.departments.map((d) => ({ value: d.id, label: en ? d.nameEn : d.name }))}
        />
      </FilterBar>
      {list.rows.length === 0 ? (
        <EmptyState title={t('knowledge.staff.empty')} />
      ) : (
        <DataTable
          caption={t('knowledge.staff.total', { n: formatNumber(list.total, locale) })}
          scrollLabel={t('common.tableScroll', { name: t('knowledge.staff.title') })}
          data-testid="kb-list"
        >
          <thead>
            <tr>
              <Th>{t('knowledge.staff.col.title')}</Th>
              <Th>{t('knowledge.staff.col.category')}</Th>
              <Th>{t('knowledge.staff.col.audience')}</Th>
              <Th>{t('knowledge.staff.col.state')}</Th>
              <Th>{t('knowledge.staff.col.department')}</Th>
              <Th>{t('knowledge.staff.col.updated')}</Th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((a) => (
              <tr key={a.id} data-testid="kb-row">
                <Td>
                  <Link href={`/knowledge/${a.id}`} className="font-semibold">
                    {en ? a.titleEn : a.titleZh}
                  </Link>
                </Td>
                <Td>{t(categoryLabel(a.category))}</Td>
                <Td>{t(audienceLabel(a.audience))}</Td>
                <Td>
                  <Badge tone={STATE_TONE[a.state] ?? 'muted'}>{t(stateLabel(a.state))}</Badge>
                </Td>
                <Td>{en ? a.department.nameEn : a.department.name}</Td>
                <Td className="whitespace-nowrap">{formatDateTime(a.updatedAt, locale)}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ListPagination
        page={list.page}
        pages={pages}
        total={list.total}
        hrefFor={(page) => hrefWith('/knowledge', { ...input, page, pageSize: input.pageSize === 20 ? undefined : input.pageSize })}
      />
    </div>
  );
}
