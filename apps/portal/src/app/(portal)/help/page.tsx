import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { redirect } from 'next/navigation';
import { KNOWLEDGE_CATEGORIES } from '@tobacco/api/knowledge/knowledge.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { errorMessageOf, isUnauthorized, type ErrorMessage } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';
import { Highlighted } from './_lib/highlighted';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('knowledge.help.title') };
}

// The help centre: a search box (a plain GET form, so it works before any JavaScript loads), the results with
// the matched words marked, and without a query the articles by category.
export default async function HelpPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const sp = await searchParams;
  const q = (sp.q ?? '').trim().slice(0, 60);
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  const en = locale === 'en';
  let found: Awaited<ReturnType<typeof api.knowledge.search>>['hits'] | null = null;
  let articles: Awaited<ReturnType<typeof api.knowledge.list>> = [];
  let failure: ErrorMessage | null = null;
  try {
    if (q) found = (await api.knowledge.search({ q })).hits;
    else articles = await api.knowledge.list();
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    failure = errorMessageOf(error, requestId);
  }

  let content;
  if (failure) content = <ErrorState title={t('common.loadFailed')} message={t(failure.key, failure.params)} />;
  else if (found && found.length === 0) {
    content = (
      <EmptyState
        title={t('knowledge.help.noResults', { q })}
        action={
          <Link href="/complaints/new" className={buttonClass('secondary', 'lg')}>
            {t('knowledge.help.askInstead')}
          </Link>
        }
      />
    );
  } else if (found) {
    content = (
      <section aria-labelledby="help-results" className="flex flex-col gap-3">
        <h2 id="help-results" className="text-lg font-bold">
          {t('knowledge.help.results', { q, n: found.length })}
        </h2>
        <ul className="flex flex-col gap-3" data-testid="help-results">
          {found.map((h) => (
            <li key={h.id} className="rounded-xl border border-line bg-surface p-4 shadow-sm">
              <Link href={`/help/${h.id}`} className="inline-flex min-h-11 items-center text-lg font-bold">
                <Highlighted pieces={en ? h.title.en : h.title.zh} />
              </Link>
              <p className="text-ink-muted">
                <Highlighted pieces={en ? h.excerpt.en : h.excerpt.zh} />
              </p>
            </li>
          ))}
        </ul>
      </section>
    );
  } else if (articles.length === 0) content = <EmptyState title={t('knowledge.help.empty')} />;
  else {
    content = (
      <section aria-labelledby="help-categories" className="flex flex-col gap-4">
        <h2 id="help-categories" className="text-lg font-bold">
          {t('knowledge.help.byCategory')}
        </h2>
        {KNOWLEDGE_CATEGORIES.filter((c) => articles.some((a) => a.category === c)).map((category) => (
          <section key={category} aria-labelledby={`help-${category}`} className="rounded-xl border border-line bg-surface p-4 shadow-sm">
            <h3 id={`help-${category}`} className="font-bold text-ink-muted">
              {t(`knowledge.category.${category}` as MessageKey)}
            </h3>
            <ul className="flex flex-col">
              {articles
                .filter((a) => a.category === category)
                .map((a) => (
                  <li key={a.id}>
                    <Link href={`/help/${a.id}`} className="inline-flex min-h-11 items-center text-lg">
                      {en ? a.titleEn : a.titleZh}
                    </Link>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </section>
    );
  }

  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('knowledge.help.intro')}>{t('knowledge.help.title')}</PageTitle>
      <form role="search" action="/help" method="get" className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 basis-56 flex-col gap-1">
          <span className="font-semibold">{t('knowledge.help.searchLabel')}</span>
          <input
            type="search"
            name="q"
            defaultValue={q}
            maxLength={60}
            placeholder={t('knowledge.help.searchPlaceholder')}
            className="min-h-12 w-full rounded-lg border border-line bg-surface px-3 text-lg"
          />
        </label>
        <button type="submit" className={buttonClass('primary', 'lg')}>
          {t('knowledge.help.searchButton')}
        </button>
      </form>
      {content}
    </div>
  );
}
