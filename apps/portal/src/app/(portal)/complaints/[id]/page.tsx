import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { notFound, redirect } from 'next/navigation';
import { renderStored } from '@tobacco/i18n/stored';
import { formatDate, formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { AttachmentLinks } from '@tobacco/ui/attachment-links';
import { DetailItem } from '@tobacco/ui/card';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { getServerApi } from '@/trpc/server';
import { eventLabel, kindLabel, STATE_BADGE, stateLabel } from '../_lib/labels';
import { CaseActions } from './case-actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('complaints.portal.caseTitle') };
}

const card = 'flex flex-col gap-4 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6';

export default async function MyComplaintPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ filed?: string }>;
}) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const justFiled = (await searchParams).filed === '1';
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let c;
  try {
    c = await api.complaints.get({ id });
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    if ((error as { code?: string }).code === 'NOT_FOUND') notFound();
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('complaints.portal.caseTitle')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const open = c.state !== 'RESOLVED' && c.state !== 'CLOSED';
  // An event's own text: a system message in the reader's language, or what a person wrote.
  const ownText = (e: (typeof c.events)[number]) => (e.messageKey ? renderStored(t, locale, e.messageKey, e.params) : e.body);
  const eventText = (e: (typeof c.events)[number]): string | null => {
    const data = (e.data ?? {}) as { rating?: number; after?: string; reason?: string };
    if (e.type === 'DEADLINE_CHANGED' && data.after)
      return t('complaints.event.deadlineMoved', { date: formatDateTime(data.after, locale) });
    if ((e.type === 'CLOSED' || e.type === 'RATED') && data.rating)
      return [t('complaints.event.rating', { rating: data.rating }), ownText(e)].filter(Boolean).join(' · ');
    if (e.type === 'REOPENED' && !ownText(e) && data.reason) return t(`complaints.reopenReason.${data.reason}` as MessageKey);
    return ownText(e);
  };
  const who = (e: (typeof c.events)[number]) =>
    e.actorLogin
      ? t('complaints.portal.you')
      : e.actorStaff
        ? t('complaints.portal.staffName', { name: e.actorStaff.name })
        : t('complaints.portal.serviceCentre');

  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={c.caseNo}>{c.subject}</PageTitle>
      {justFiled ? (
        <p role="status" className="rounded-lg bg-success-50 px-4 py-3 text-lg font-semibold text-success-700" data-testid="filed-banner">
          {t('complaints.portal.filedBanner', { caseNo: c.caseNo })}
        </p>
      ) : null}

      <section aria-labelledby="summary-title" className={card}>
        <h2 id="summary-title" className="flex flex-wrap items-center justify-between gap-2 text-xl font-bold">
          {t('complaints.portal.summary')}
          <span className={`rounded-full px-3 py-0.5 text-base font-semibold ${STATE_BADGE[c.state]}`} data-testid="case-state">
            {t(stateLabel(c.state))}
          </span>
        </h2>
        <dl className="grid grid-cols-1 gap-4 min-[400px]:grid-cols-2">
          <DetailItem term={t('complaints.form.kind')}>{t(kindLabel(c.kind))}</DetailItem>
          <DetailItem term={t('complaints.form.category')}>{locale === 'en' ? c.category.nameEn : c.category.name}</DetailItem>
          <DetailItem term={t('complaints.portal.filedAt')}>{formatDateTime(c.createdAt, locale)}</DetailItem>
          <DetailItem term={t('complaints.portal.handledBy')}>{locale === 'en' ? c.department.nameEn : c.department.name}</DetailItem>
          {c.state === 'SUBMITTED' ? (
            <DetailItem term={t('complaints.portal.acceptBy')}>{formatDateTime(c.acceptDueAt, locale)}</DetailItem>
          ) : null}
          {open ? (
            <DetailItem term={t('complaints.portal.resolveBy')}>
              {c.pausedAt ? t('complaints.portal.paused') : formatDateTime(c.resolveDueAt, locale)}
            </DetailItem>
          ) : null}
          {c.resolvedAt ? <DetailItem term={t('complaints.portal.resolvedAt')}>{formatDateTime(c.resolvedAt, locale)}</DetailItem> : null}
          {c.rating ? (
            <DetailItem term={t('complaints.portal.yourRating')}>{t('complaints.portal.ratedStars', { rating: c.rating })}</DetailItem>
          ) : null}
          {c.relatedOrder ? (
            <DetailItem term={t('complaints.form.relatedOrder')}>
              {t('complaints.portal.orderShort', {
                date: formatDate(c.relatedOrder.orderDate, locale),
                quantity: c.relatedOrder.totalQuantity,
              })}
            </DetailItem>
          ) : null}
        </dl>
      </section>

      {c.actions.length > 0 ? (
        <ClientMessages prefixes={['complaints.portal.', 'complaints.error.', 'complaints.validation.']}>
          <CaseActions
            id={c.id}
            version={c.version}
            actions={c.actions}
            reopenUntil={c.reopenUntil ? formatDateTime(c.reopenUntil, locale) : null}
          />
        </ClientMessages>
      ) : null}

      <section aria-labelledby="timeline-title" className={card}>
        <h2 id="timeline-title" className="text-xl font-bold">
          {t('complaints.portal.timeline')}
        </h2>
        <ol className="flex flex-col gap-4 border-l-4 border-brand-100 pl-4" data-testid="timeline">
          {c.events.map((e) => {
            const body = eventText(e);
            return (
              <li key={e.id} data-testid="timeline-event" data-type={e.type} className="flex flex-col gap-1">
                <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="text-lg font-semibold">{t(eventLabel(e.type))}</span>
                  <span className="text-sm text-ink-muted">
                    {formatDateTime(e.createdAt, locale)} · {who(e)}
                  </span>
                </p>
                {body ? <p className="whitespace-pre-wrap break-words">{body}</p> : null}
                <AttachmentLinks
                  attachments={e.attachments}
                  label={t('complaints.portal.attachments')}
                  opensNewWindow={t('complaints.portal.opensNewWindow')}
                />
              </li>
            );
          })}
        </ol>
      </section>
      <p>
        <Link href="/complaints" className="inline-flex min-h-11 items-center">
          {t('complaints.portal.back')}
        </Link>
      </p>
    </div>
  );
}
