'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { formatNumber } from '@tobacco/i18n/format';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { checkedPercent, isLive, statusLabel } from './labels';

type Progress = { status: string; bytesRead: number; byteSize: number; totalRows: number };

/**
 * An import a job is working on (waiting, checking, writing): read every second until the job is done,
 * then the page is rendered again with the outcome (the report, the rejection or what was written).
 */
export function ImportLive({ id, initial }: { id: number; initial: Progress }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const query = useQuery({
    ...trpc.imports.get.queryOptions({ id }),
    refetchInterval: (q) => (isLive(q.state.data?.status ?? initial.status) ? 1000 : false),
    // Nothing kept from an earlier phase: a checked import that is being written must not read as checked.
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
  });
  const run: Progress = query.data ?? initial;
  const done = !isLive(run.status);
  // A run that is gone (its upload failed and was removed) shows as not found on the page.
  const gone = query.isError && (query.error as { data?: { code?: string } | null }).data?.code === 'NOT_FOUND';
  useEffect(() => {
    if (done || gone) router.refresh();
  }, [done, gone, router]);

  const percent = checkedPercent(run.bytesRead, run.byteSize);
  const applying = run.status === 'APPLYING';
  return (
    <div className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4" data-testid="import-progress">
      {/* The state is announced as it changes; the percentage, read every second, is not. */}
      <p role="status" className="font-semibold">
        {t(statusLabel(run.status))}
      </p>
      {applying ? (
        <progress aria-label={t('imports.progress.applyingLabel')} className="h-3 w-full max-w-xl accent-brand-700" />
      ) : run.status === 'CHECKING' ? (
        <progress max={100} value={percent} aria-label={t('imports.progress.label')} className="h-3 w-full max-w-xl accent-brand-700" />
      ) : (
        <progress aria-label={t('imports.progress.label')} className="h-3 w-full max-w-xl accent-brand-700" />
      )}
      <p className="text-ink-muted tabular-nums">
        {applying
          ? t('imports.progress.applying')
          : run.status === 'CHECKING'
            ? t('imports.progress.checking', { percent: formatNumber(percent, locale), rows: formatNumber(run.totalRows, locale) })
            : t('imports.progress.waiting')}
      </p>
    </div>
  );
}
