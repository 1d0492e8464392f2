import type { Metadata } from 'next';
import Link from 'next/link';
import { ALERT_RULES, ALERT_STATES } from '@tobacco/api/alerts/alerts.rules';
import { ZListAlertsInput } from '@tobacco/api/alerts/alerts.schema';
import { formatDate, formatDateTime } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { SelectField } from '@tobacco/ui/field';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState, ErrorState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';
import { Badge } from '../admin/_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../admin/_components/search-params';
import { ALERT_STATE_TONE, alertFiguresText } from './alert-text';
import { TriageForm } from './triage-form';
import { FilterBar, ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('alerts.queue.title') };
}

export default async function AlertsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const input = parseSearch(ZListAlertsInput, params, { numbers: ['districtId', 'cycleId', 'retailerId', 'page'] });
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let list, options;
  try {
    [list, options] = await Promise.all([api.alerts.list(input), api.alerts.filterOptions()]);
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('alerts.queue.title')}</PageTitle>
        <ErrorState title={m.key === 'errors.FORBIDDEN' ? t('errors.FORBIDDEN') : t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const name = (d: { name: string; nameEn: string }) => (locale === 'en' ? d.nameEn : d.name);
  const filters = {
    rule: input.rule,
    state: input.state,
    districtId: input.districtId,
    cycleId: input.cycleId,
    retailerId: input.retailerId,
  };

  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        description={t('alerts.queue.description')}
        actions={
          <Link href="/alerts/trends" className={buttonClass('secondary')}>
            {t('alerts.trends.title')}
          </Link>
        }
      >
        {t('alerts.queue.title')}
      </PageTitle>
      <FilterBar label={t('alerts.queue.filters')} resetHref="/alerts" columns="wide-4">
        <SelectField
          id="alert-rule"
          name="rule"
          label={t('alerts.queue.rule')}
          placeholder={t('common.all')}
          defaultValue={input.rule ?? ''}
          options={ALERT_RULES.map((r) => ({ value: r, label: t(`alerts.rule.${r}`) }))}
        />
        <SelectField
          id="alert-state"
          name="state"
          label={t('alerts.queue.state')}
          placeholder={t('common.all')}
          defaultValue={input.state ?? ''}
          options={ALERT_STATES.map((s) => ({ value: s, label: t(`alerts.state.${s}`) }))}
        />
        <SelectField
          id="alert-district"
          name="districtId"
          label={t('alerts.queue.district')}
          placeholder={t('common.all')}
          defaultValue={input.districtId ?? ''}
          options={options.districts.map((d) => ({ value: d.id, label: name(d) }))}
        />
        <SelectField
          id="alert-cycle"
          name="cycleId"
          label={t('alerts.queue.cycle')}
          placeholder={t('common.all')}
          defaultValue={input.cycleId ?? ''}
          options={options.cycles.map((c) => ({ value: c.id, label: c.code }))}
        />
        {input.retailerId ? <input type="hidden" name="retailerId" value={input.retailerId} /> : null}
      </FilterBar>
      <p role="status" className="text-ink-muted">
        {t('alerts.queue.total', { total: list.total })}
      </p>
      {list.items.length === 0 ? (
        <EmptyState title={t('alerts.queue.empty')} />
      ) : (
        <ul className="flex flex-col gap-4">
          {list.items.map((alert) => (
            <li key={alert.id} className="rounded-xl border border-line bg-surface p-4" data-testid="alert">
              <article aria-labelledby={`alert-${alert.id}`} className="flex flex-col gap-2">
                <header className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`alert-${alert.id}`} className="text-lg font-bold">
                    {t(`alerts.rule.${alert.rule}`)} · <Link href={`/retailers/${alert.retailer.id}`}>{alert.retailer.shopName}</Link>{' '}
                    <span className="font-mono text-base font-normal">{alert.retailer.licenceNo}</span>
                  </h2>
                  <Badge tone={ALERT_STATE_TONE[alert.state] ?? 'muted'}>{t(`alerts.state.${alert.state}`)}</Badge>
                </header>
                <p className="text-sm text-ink-muted">
                  {t('alerts.queue.meta', {
                    cycle: alert.cycle.code,
                    week: formatDate(alert.cycle.weekStart, locale),
                    district: name(alert.retailer.district),
                    at: formatDateTime(alert.createdAt, locale),
                  })}
                </p>
                <p>{alertFiguresText(t, locale, alert.rule, alert.details)}</p>
                {alert.answer ? (
                  <blockquote className="rounded-lg border-l-4 border-brand-700 bg-brand-50 px-4 py-2">
                    <p className="text-sm font-semibold text-ink-muted">
                      {t('alerts.queue.answer', { at: formatDateTime(alert.answeredAt!, locale) })}
                    </p>
                    <p data-testid="alert-answer">{alert.answer}</p>
                  </blockquote>
                ) : alert.askedAt ? (
                  <p className="text-sm text-ink-muted">{t('alerts.queue.asked', { at: formatDateTime(alert.askedAt, locale) })}</p>
                ) : null}
                {alert.state === 'OPEN' ? (
                  <TriageForm id={alert.id} version={alert.version} />
                ) : (
                  <p className="text-ink-muted">
                    {t('alerts.queue.triaged', {
                      state: t(`alerts.state.${alert.state}`),
                      by: alert.triagedBy?.name ?? '—',
                      at: alert.triagedAt ? formatDateTime(alert.triagedAt, locale) : '—',
                    })}
                    {alert.note ? ` · ${alert.note}` : ''}
                  </p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      <ListPagination
        page={list.page}
        pages={list.pages}
        total={list.total}
        hrefFor={(page) => hrefWith('/alerts', { ...filters, page: page === 1 ? undefined : page })}
      />
    </div>
  );
}
