import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { isPeriodCode } from '@tobacco/api/rewards/rewards.run.rules';
import { formatDateTime, formatNumber } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../../admin/_components/feedback';
import { hrefWith, parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { RewardsNav } from '../_components/rewards-nav';
import { RunProgress, StartRunButton } from '../_components/run-controls';
import { ListPagination } from '@/components/list-kit';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('rewards.staff.nav.runs') };
}

const ZRunsSearch = z.object({
  period: z.string().refine(isPeriodCode).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  runs: z.number().int().min(1).max(1000).default(1),
});

/** The last quarter that has ended, China time: the usual period to run. */
function lastQuarter(): string {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const q = Math.floor(today.getUTCMonth() / 3);
  return q === 0 ? `${today.getUTCFullYear() - 1}-Q4` : `${today.getUTCFullYear()}-Q${q}`;
}

const RUN_TONE = { PREVIEW: 'muted', RUNNING: 'warn', COMMITTED: 'ok', FAILED: 'bad' } as const;

export default async function RewardRunsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('rewards');
  if (denied) return denied;
  const input = parseSearch(ZRunsSearch, await searchParams, { numbers: ['page', 'runs'] });
  const [{ t, locale }, me] = await Promise.all([getI18n(), getMe()]);
  if (!me.permissions.includes('rewards.read')) redirect('/rewards/redemptions');
  const { api } = await getServerApi();
  const period = input.period ?? lastQuarter();
  const [preview, runs] = await Promise.all([
    api.rewards.previewRun({ periodCode: period, page: input.page }),
    api.rewards.runs({ page: input.runs }),
  ]);
  const mayRun = me.permissions.includes('rewards.manage');
  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('rewards.staff.runs.description')}>{t('rewards.staff.title')}</PageTitle>
      <RewardsNav current="/rewards/runs" />
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4">
        <TextField
          id="run-period"
          name="period"
          label={t('rewards.staff.runs.period')}
          hint={t('rewards.staff.validation.period')}
          defaultValue={period}
        />
        <button type="submit" className={buttonClass('primary')}>
          {t('rewards.staff.runs.preview')}
        </button>
      </form>

      <section aria-labelledby="preview-heading" className="flex flex-col gap-3">
        <h2 id="preview-heading" className="text-lg font-bold">
          {t('rewards.staff.runs.previewTitle', { period: preview.periodCode, from: preview.range.from, to: preview.range.to })}
        </h2>
        {preview.run ? (
          <p
            role="status"
            className="rounded-lg border border-success-700/30 bg-success-50 px-4 py-3 text-success-700"
            data-testid="run-exists"
          >
            {t(preview.run.state === 'COMMITTED' ? 'rewards.staff.runs.alreadyCommitted' : 'rewards.staff.runs.alreadyStarted', {
              period: preview.run.periodCode,
            })}
          </p>
        ) : !preview.periodOver ? (
          <p role="status" className="rounded-lg border border-warning-800/30 bg-warning-50 px-4 py-3 text-warning-800">
            {t('rewards.staff.errors.periodNotOver')}
          </p>
        ) : null}
        <dl className="grid grid-cols-3 gap-3">
          <div className="rounded-xl border border-line bg-surface p-3 text-center">
            <dt className="text-sm text-ink-muted">{t('rewards.staff.runs.eligible')}</dt>
            <dd className="text-2xl font-bold">{formatNumber(preview.eligible, locale)}</dd>
          </div>
          <div className="rounded-xl border border-line bg-surface p-3 text-center">
            <dt className="text-sm text-ink-muted">{t('rewards.staff.runs.earning')}</dt>
            <dd className="text-2xl font-bold">{formatNumber(preview.earning, locale)}</dd>
          </div>
          <div className="rounded-xl border border-line bg-surface p-3 text-center">
            <dt className="text-sm text-ink-muted">{t('rewards.staff.runs.points')}</dt>
            <dd className="text-2xl font-bold">{formatNumber(preview.points, locale)}</dd>
          </div>
        </dl>
        {preview.rules.length === 0 ? (
          <EmptyState title={t('rewards.staff.errors.noRules')} />
        ) : (
          <DataTable caption={t('rewards.staff.runs.perRule')} scrollLabel={t('rewards.staff.runs.scroll')}>
            <thead>
              <tr>
                <Th>{t('rewards.staff.rules.kind')}</Th>
                <Th>{t('rewards.staff.rules.name')}</Th>
                <Th className="text-right">{t('rewards.staff.rules.points')}</Th>
                <Th className="text-right">{t('rewards.staff.runs.retailers')}</Th>
                <Th className="text-right">{t('rewards.staff.runs.totalPoints')}</Th>
              </tr>
            </thead>
            <tbody>
              {preview.rules.map((r) => (
                <tr key={r.id}>
                  <Th scope="row" className="bg-surface font-normal">
                    {t(`rewards.staff.kind.${r.kind}` as MessageKey)}
                  </Th>
                  <Td>
                    {locale === 'en' ? r.nameEn : r.name}
                    {r.unmeasured ? <p className="text-sm text-warning-800">{t('rewards.staff.rules.unmeasured')}</p> : null}
                  </Td>
                  <Td className="text-right">{r.points}</Td>
                  <Td className="text-right">{formatNumber(r.retailers, locale)}</Td>
                  <Td className="text-right">{formatNumber(r.totalPoints, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        {mayRun && !preview.run && preview.periodOver && preview.rules.length > 0 ? (
          <StartRunButton periodCode={preview.periodCode} earning={preview.earning} points={preview.points} />
        ) : null}
        {preview.items.length > 0 ? (
          <DataTable caption={t('rewards.staff.runs.whoGets')} scrollLabel={t('rewards.staff.runs.scroll')}>
            <thead>
              <tr>
                <Th>{t('rewards.staff.runs.retailer')}</Th>
                <Th>{t('rewards.staff.runs.grade')}</Th>
                <Th>{t('rewards.staff.runs.rules')}</Th>
                <Th className="text-right">{t('rewards.staff.runs.points')}</Th>
              </tr>
            </thead>
            <tbody>
              {preview.items.map((row) => (
                <tr key={row.retailerId}>
                  <Td>
                    {row.shopName} <span className="text-sm text-ink-muted">{row.licenceNo}</span>
                  </Td>
                  <Td>{row.grade ?? '—'}</Td>
                  <Td>
                    {row.ruleIds
                      .map((id) => preview.rules.find((r) => r.id === id))
                      .map((r) => (r ? t(`rewards.staff.kind.${r.kind}` as MessageKey) : ''))
                      .join(t('common.listSeparator'))}
                  </Td>
                  <Td className="text-right font-semibold">{row.points}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : null}
        {preview.pages > 1 ? (
          <ListPagination
            page={preview.page}
            pages={preview.pages}
            total={preview.earning}
            hrefFor={(page) => hrefWith('/rewards/runs', { period, page })}
          />
        ) : null}
      </section>

      <section aria-labelledby="runs-heading" className="flex flex-col gap-3">
        <h2 id="runs-heading" className="text-lg font-bold">
          {t('rewards.staff.runs.history')}
        </h2>
        {runs.items.length === 0 ? (
          <EmptyState title={t('rewards.staff.runs.none')} />
        ) : (
          <DataTable
            caption={t('rewards.staff.runs.historyCaption', { total: runs.total })}
            captionHidden
            scrollLabel={t('rewards.staff.runs.scroll')}
          >
            <thead>
              <tr>
                <Th>{t('rewards.staff.runs.period')}</Th>
                <Th>{t('rewards.staff.runs.state')}</Th>
                <Th>{t('rewards.staff.runs.started')}</Th>
                <Th className="text-right">{t('rewards.staff.runs.retailers')}</Th>
                <Th className="text-right">{t('rewards.staff.runs.totalPoints')}</Th>
              </tr>
            </thead>
            <tbody>
              {runs.items.map((run) => (
                <tr key={run.id}>
                  <Th scope="row" className="bg-surface">
                    <Link href={hrefWith('/rewards/runs', { period: run.periodCode })}>{run.periodCode}</Link>
                  </Th>
                  <Td>
                    <Badge tone={RUN_TONE[run.state as keyof typeof RUN_TONE] ?? 'muted'}>
                      {t(`rewards.staff.runState.${run.state}` as MessageKey)}
                    </Badge>
                    {run.state === 'RUNNING' || run.state === 'FAILED' ? <RunProgress id={run.id} /> : null}
                  </Td>
                  <Td>
                    {formatDateTime(run.startedAt, locale)}
                    {run.createdBy ? ` · ${run.createdBy}` : ''}
                  </Td>
                  <Td className="text-right">{formatNumber(run.retailers, locale)}</Td>
                  <Td className="text-right">{formatNumber(run.points, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        {runs.pages > 1 ? (
          <ListPagination
            page={runs.page}
            pages={runs.pages}
            total={runs.total}
            hrefFor={(page) => hrefWith('/rewards/runs', { period, runs: page })}
          />
        ) : null}
      </section>
    </div>
  );
}
