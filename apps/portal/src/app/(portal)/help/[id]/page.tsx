import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { notFound, redirect } from 'next/navigation';
import { formatDate } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { RichText } from '@tobacco/ui/rich-text';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { getServerApi } from '@/trpc/server';
import { NotHelpful } from './not-helpful';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('knowledge.help.title') };
}

export default async function HelpArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ solved?: string }>;
}) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const articleId = Number(id);
  if (!Number.isInteger(articleId) || articleId < 1 || articleId > 2_147_483_647) notFound();
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let article;
  try {
    article = await api.knowledge.get({ id: articleId });
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  const en = locale === 'en';
  return (
    <div className="flex flex-col gap-5">
      {sp.solved ? (
        <p
          role="status"
          data-testid="deflected"
          className="rounded-lg border border-success-700/30 bg-success-50 px-4 py-3 text-lg font-semibold text-success-700"
        >
          {t('knowledge.suggest.deflected')}
        </p>
      ) : null}
      <PageTitle description={t('knowledge.help.updated', { date: formatDate(article.updatedAt, locale) })}>
        {en ? article.titleEn : article.titleZh}
      </PageTitle>
      <article className="rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6">
        <RichText html={en ? article.bodyEn : article.bodyZh} className="text-lg" />
      </article>
      {sp.solved ? null : (
        <section aria-labelledby="help-feedback" className="flex flex-col gap-2">
          <h2 id="help-feedback" className="font-semibold">
            {t('knowledge.help.wasHelpful')}
          </h2>
          <ClientMessages prefixes={['knowledge.help.']}>
            <NotHelpful articleId={article.id} />
          </ClientMessages>
        </section>
      )}
      <section aria-labelledby="help-still" className="flex flex-col gap-2">
        <h2 id="help-still" className="font-semibold">
          {t('knowledge.help.stillNeed')}
        </h2>
        <div className="flex flex-wrap gap-2">
          <Link href="/complaints/new" className={buttonClass('secondary', 'lg')}>
            {t('knowledge.help.askInstead')}
          </Link>
          <Link href="/help" className={buttonClass('ghost', 'lg')}>
            {t('knowledge.help.back')}
          </Link>
        </div>
      </section>
    </div>
  );
}
