import { RichText } from '@tobacco/ui/rich-text';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { sanitizePromotionBody } from '@tobacco/api/promotions/promotions.body.rules';
import { formatDateTime, formatNumber, formatPercent } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { Card, DetailItem } from '@tobacco/ui/card';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { getServerApi } from '@/trpc/server';
import { Badge } from '../../admin/_components/feedback';
import { STATE_TONE, stateLabel, targetSummary } from '../_components/labels';
import { PromotionActions } from '../_components/promotion-actions';
import { ReachPanel } from '../_components/reach-panel';
import { joinList, withNote } from '@tobacco/i18n/translator';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('promotions.staff.detailTitle') };
}

export default async function PromotionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let p;
  try {
    p = await api.promotions.get({ id });
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  const delivered = ['LIVE', 'ENDED', 'WITHDRAWN'].includes(p.state) && p._count.deliveries > 0;
  const [stats, options] = await Promise.all([
    delivered ? api.promotions.stats({ id }) : Promise.resolve(null),
    api.promotions.editorOptions(),
  ]);
  const name = (d: { name: string; nameEn: string }) => (locale === 'en' ? d.nameEn : d.name);
  const rate = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole, locale) : '—');
  const target = {
    targetGradeMin: p.targetGradeMin,
    targetGradeMax: p.targetGradeMax,
    targetClassifications: p.targetClassifications,
    targetDistrictIds: p.targetDistrictIds,
    targetIntegrityLevels: p.targetIntegrityLevels,
    targetNamedList: p.targetNamedList,
  };

  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/promotions">← {t('promotions.staff.title')}</Link>
      </p>
      <PageTitle
        actions={
          p.can.edit ? (
            <Link href={`/promotions/${id}/edit`} className={buttonClass('secondary')}>
              {t('promotions.staff.edit')}
            </Link>
          ) : undefined
        }
      >
        {p.title}
      </PageTitle>
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="promotion-state">
          <Badge tone={STATE_TONE[p.state]}>{t(stateLabel(p.state))}</Badge>
        </span>
        {p.decisionComment ? (
          <span className="text-ink-muted">{t('promotions.staff.decisionComment', { comment: p.decisionComment })}</span>
        ) : null}
        {p.withdrawnReason ? (
          <span className="text-danger-700">{t('promotions.staff.withdrawnReason', { reason: p.withdrawnReason })}</span>
        ) : null}
      </div>

      <PromotionActions id={id} can={p.can} />

      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-5">
          <Card aria-labelledby="details-heading">
            <h2 id="details-heading" className="mb-3 text-lg font-bold">
              {t('promotions.staff.details')}
            </h2>
            <dl className="grid gap-3 sm:grid-cols-2">
              <DetailItem term={t('promotions.staff.col.window')}>
                {formatDateTime(p.startsAt, locale)} – {formatDateTime(p.endsAt, locale)}
              </DetailItem>
              <DetailItem term={t('promotions.staff.col.target')}>
                {targetSummary(t, target, p.districts.map(name), p._count.listMembers)}
              </DetailItem>
              <DetailItem term={t('promotions.staff.col.author')}>{p.createdBy.name}</DetailItem>
              <DetailItem term={t('promotions.staff.approvedBy')}>
                {p.approvedBy ? `${p.approvedBy.name}${p.decidedAt ? ` · ${formatDateTime(p.decidedAt, locale)}` : ''}` : '—'}
              </DetailItem>
              <DetailItem term={t('promotions.staff.form.products')} className="sm:col-span-2">
                {p.products.length === 0
                  ? t('promotions.staff.form.noProducts')
                  : joinList(
                      t,
                      p.products.map((x) => `${x.brand} ${x.name}`),
                    )}
              </DetailItem>
            </dl>
            {p.listSample.length > 0 ? (
              <p className="mt-3 text-sm text-ink-muted">
                {t('promotions.staff.listSample', {
                  shops: joinList(
                    t,
                    p.listSample.map((r) => withNote(t, r.shopName, r.licenceNo)),
                  ),
                })}
              </p>
            ) : null}
          </Card>
          <Card aria-labelledby="body-heading">
            <h2 id="body-heading" className="mb-3 text-lg font-bold">
              {t('promotions.staff.form.body')}
            </h2>
            <RichText html={sanitizePromotionBody(p.body)} />
            <h3 className="mt-4 font-bold">{t('promotions.staff.form.terms')}</h3>
            <p className="whitespace-pre-wrap">{p.terms}</p>
          </Card>

          {stats ? (
            <section aria-labelledby="stats-heading" className="flex flex-col gap-3">
              <h2 id="stats-heading" className="text-lg font-bold">
                {t('promotions.staff.stats.title')}
              </h2>
              <dl className="grid grid-cols-3 gap-3" data-testid="promotion-stats">
                {(['targeted', 'delivered', 'opened'] as const).map((k) => (
                  <div key={k} className="rounded-xl border border-line bg-surface p-3 text-center">
                    <dt className="text-sm text-ink-muted">{t(`promotions.staff.stats.${k}` as MessageKey)}</dt>
                    <dd className="text-2xl font-bold">{formatNumber(stats.total[k], locale)}</dd>
                  </div>
                ))}
              </dl>
              <p className="text-ink-muted">
                {t('promotions.staff.stats.openRate', { rate: rate(stats.total.opened, stats.total.delivered) })}
              </p>
              <StatsTable
                caption={t('promotions.staff.stats.byGrade')}
                scroll={t('promotions.staff.stats.scroll')}
                first={t('promotions.staff.reach.grade')}
                rows={stats.byGrade.map((r) => ({
                  key: String(r.grade),
                  label: r.grade === null ? t('promotions.staff.reach.ungraded') : t('promotions.staff.reach.gradeN', { grade: r.grade }),
                  ...r,
                }))}
                t={t}
                rate={rate}
              />
              <StatsTable
                caption={t('promotions.staff.stats.byDistrict')}
                scroll={t('promotions.staff.stats.scroll')}
                first={t('promotions.staff.reach.district')}
                rows={stats.byDistrict.map((r) => ({ key: String(r.districtId), label: name(r), ...r }))}
                t={t}
                rate={rate}
              />
            </section>
          ) : null}

          <section aria-labelledby="history-heading" className="flex flex-col gap-2">
            <h2 id="history-heading" className="text-lg font-bold">
              {t('promotions.staff.history')}
            </h2>
            {p.history.length === 0 ? <p className="text-ink-muted">{t('promotions.staff.noHistory')}</p> : null}
            <ol className="flex flex-col gap-2">
              {p.history.map((h) => (
                <li key={h.id} className="rounded-lg border border-line bg-surface px-3 py-2">
                  <span className="font-semibold">{t(`promotions.staff.action.${h.action.split('.')[1]}` as MessageKey)}</span> ·{' '}
                  {h.actor ?? t('admin.audit.system')} · {formatDateTime(h.createdAt, locale)}
                </li>
              ))}
            </ol>
          </section>
        </div>
        {!delivered && !['WITHDRAWN', 'ENDED'].includes(p.state) ? (
          <aside aria-labelledby="reach-heading" className="xl:sticky xl:top-4 xl:self-start">
            <ReachPanel input={{ target, promotionId: id }} districts={options.districts} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}

function StatsTable({
  caption,
  scroll,
  first,
  rows,
  t,
  rate,
}: {
  caption: string;
  scroll: string;
  first: string;
  rows: { key: string; label: string; targeted: number; delivered: number; opened: number }[];
  t: (key: MessageKey) => string;
  rate: (part: number, whole: number) => string;
}) {
  return (
    <DataTable caption={caption} scrollLabel={scroll}>
      <thead>
        <tr>
          <Th>{first}</Th>
          <Th className="text-right">{t('promotions.staff.stats.targeted')}</Th>
          <Th className="text-right">{t('promotions.staff.stats.delivered')}</Th>
          <Th className="text-right">{t('promotions.staff.stats.opened')}</Th>
          <Th className="text-right">{t('promotions.staff.stats.rate')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <Th scope="row" className="bg-surface font-normal">
              {r.label}
            </Th>
            <Td className="text-right">{r.targeted}</Td>
            <Td className="text-right">{r.delivered}</Td>
            <Td className="text-right">{r.opened}</Td>
            <Td className="text-right">{rate(r.opened, r.delivered)}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
