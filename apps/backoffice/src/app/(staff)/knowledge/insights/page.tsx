import type { Metadata } from 'next';
import Link from 'next/link';
import { ZInsightsInput } from '@tobacco/api/knowledge/knowledge.schema';
import { formatDateTime, formatNumber } from '@tobacco/i18n/format';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { getMe, getServerApi } from '@/trpc/server';
import { hrefWith, parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { stateLabel } from '../_components/labels';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('knowledge.staff.insights.title') };
}

const chip = 'inline-flex min-h-11 items-center rounded-full border px-4 font-semibold no-underline';

// The owners' view: which articles close drafts without a case, which are voted not helpful, and what people
// searched for and did not find (the articles still to write).
export default async function KnowledgeInsightsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [{ t, locale }, me, { api }] = await Promise.all([getI18n(), getMe(), getServerApi()]);
  if (!me.permissions.includes('knowledge.write')) {
    return (
      <>
        <PageTitle>{t('knowledge.staff.insights.title')}</PageTitle>
        <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />
      </>
    );
  }
  const input = parseSearch(ZInsightsInput, await searchParams, { numbers: ['days'] });
  const data = await api.knowledge.insights(input);
  const en = locale === 'en';
  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/knowledge">← {t('knowledge.staff.title')}</Link>
      </p>
      <PageTitle>{t('knowledge.staff.insights.title')}</PageTitle>
      <nav aria-label={t('knowledge.staff.insights.days')}>
        <ul className="flex flex-wrap gap-2">
          {([7, 30, 90] as const).map((days) => (
            <li key={days}>
              <Link
                href={hrefWith('/knowledge/insights', { days: days === 30 ? undefined : days })}
                aria-current={data.days === days ? 'page' : undefined}
                className={`${chip} ${data.days === days ? 'border-brand-700 bg-brand-700 text-white' : 'border-line bg-surface text-ink'}`}
              >
                {t('knowledge.staff.insights.daysOption', { n: days })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-xl border border-line bg-surface p-4">
          <dt className="text-ink-muted">{t('knowledge.staff.insights.deflected')}</dt>
          <dd className="text-3xl font-bold" data-testid="kb-deflected-total">
            {formatNumber(data.totals.deflected, locale)}
          </dd>
          <dd className="text-sm text-ink-muted">{t('knowledge.staff.insights.deflectedHint')}</dd>
        </div>
        <div className="rounded-xl border border-line bg-surface p-4">
          <dt className="text-ink-muted">{t('knowledge.staff.insights.notHelpful')}</dt>
          <dd className="text-3xl font-bold">{formatNumber(data.totals.notHelpful, locale)}</dd>
        </div>
      </dl>
      <section aria-labelledby="kb-feedback" className="flex flex-col gap-3">
        <h2 id="kb-feedback" className="text-lg font-bold">
          {t('knowledge.staff.insights.articles')}
        </h2>
        {data.articles.length === 0 ? (
          <EmptyState title={t('knowledge.staff.insights.noFeedback')} />
        ) : (
          <DataTable
            caption={t('knowledge.staff.insights.articles')}
            scrollLabel={t('common.tableScroll', { name: t('knowledge.staff.insights.articles') })}
            data-testid="kb-feedback"
          >
            <thead>
              <tr>
                <Th>{t('knowledge.staff.col.title')}</Th>
                <Th>{t('knowledge.staff.col.state')}</Th>
                <Th>{t('knowledge.staff.insights.deflected')}</Th>
                <Th>{t('knowledge.staff.insights.notHelpful')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.articles.map((a) => (
                <tr key={a.id} data-testid="kb-feedback-row">
                  <Td>
                    <Link href={`/knowledge/${a.id}`} className="font-semibold">
                      {en ? a.titleEn : a.titleZh}
                    </Link>
                  </Td>
                  <Td>{t(stateLabel(a.state))}</Td>
                  <Td data-testid="kb-deflected">{formatNumber(a.deflected, locale)}</Td>
                  <Td>{formatNumber(a.notHelpful, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <section aria-labelledby="kb-misses" className="flex flex-col gap-3">
        <h2 id="kb-misses" className="text-lg font-bold">
          {t('knowledge.staff.insights.misses')}
        </h2>
        {data.misses.length === 0 ? (
          <EmptyState title={t('knowledge.staff.insights.noMisses')} />
        ) : (
          <DataTable
            caption={t('knowledge.staff.insights.misses')}
            scrollLabel={t('common.tableScroll', { name: t('knowledge.staff.insights.misses') })}
            data-testid="kb-misses"
          >
            <thead>
              <tr>
                <Th>{t('knowledge.staff.insights.query')}</Th>
                <Th>{t('knowledge.staff.insights.count')}</Th>
                <Th>{t('knowledge.staff.insights.lastAt')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.misses.map((m) => (
                <tr key={m.query}>
                  <Td>{m.query}</Td>
                  <Td>{formatNumber(m.n, locale)}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(m.lastAt, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </div>
  );
}
