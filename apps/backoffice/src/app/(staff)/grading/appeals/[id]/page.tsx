import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { formatDateTime, formatFen, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Card, DetailItem } from '@tobacco/ui/card';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getServerApi } from '@/trpc/server';
import { Badge } from '../../../admin/_components/feedback';
import { AppealDecisionForm } from '../../_components/appeal-decision';
import { GradingNav } from '../../_components/grading-nav';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('grading.staff.nav.appeals') };
}

const COMPONENTS = ['volume', 'amount', 'variety', 'classShare'] as const;
const COMPONENT_LABEL = {
  volume: 'grading.staff.col.volumeScore',
  amount: 'grading.staff.col.amountScore',
  variety: 'grading.staff.col.varietyScore',
  classShare: 'grading.staff.col.classShareScore',
} as const;

export default async function AppealPage({ params }: { params: Promise<{ id: string }> }) {
  const denied = await deniedArea('grading');
  if (denied) return denied;
  const appealId = Number((await params).id);
  if (!Number.isInteger(appealId) || appealId <= 0 || appealId > 2147483647) notFound();
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let a;
  try {
    a = await api.grading.appeal({ appealId });
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  const points = (n: number | null | undefined) =>
    n === null || n === undefined ? '—' : formatNumber(Math.round(n * 1000) / 1000, locale);
  return (
    <div className="flex flex-col gap-5">
      <PageTitle>{t('grading.staff.appeals.title', { shop: a.retailer.shopName })}</PageTitle>
      <GradingNav current="/grading/appeals" />
      <Card>
        <dl className="grid gap-3 sm:grid-cols-3">
          <DetailItem term={t('grading.staff.col.licenceNo')}>{a.retailer.licenceNo}</DetailItem>
          <DetailItem term={t('grading.staff.col.district')}>{a.retailer.district.name}</DetailItem>
          <DetailItem term={t('grading.staff.runs.period')}>{a.period.code}</DetailItem>
          <DetailItem term={t('grading.staff.appeals.grade')}>{a.currentGrade}</DetailItem>
          <DetailItem term={t('grading.staff.col.integrity')}>{a.retailer.integrityLevel}</DetailItem>
          <DetailItem term={t('grading.staff.appeals.due')}>
            {formatDateTime(a.dueAt, locale)} {a.overdue ? <Badge tone="bad">{t('grading.staff.appeals.overdue')}</Badge> : null}
          </DetailItem>
        </dl>
        <h2 className="mt-4 font-bold">{t('grading.staff.appeals.reason')}</h2>
        <p className="whitespace-pre-wrap">{a.reason}</p>
      </Card>

      <section aria-labelledby="components-heading" className="flex flex-col gap-3">
        <h2 id="components-heading" className="text-lg font-bold">
          {t('grading.staff.appeals.components')}
        </h2>
        {!a.own ? (
          <p>{t('grading.staff.appeals.noScore')}</p>
        ) : (
          <>
            <p>
              {t('grading.staff.col.volumeTiao')} {formatNumber(a.own.totals.volumeTiao, locale)} · {t('grading.staff.col.amountYuan')}{' '}
              {formatFen(a.own.totals.amountFen, locale)} · {t('grading.staff.col.distinctProducts')} {a.own.totals.distinctProducts} ·{' '}
              {t('grading.staff.col.rank')} {a.own.rank}
            </p>
            <DataTable caption={t('grading.staff.appeals.components')} captionHidden scrollLabel={t('grading.staff.review.scroll')}>
              <thead>
                <tr>
                  <Th>{t('grading.staff.col.score')}</Th>
                  <Th className="text-right">{t('grading.staff.appeals.own')}</Th>
                  <Th className="text-right">
                    {a.peers ? t('grading.staff.appeals.peers', { count: a.peers.count, grade: a.peers.grade }) : '—'}
                  </Th>
                </tr>
              </thead>
              <tbody>
                {COMPONENTS.map((c) => (
                  <tr key={c}>
                    <Th scope="row" className="bg-surface font-normal">
                      {t(COMPONENT_LABEL[c] as MessageKey)}
                    </Th>
                    <Td className="text-right">{points(a.own!.components[c])}</Td>
                    <Td className="text-right">{points(a.peers?.[c])}</Td>
                  </tr>
                ))}
                <tr>
                  <Th scope="row" className="bg-surface">
                    {t('grading.staff.col.score')}
                  </Th>
                  <Td className="text-right font-semibold">{points(a.own.score)}</Td>
                  <Td className="text-right font-semibold">{points(a.peers?.score)}</Td>
                </tr>
                {a.peers ? (
                  <tr>
                    <Th scope="row" className="bg-surface font-normal">
                      {t('grading.staff.appeals.band')}
                    </Th>
                    <Td />
                    <Td className="text-right">
                      {points(a.peers.minScore)} – {points(a.peers.maxScore)}
                    </Td>
                  </tr>
                ) : null}
              </tbody>
            </DataTable>
            {!a.peers ? <p>{t('grading.staff.appeals.noPeers')}</p> : null}
          </>
        )}
      </section>

      <Card aria-labelledby="decide-heading">
        <h2 id="decide-heading" className="mb-3 text-lg font-bold">
          {t('grading.staff.appeals.decide')}
        </h2>
        {a.state === 'SUBMITTED' ? (
          <AppealDecisionForm appealId={a.id} currentGrade={a.currentGrade} cap={a.integrityCap} />
        ) : (
          <p role="status">
            <Badge tone={a.state === 'APPROVED' ? 'ok' : 'muted'}>
              {t(`grading.appeal.state.${a.state}` as MessageKey)} · {a.decidedGrade}
            </Badge>{' '}
            {t('grading.staff.appeals.decidedBy', {
              name: a.decidedBy?.name ?? '—',
              date: a.decidedAt ? formatDateTime(a.decidedAt, locale) : '—',
              note: a.decisionNote ?? '',
            })}
          </p>
        )}
      </Card>
    </div>
  );
}
