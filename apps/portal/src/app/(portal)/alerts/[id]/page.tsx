import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { notFound, redirect } from 'next/navigation';
import { formatDateTime } from '@tobacco/i18n/format';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { getServerApi } from '@/trpc/server';
import { AnswerForm } from './answer-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('alerts.portal.title') };
}

/** A question about the shop's orders (never the rule or its figures) and the shop's answer. */
export default async function AlertQuestionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2147483647) notFound();
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let question;
  try {
    question = await api.alerts.question({ id });
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  return (
    <div className="flex flex-col gap-4">
      <p>
        <Link href="/alerts" className="inline-flex min-h-11 items-center">
          ← {t('alerts.portal.title')}
        </Link>
      </p>
      <PageTitle>{t(question.title)}</PageTitle>
      <section className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 shadow-sm">
        <p className="text-sm text-ink-muted">{formatDateTime(question.askedAt, locale)}</p>
        <p>{t(question.body)}</p>
        {question.answer ? (
          <div role="status" className="rounded-lg bg-success-50 px-4 py-3 text-success-700">
            <p className="font-semibold">{t('alerts.portal.answered', { at: formatDateTime(question.answeredAt!, locale) })}</p>
            <p data-testid="my-answer">{question.answer}</p>
          </div>
        ) : question.canAnswer ? (
          <ClientMessages prefixes={['alerts.portal.', 'alerts.validation.', 'alerts.error.']}>
            <AnswerForm id={question.id} />
          </ClientMessages>
        ) : (
          <p className="text-ink-muted">{t('alerts.portal.closed')}</p>
        )}
      </section>
    </div>
  );
}
