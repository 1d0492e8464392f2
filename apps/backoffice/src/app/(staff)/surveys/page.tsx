import type { Metadata } from 'next';
import Link from 'next/link';
import { SURVEY_STATES, type SurveyState } from '@tobacco/api/surveys/surveys.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { areaMetadata, deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { STATE_STYLE, windowText } from './_lib/format';
import { ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';

export function generateMetadata(): Promise<Metadata> {
  return areaMetadata('surveys');
}

type Props = { searchParams: Promise<{ state?: string; page?: string }> };

export default async function SurveysPage({ searchParams }: Props) {
  const denied = await deniedArea('surveys');
  if (denied) return denied;
  const [{ t, locale }, me, { api, requestId }, params] = await Promise.all([getI18n(), getMe(), getServerApi(), searchParams]);
  const can = (p: string) => me.permissions.includes(p as never);
  const state = SURVEY_STATES.includes(params.state as SurveyState) ? (params.state as SurveyState) : undefined;
  const page = Math.max(1, Math.min(10_000, Number(params.page) || 1));
  const href = (next: { state?: string; page?: number }) => {
    const q = new URLSearchParams();
    if (next.state) q.set('state', next.state);
    if (next.page && next.page > 1) q.set('page', String(next.page));
    const s = q.toString();
    return s ? `/surveys?${s}` : '/surveys';
  };

  const [list, entry] = await Promise.all([
    can('surveys.read') ? api.surveys.list({ state, page }).catch((error: unknown) => ({ error })) : null,
    can('surveys.enterAnswers') ? api.surveys.entry.surveys().catch((error: unknown) => ({ error })) : null,
  ]);
  const failed = (value: unknown): value is { error: unknown } => typeof value === 'object' && value !== null && 'error' in value;
  const failure = (error: unknown) => {
    const m = errorMessageOf(error, requestId);
    return (
      <ErrorState
        title={t('common.loadFailed')}
        message={t(m.key, m.params)}
        action={
          <a href={href({ state, page })} className={buttonClass('secondary')}>
            {t('common.retry')}
          </a>
        }
      />
    );
  };

  return (
    <div className="flex flex-col gap-8">
      <PageTitle
        actions={
          can('surveys.draft') ? (
            <Link href="/surveys/new" className={buttonClass('primary')}>
              {t('surveys.list.new')}
            </Link>
          ) : undefined
        }
      >
        {t('backoffice.nav.surveys')}
      </PageTitle>

      {entry ? (
        <section aria-labelledby="entry-title" className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
          <h2 id="entry-title" className="text-xl font-bold text-ink">
            {t('surveys.list.entryTitle')}
          </h2>
          <p className="text-ink-muted">{t('surveys.list.entryBody')}</p>
          {failed(entry) ? (
            failure(entry.error)
          ) : entry.length === 0 ? (
            <p>{t('surveys.list.entryEmpty')}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {entry.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-2">
                  <span className="font-semibold">{s.title}</span>
                  <Link href={`/surveys/${s.id}/entry`} className={buttonClass('secondary')}>
                    {t('surveys.list.enter')}
                    <span className="sr-only">{t('common.linkSubject', { subject: s.title })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {list ? (
        <section aria-labelledby="list-title" className="flex flex-col gap-4">
          <h2 id="list-title" className="text-xl font-bold text-ink">
            {t('surveys.list.caption')}
          </h2>
          <nav aria-label={t('surveys.list.filterState')} className="flex flex-wrap gap-2">
            {[undefined, ...SURVEY_STATES].map((s) => (
              <Link
                key={s ?? 'all'}
                href={href({ state: s })}
                aria-current={s === state ? 'page' : undefined}
                className="inline-flex min-h-11 items-center rounded-full border border-line bg-surface px-4 text-ink no-underline aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
              >
                {s ? t(`surveys.state.${s}` as MessageKey) : t('common.all')}
              </Link>
            ))}
          </nav>
          {failed(list) ? (
            failure(list.error)
          ) : list.items.length === 0 ? (
            <EmptyState title={t('surveys.list.empty')} body={can('surveys.draft') ? t('surveys.list.emptyBody') : undefined} />
          ) : (
            <>
              <DataTable
                caption={t('surveys.list.caption')}
                captionHidden
                scrollLabel={t('common.tableScroll', { name: t('surveys.list.caption') })}
              >
                <thead>
                  <tr>
                    <Th>{t('surveys.list.col.title')}</Th>
                    <Th>{t('surveys.list.col.state')}</Th>
                    <Th>{t('surveys.list.col.window')}</Th>
                    <Th>{t('surveys.list.col.target')}</Th>
                    <Th className="text-right">{t('surveys.list.col.invited')}</Th>
                    <Th className="text-right">{t('surveys.list.col.responded')}</Th>
                    <Th>{t('surveys.list.col.author')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((s) => (
                    <tr key={s.id} data-testid="survey-row" className="hover:bg-brand-50">
                      <th scope="row" className="border-b border-line px-3 py-2 text-left align-top font-semibold">
                        <Link href={`/surveys/${s.id}`} className="text-brand-800">
                          {s.title}
                        </Link>
                      </th>
                      <Td>
                        <span
                          className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ${STATE_STYLE[s.state] ?? ''}`}
                        >
                          {t(`surveys.state.${s.state}` as MessageKey)}
                        </span>
                      </Td>
                      <Td className="whitespace-nowrap">{windowText(s.opensAt, s.closesAt, t, locale)}</Td>
                      <Td className="whitespace-nowrap">{t(`surveys.target.${s.targetKind}` as MessageKey)}</Td>
                      <Td className="text-right">{s.invited}</Td>
                      <Td className="text-right">{s.responded}</Td>
                      <Td className="whitespace-nowrap">{s.createdBy.name}</Td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <ListPagination page={list.page} pages={list.pages} total={list.total} hrefFor={(p) => href({ state, page: p })} />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
