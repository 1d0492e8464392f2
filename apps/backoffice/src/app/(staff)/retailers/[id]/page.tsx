import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDate, formatFen, formatNumber } from '@tobacco/i18n/format';
import { buttonClass } from '@tobacco/ui/button';
import { Card, DetailItem } from '@tobacco/ui/card';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { getServerApi } from '@/trpc/server';
import { CountBars } from '../../complaints/overview/lazy-charts';
import { Timeline } from './timeline';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('retailer360.title') };
}

/** Everything about one shop on one page; another account manager's shop is "not found". */
export default async function Retailer360Page({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2147483647) notFound();
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let data;
  try {
    data = await api.retailers.get360({ id });
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  const { shop, cycle } = data;
  const district = locale === 'en' ? shop.district.nameEn : shop.district.name;

  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/retailers">← {t('backoffice.nav.retailers')}</Link>
      </p>
      <PageTitle
        description={`${shop.licenceNo} · ${district} · ${shop.classificationCode}`}
        actions={
          <Link href={`/retailers/${shop.id}/report`} className={buttonClass('secondary')}>
            {t('report.staff.open')}
          </Link>
        }
      >
        {shop.shopName}
      </PageTitle>

      <div className="grid gap-5 lg:grid-cols-3">
        <Card aria-labelledby="shop-card" className="lg:col-span-2">
          <h2 id="shop-card" className="mb-3 text-lg font-bold">
            {t('retailer360.card')}
          </h2>
          <dl className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            <DetailItem term={t('retailer360.owner')}>
              {shop.ownerName} · {shop.phone}
            </DetailItem>
            {shop.contactName ? <DetailItem term={t('retailer360.contact')}>{shop.contactName}</DetailItem> : null}
            <DetailItem term={t('retailer360.address')}>{shop.address}</DetailItem>
            <DetailItem term={t('retailer360.form')}>
              {t(`enum.market.${shop.market}`)} · {t(`enum.form.${shop.businessForm}`)}
            </DetailItem>
            <DetailItem term={t('retailer360.status')}>{t(`enum.status.${shop.status}`)}</DetailItem>
            <DetailItem term={t('common.grade')}>
              {shop.grade ? t('common.gradeValue', { grade: shop.grade }) : t('common.notGraded')}
            </DetailItem>
            <DetailItem term={t('retailer360.integrity')}>{shop.integrityLevel}</DetailItem>
            <DetailItem term={t('retailer360.orderDay')}>{t(`enum.weekday.${shop.orderWeekday}` as never)}</DetailItem>
            <DetailItem term={t('retailer360.points')}>{formatNumber(shop.pointsBalance, locale)}</DetailItem>
            <DetailItem term={t('retailer360.openedOn')}>{formatDate(shop.openedOn, locale)}</DetailItem>
            <DetailItem term={t('retailer360.accountManager')}>
              {shop.accountManager
                ? `${shop.accountManager.name}${shop.accountManager.phone ? ` · ${shop.accountManager.phone}` : ''}`
                : t('common.notAssigned')}
            </DetailItem>
            <DetailItem term={t('retailer360.openAlerts')}>
              <Link href={`/alerts?retailerId=${shop.id}&state=OPEN`}>{formatNumber(data.openAlerts, locale)}</Link>
            </DetailItem>
          </dl>
        </Card>

        <Card aria-labelledby="this-cycle">
          <h2 id="this-cycle" className="mb-3 text-lg font-bold">
            {t('retailer360.thisCycle', { code: cycle.code ?? '—' })}
          </h2>
          <dl className="grid gap-3">
            <DetailItem term={t('retailer360.cycleDates')}>
              {formatDate(cycle.start, locale)} – {formatDate(cycle.end, locale)} ·{' '}
              {t('retailer360.orderDayOn', { date: formatDate(cycle.orderDay, locale) })}
            </DetailItem>
            <DetailItem term={t('retailer360.ordered')}>
              {t('retailer360.orderedValue', {
                quantity: formatNumber(cycle.ordered.quantity, locale),
                amount: formatFen(cycle.ordered.amountFen, locale),
                orders: cycle.ordered.orders,
              })}
            </DetailItem>
            <DetailItem term={t('retailer360.policy')}>
              {cycle.policy ? t('retailer360.policyVersion', { version: cycle.policy.version }) : t('retailer360.noPolicy')}
            </DetailItem>
          </dl>
        </Card>
      </div>

      {cycle.limits && cycle.limits.items.length > 0 ? (
        <DataTable
          caption={t('retailer360.limits', { total: cycle.limits.total })}
          scrollLabel={t('retailer360.limits', { total: cycle.limits.total })}
        >
          <thead>
            <tr>
              <Th>{t('retailer360.product')}</Th>
              <Th className="text-right">{t('retailer360.limit')}</Th>
              <Th className="text-right">{t('retailer360.ordered')}</Th>
              <Th className="text-right">{t('retailer360.remaining')}</Th>
            </tr>
          </thead>
          <tbody>
            {cycle.limits.items.map((l) => (
              <tr key={l.productId}>
                <Th scope="row">
                  {l.brand} {l.name} {l.scarce ? <span className="text-sm text-warning-800">{t('retailer360.scarce')}</span> : null}
                </Th>
                <Td className="text-right tabular-nums">{l.limit ?? '—'}</Td>
                <Td className="text-right tabular-nums">{l.ordered}</Td>
                <Td className="text-right tabular-nums">
                  {l.remaining ?? '—'}
                  {l.overBy > 0 ? <span className="ml-1 text-sm text-danger-700">{t('retailer360.overBy', { n: l.overBy })}</span> : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}

      <Card aria-labelledby="per-cycle">
        <h2 id="per-cycle" className="mb-3 text-lg font-bold">
          {t('retailer360.perCycle')}
        </h2>
        <div aria-hidden="true">
          <CountBars data={data.perCycle.map((c) => ({ name: formatDate(c.weekStart, locale).slice(5), n: c.quantity }))} />
        </div>
        <details>
          <summary className="min-h-11 cursor-pointer py-2">{t('retailer360.perCycleTable')}</summary>
          <DataTable caption={t('retailer360.perCycle')} captionHidden scrollLabel={t('retailer360.perCycle')}>
            <thead>
              <tr>
                <Th>{t('alerts.queue.cycle')}</Th>
                <Th className="text-right">{t('retailer360.quantity')}</Th>
                <Th className="text-right">{t('retailer360.amount')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.perCycle.map((c) => (
                <tr key={c.cycleId}>
                  <Th scope="row">
                    {c.code} <span className="font-normal text-ink-muted">{formatDate(c.weekStart, locale)}</span>
                  </Th>
                  <Td className="text-right tabular-nums">{formatNumber(c.quantity, locale)}</Td>
                  <Td className="text-right tabular-nums">{formatFen(c.amountFen, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </details>
      </Card>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card aria-labelledby="grades">
          <h2 id="grades" className="mb-3 text-lg font-bold">
            {t('retailer360.grades')}
          </h2>
          {data.grades.length === 0 ? (
            <p className="text-ink-muted">{t('common.notGraded')}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {data.grades.map((g) => (
                <li key={g.period.code}>
                  <span className="font-semibold">{t('common.gradeValue', { grade: g.grade })}</span> · {g.period.code} (
                  {formatDate(g.period.effectiveFrom, locale)} – {formatDate(g.period.effectiveTo, locale)})
                  {g.initial ? ` · ${t('retailer360.gradeInitial')}` : ` · ${t('retailer360.gradeScore', { score: String(g.score) })}`}
                  {g.capped ? ` · ${t('retailer360.gradeCapped')}` : ''}
                  {g.appealId ? ` · ${t('retailer360.gradeAppeal')}` : ''}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="integrity">
          <h2 id="integrity" className="mb-3 text-lg font-bold">
            {t('retailer360.integrityHistory')}
          </h2>
          {data.integrity.length === 0 ? (
            <p className="text-ink-muted">{t('retailer360.noIntegrity')}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {data.integrity.map((i) => (
                <li key={i.id}>
                  <span className="font-semibold">{i.level}</span> ·{' '}
                  {t('retailer360.effectiveFrom', { date: formatDate(i.effectiveFrom, locale) })} · {i.source}
                  {i.note ? ` · ${i.note}` : ''}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card aria-labelledby="timeline">
        <h2 id="timeline" className="mb-3 text-lg font-bold">
          {t('retailer360.timeline.title')}
        </h2>
        <p className="mb-3 text-sm text-ink-muted">{t('retailer360.timeline.hint')}</p>
        <Timeline retailerId={shop.id} />
      </Card>
    </div>
  );
}
