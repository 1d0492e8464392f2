import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { redirect } from 'next/navigation';
import { formatDate, formatDateTime } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('surveys.portal.title') };
}

// The shop's surveys, rendered on the server: no JavaScript of its own.
export default async function SurveysPage() {
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let data;
  try {
    data = await api.surveys.list();
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const message = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('surveys.portal.title')}</PageTitle>
        <ErrorState
          title={t('surveys.portal.loadFailed')}
          message={t(message.key, message.params)}
          action={
            <a href="/surveys" className={buttonClass('secondary', 'lg')}>
              {t('common.retry')}
            </a>
          }
        />
      </>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <PageTitle description={t('surveys.portal.intro')}>{t('surveys.portal.title')}</PageTitle>
      <section aria-labelledby="open-surveys" className="flex flex-col gap-3">
        <h2 id="open-surveys" className="text-xl font-bold text-ink">
          {t('surveys.portal.open')}
        </h2>
        {data.open.length === 0 ? (
          <EmptyState title={t('surveys.portal.empty')} body={t('surveys.portal.emptyBody')} />
        ) : (
          <ul className="flex flex-col gap-3">
            {data.open.map((s) => (
              <li key={s.id} className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4 shadow-sm">
                <p className="text-lg font-semibold text-ink">{s.title}</p>
                {s.closesAt ? (
                  <p className="text-ink-muted">{t('surveys.portal.closesAt', { date: formatDate(s.closesAt, locale) })}</p>
                ) : null}
                {s.response?.state === 'DRAFT' ? (
                  <p className="text-ink-muted">
                    {t('surveys.portal.draftSaved')} · {formatDateTime(s.response.updatedAt, locale)}
                  </p>
                ) : null}
                <Link href={`/surveys/${s.id}`} className={buttonClass('primary', 'lg', 'self-start')}>
                  {s.response?.state === 'DRAFT' ? t('surveys.portal.continue') : t('surveys.portal.start')}
                  <span className="sr-only">{t('common.linkSubject', { subject: s.title })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.done.length > 0 ? (
        <section aria-labelledby="done-surveys" className="flex flex-col gap-3">
          <h2 id="done-surveys" className="text-xl font-bold text-ink">
            {t('surveys.portal.done')}
          </h2>
          <ul className="flex flex-col divide-y divide-line rounded-xl border border-line bg-surface">
            {data.done.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
                <Link href={`/surveys/${s.id}`} className="inline-flex min-h-11 items-center text-lg text-brand-800">
                  {s.title}
                </Link>
                <span className="text-ink-muted">
                  {s.response?.state === 'SUBMITTED' && s.response.submittedAt
                    ? t('surveys.portal.submittedAt', { date: formatDate(s.response.submittedAt, locale) })
                    : t('surveys.portal.closed')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
