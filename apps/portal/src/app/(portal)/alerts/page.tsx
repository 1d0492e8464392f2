import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { redirect } from 'next/navigation';
import { formatDateTime } from '@tobacco/i18n/format';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('alerts.portal.title') };
}

/** The questions the company has put to this shop about its orders, newest first. */
export default async function AlertQuestionsPage() {
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let questions;
  try {
    questions = await api.alerts.questions();
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  return (
    <div className="flex flex-col gap-4">
      <PageTitle description={t('alerts.portal.description')}>{t('alerts.portal.title')}</PageTitle>
      {questions.length === 0 ? (
        <EmptyState title={t('alerts.portal.empty')} />
      ) : (
        <ul className="flex flex-col gap-3">
          {questions.map((q) => (
            <li key={q.id}>
              <Link
                href={`/alerts/${q.id}`}
                className="flex min-h-11 flex-col gap-1 rounded-xl border border-line bg-surface p-4 no-underline shadow-sm"
              >
                <span className="font-semibold text-ink">{t(q.title)}</span>
                <span className="text-sm text-ink-muted">
                  {formatDateTime(q.askedAt, locale)} · {q.answer ? t('alerts.portal.answeredShort') : t('alerts.portal.waiting')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
