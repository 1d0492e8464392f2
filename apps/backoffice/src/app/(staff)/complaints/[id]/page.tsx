import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { renderStored } from '@tobacco/i18n/stored';
import { formatDate, formatDateTime, formatFen } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { AttachmentLinks } from '@tobacco/ui/attachment-links';
import { DetailItem } from '@tobacco/ui/card';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { deniedArea } from '@/components/area-page';
import { getServerApi } from '@/trpc/server';
import { Badge } from '../../admin/_components/feedback';
import { channelLabel, eventLabel, kindLabel, STATE_TONE, stateLabel } from '../_lib/labels';
import { CaseActions } from './case-actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('complaints.case.title') };
}

const card = 'flex flex-col gap-4 rounded-xl border border-line bg-surface p-4 shadow-sm';

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const denied = await deniedArea('complaints');
  if (denied) return denied;
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let c;
  let assign = null;
  try {
    c = await api.complaints.get({ id });
    if (c.can.reassign) assign = await api.complaints.assignOptions();
  } catch (error) {
    if ((error as { code?: string }).code === 'NOT_FOUND') notFound();
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('complaints.case.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const name = (o: { name: string; nameEn: string }) => (locale === 'en' ? o.nameEn : o.name);
  const staffName = new Map((assign?.staff ?? []).map((s) => [s.id, s.name]));
  const departmentName = new Map((assign?.departments ?? []).map((d) => [d.id, name(d)]));

  // An event's own text: a system message in the reader's language, or what a person wrote.
  const ownText = (e: (typeof c.events)[number]) => (e.messageKey ? renderStored(t, locale, e.messageKey, e.params) : e.body);
  const eventText = (e: (typeof c.events)[number]): string | null => {
    const d = (e.data ?? {}) as Record<string, unknown>;
    if (e.type === 'DEADLINE_CHANGED' && typeof d.after === 'string')
      return [t('complaints.case.deadlineTo', { date: formatDateTime(d.after, locale) }), ownText(e)].filter(Boolean).join(' · ');
    if ((e.type === 'CLOSED' || e.type === 'RATED') && typeof d.rating === 'number')
      return [t('complaints.event.rating', { rating: d.rating }), ownText(e)].filter(Boolean).join(' · ');
    if (e.type === 'FOLLOW_UP') {
      const outcome = d.reached
        ? t('complaints.event.followUpReached', {
            satisfied:
              d.satisfied === true
                ? t('complaints.event.satisfied')
                : d.satisfied === false
                  ? t('complaints.event.notSatisfied')
                  : t('complaints.event.satisfiedUnknown'),
          })
        : t('complaints.event.followUpNotReached');
      return [outcome, ownText(e)].filter(Boolean).join(' · ');
    }
    if (e.type === 'REASSIGNED' && d.reason === 'accept') return t('complaints.event.ownerTaken', { owner: e.actorStaff?.name ?? '' });
    if (e.type === 'REASSIGNED' && (d.toDepartmentId !== undefined || d.toOwnerId !== undefined) && d.reason !== 'report') {
      const dept = typeof d.department === 'string' ? d.department : (departmentName.get(Number(d.toDepartmentId)) ?? '');
      const owner = typeof d.owner === 'string' ? d.owner : d.toOwnerId ? (staffName.get(Number(d.toOwnerId)) ?? '') : '';
      return [t('complaints.event.reassignedTo', { department: dept, owner: owner ? ` · ${owner}` : '' }), ownText(e)]
        .filter(Boolean)
        .join(' · ');
    }
    if (e.type === 'REOPENED' && !ownText(e) && typeof d.reason === 'string') return t(`complaints.reopenReason.${d.reason}` as MessageKey);
    if (e.type === 'RETAILER_RESPONSE' && d.recordedByStaff) return `${ownText(e) ?? ''} ${t('complaints.event.recordedByStaff')}`;
    return ownText(e);
  };
  const who = (e: (typeof c.events)[number]) =>
    e.actorStaff?.name ??
    (e.actorLogin ? t('complaints.case.retailerActor', { name: e.actorLogin.displayName }) : t('complaints.event.system'));
  const r = c.retailer;

  return (
    <div className="flex flex-col gap-5">
      <PageTitle
        description={
          <>
            {c.caseNo} · {t(kindLabel(c.kind))} · {t(channelLabel(c.channel))}
          </>
        }
        actions={
          <Link href="/complaints" className="font-semibold">
            {t('complaints.case.backToQueue')}
          </Link>
        }
      >
        {c.subject}
      </PageTitle>

      <div className="grid gap-5 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-5">
          <section aria-labelledby="case-summary" className={card}>
            <h2 id="case-summary" className="flex flex-wrap items-center gap-3 text-lg font-bold">
              {t('complaints.case.summary')}
              <span data-testid="case-state">
                <Badge tone={STATE_TONE[c.state] ?? 'muted'}>{t(stateLabel(c.state))}</Badge>
              </span>
              {c.overdue ? <Badge tone="bad">{t('complaints.queue.overdueBadge')}</Badge> : null}
              {c.pausedAt ? <Badge tone="warn">{t('complaints.queue.pausedBadge')}</Badge> : null}
              {c.breachedAt ? (
                <Badge tone="bad">{t('complaints.case.breachedAt', { date: formatDateTime(c.breachedAt, locale) })}</Badge>
              ) : null}
            </h2>
            <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <DetailItem term={t('complaints.form.category')}>{name(c.category)}</DetailItem>
              <DetailItem term={t('complaints.queue.department')}>{name(c.department)}</DetailItem>
              <DetailItem term={t('complaints.queue.owner')}>{c.owner?.name ?? t('complaints.queue.ownerNone')}</DetailItem>
              <DetailItem term={t('complaints.case.filedAt')}>{formatDateTime(c.createdAt, locale)}</DetailItem>
              {c.filedBy ? <DetailItem term={t('complaints.case.filedBy')}>{c.filedBy.name}</DetailItem> : null}
              <DetailItem term={t('complaints.case.acceptDue')}>
                {formatDateTime(c.acceptDueAt, locale)}
                {c.acceptedAt ? (
                  <span className="block text-sm font-normal text-ink-muted">
                    {t('complaints.case.doneAt', { date: formatDateTime(c.acceptedAt, locale) })}
                  </span>
                ) : null}
              </DetailItem>
              <DetailItem term={t('complaints.case.resolveDue')}>
                {formatDateTime(c.resolveDueAt, locale)}
                {c.pausedAt ? (
                  <span className="block text-sm font-normal text-warning-800">
                    {t('complaints.case.pausedSince', { date: formatDateTime(c.pausedAt, locale) })}
                  </span>
                ) : null}
                {c.resolvedAt ? (
                  <span className="block text-sm font-normal text-ink-muted">
                    {t('complaints.case.doneAt', { date: formatDateTime(c.resolvedAt, locale) })}
                  </span>
                ) : null}
              </DetailItem>
              {c.followUpDueAt ? (
                <DetailItem term={t('complaints.case.followUpDue')}>
                  {formatDateTime(c.followUpDueAt, locale)}
                  <span className="block text-sm font-normal text-ink-muted">
                    {c.followUpDone ? t('complaints.case.followUpDone') : t('complaints.case.followUpPending')}
                  </span>
                </DetailItem>
              ) : null}
              {c.rating ? (
                <DetailItem term={t('complaints.case.rating')}>{t('complaints.event.rating', { rating: c.rating })}</DetailItem>
              ) : null}
              {c.relatedOrder ? (
                <DetailItem term={t('complaints.form.relatedOrder')}>
                  {t('complaints.case.order', {
                    date: formatDate(c.relatedOrder.orderDate, locale),
                    quantity: c.relatedOrder.totalQuantity,
                    amount: formatFen(c.relatedOrder.totalAmountFen, locale),
                  })}
                </DetailItem>
              ) : null}
            </dl>
            <div>
              <h3 className="font-semibold text-ink-subtle">{t('complaints.form.description')}</h3>
              <p className="whitespace-pre-wrap break-words">{c.description}</p>
            </div>
          </section>

          <CaseActions
            id={c.id}
            version={c.version}
            state={c.state}
            can={c.can}
            departmentId={c.department.id}
            ownerId={c.owner?.id ?? null}
            assign={assign ? { departments: assign.departments.map((d) => ({ id: d.id, name: name(d) })), staff: assign.staff } : null}
          />

          <section aria-labelledby="case-timeline" className={card}>
            <h2 id="case-timeline" className="text-lg font-bold">
              {t('complaints.case.timeline')}
            </h2>
            <ol className="flex flex-col gap-4 border-l-4 border-brand-100 pl-4" data-testid="timeline">
              {c.events.map((e) => {
                const body = eventText(e);
                const internal = e.visibility === 'INTERNAL';
                return (
                  <li key={e.id} data-testid="timeline-event" data-type={e.type} className={internal ? 'rounded-lg bg-warning-50 p-3' : ''}>
                    <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                      <span className="font-semibold">{t(eventLabel(e.type))}</span>
                      {internal ? <Badge tone="warn">{t('complaints.case.internal')}</Badge> : null}
                      <span className="text-sm text-ink-muted">
                        {formatDateTime(e.createdAt, locale)} · {who(e)}
                      </span>
                    </p>
                    {body ? <p className="whitespace-pre-wrap break-words">{body}</p> : null}
                    <AttachmentLinks
                      attachments={e.attachments}
                      label={t('complaints.case.attachments')}
                      opensNewWindow={t('complaints.portal.opensNewWindow')}
                    />
                  </li>
                );
              })}
            </ol>
          </section>
        </div>

        <aside className="flex flex-col gap-5" aria-label={t('complaints.case.context')}>
          <section aria-labelledby="case-shop" className={card} data-testid="retailer-context">
            <h2 id="case-shop" className="text-lg font-bold">
              {t('complaints.case.shop')}
            </h2>
            <dl className="grid gap-3">
              <DetailItem term={t('complaints.case.shopName')}>
                <Link href={`/retailers/${r.id}`}>{r.shopName}</Link>
              </DetailItem>
              <DetailItem term={t('complaints.case.licenceNo')}>{r.licenceNo}</DetailItem>
              <DetailItem term={t('complaints.case.ownerName')}>
                {r.ownerName} · {r.phone}
              </DetailItem>
              <DetailItem term={t('complaints.queue.district')}>{name(r.district)}</DetailItem>
              <DetailItem term={t('common.grade')}>
                {r.grade ? t('common.gradeValue', { grade: r.grade }) : t('common.notGraded')}
              </DetailItem>
              <DetailItem term={t('complaints.case.integrity')}>{r.integrityLevel}</DetailItem>
              <DetailItem term={t('complaints.case.accountManager')}>
                {r.accountManager
                  ? `${r.accountManager.name}${r.accountManager.phone ? ` · ${r.accountManager.phone}` : ''}`
                  : t('common.notAssigned')}
              </DetailItem>
            </dl>
          </section>
          <section aria-labelledby="case-recent" className={card}>
            <h2 id="case-recent" className="text-lg font-bold">
              {t('complaints.case.recent')}
            </h2>
            {c.recent.length === 0 ? (
              <p className="text-ink-muted">{t('complaints.case.noRecent')}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {c.recent.map((o) => (
                  <li key={o.id} className="flex flex-col">
                    <Link href={`/complaints/${o.id}`} className="font-semibold">
                      {o.subject}
                    </Link>
                    <span className="text-sm text-ink-muted">
                      {formatDate(o.createdAt, locale)} · {t(kindLabel(o.kind))} · {t(stateLabel(o.state))}
                      {o.rating ? ` · ${t('complaints.event.rating', { rating: o.rating })}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
