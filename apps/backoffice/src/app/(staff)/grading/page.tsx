import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { formatDate, formatDateTime, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../admin/_components/feedback';
import { GradingNav } from './_components/grading-nav';
import { RUN_TONE } from './_components/labels';
import { StartRunForm } from './_components/run-actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('grading.staff.title') };
}

export default async function GradingRunsPage() {
  const denied = await deniedArea('grading');
  if (denied) return denied;
  const [{ t, locale }, me] = await Promise.all([getI18n(), getMe()]);
  if (!me.permissions.includes('grading.review'))
    redirect(me.permissions.includes('grading.decideAppeal') ? '/grading/appeals' : '/grading/integrity');
  const { api } = await getServerApi();
  const [periods, runs] = await Promise.all([api.grading.periods(), api.grading.runs()]);
  const mayRun = me.permissions.includes('grading.run');
  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('grading.staff.runs.description')}>{t('grading.staff.title')}</PageTitle>
      <GradingNav current="/grading" />
      <section aria-labelledby="periods-heading" className="flex flex-col gap-3">
        <h2 id="periods-heading" className="text-lg font-bold">
          {t('grading.staff.runs.periods')}
        </h2>
        <DataTable caption={t('grading.staff.runs.periods')} captionHidden scrollLabel={t('grading.staff.review.scroll')}>
          <thead>
            <tr>
              <Th>{t('grading.staff.runs.period')}</Th>
              <Th>{t('grading.staff.runs.orders')}</Th>
              <Th>{t('grading.staff.runs.effective')}</Th>
              <Th>{t('grading.staff.runs.status')}</Th>
              {mayRun ? <Th>{t('grading.staff.runs.action')}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => {
              const busy = p.latestRun && (p.latestRun.state === 'COMPUTING' || p.latestRun.state === 'DRAFT');
              return (
                <tr key={p.code}>
                  <Th scope="row" className="bg-surface">
                    {p.code}
                  </Th>
                  <Td>
                    {formatDate(p.ordersFrom, locale)} – {formatDate(p.ordersTo, locale)}
                  </Td>
                  <Td>
                    {formatDate(p.effectiveFrom, locale)} – {formatDate(p.effectiveTo, locale)}
                  </Td>
                  <Td>
                    {p.latestRun ? (
                      <Link href={`/grading/runs/${p.latestRun.id}`}>
                        <Badge tone={RUN_TONE[p.latestRun.state]}>{t(`grading.staff.runState.${p.latestRun.state}` as MessageKey)}</Badge>
                      </Link>
                    ) : (
                      <Badge tone="muted">{t('grading.staff.runs.notRun')}</Badge>
                    )}
                    {p.openCycles > 0 ? (
                      <p className="text-sm text-warning-800">{t('grading.staff.runs.openCycles', { count: p.openCycles })}</p>
                    ) : null}
                  </Td>
                  {mayRun ? (
                    <Td>{busy || p.openCycles > 0 ? null : <StartRunForm periodCode={p.code} correction={p.published} />}</Td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      </section>
      <section aria-labelledby="runs-heading" className="flex flex-col gap-3">
        <h2 id="runs-heading" className="text-lg font-bold">
          {t('grading.staff.runs.history')}
        </h2>
        {runs.length === 0 ? (
          <EmptyState title={t('grading.staff.runs.none')} />
        ) : (
          <DataTable caption={t('grading.staff.runs.history')} captionHidden scrollLabel={t('grading.staff.review.scroll')}>
            <thead>
              <tr>
                <Th>{t('grading.staff.runs.period')}</Th>
                <Th>{t('grading.staff.runs.status')}</Th>
                <Th>{t('grading.staff.runs.startedBy')}</Th>
                <Th>{t('grading.staff.runs.decidedBy')}</Th>
                <Th className="text-right">{t('grading.staff.runs.retailers')}</Th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <Th scope="row" className="bg-surface">
                    <Link href={`/grading/runs/${run.id}`}>
                      {run.period.code} · #{run.id}
                    </Link>
                    {run.reason ? (
                      <p className="text-sm font-normal text-ink-muted">{t('grading.staff.review.reason', { reason: run.reason })}</p>
                    ) : null}
                  </Th>
                  <Td>
                    <Badge tone={RUN_TONE[run.state]}>{t(`grading.staff.runState.${run.state}` as MessageKey)}</Badge>
                  </Td>
                  <Td>
                    {run.startedBy.name} · {formatDateTime(run.startedAt, locale)}
                  </Td>
                  <Td>{run.decidedBy && run.decidedAt ? `${run.decidedBy.name} · ${formatDateTime(run.decidedAt, locale)}` : '—'}</Td>
                  <Td className="text-right">{formatNumber(run.retailerCount, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </div>
  );
}
