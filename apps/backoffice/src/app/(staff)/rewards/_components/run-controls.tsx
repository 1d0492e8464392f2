'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { ConfirmButton, errorText, FormMessage } from '../../admin/_components/feedback';

/** Starts the period's run (after a confirmation): the job grants the points in the background. */
export function StartRunButton({ periodCode, earning, points }: { periodCode: string; earning: number; points: number }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.rewards.startRun.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <ConfirmButton
        variant="primary"
        label={t('rewards.staff.runs.start', { period: periodCode })}
        confirmLabel={t('rewards.staff.runs.confirm')}
        question={t('rewards.staff.runs.question', { period: periodCode, n: earning, points })}
        disabled={start.isPending}
        onConfirm={() => {
          setError(null);
          start.mutateAsync({ periodCode }).then(
            () => router.refresh(),
            (e: unknown) => setError(errorText(t, e)),
          );
        }}
      />
      <FormMessage error={error} />
    </div>
  );
}

/** A running run's progress, read every two seconds until it is committed. */
export function RunProgress({ id }: { id: number }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const run = useQuery({
    ...trpc.rewards.run.queryOptions({ id }),
    refetchInterval: (q) => (q.state.data?.state === 'COMMITTED' ? false : 2000),
  });
  const state = run.data?.state;
  useEffect(() => {
    if (state === 'COMMITTED') router.refresh();
  }, [state, router]);
  if (!run.data) return null;
  const { processed, total } = run.data;
  return (
    <div className="flex flex-col gap-1" role="status" aria-live="polite">
      <progress className="h-3 w-48" max={Math.max(1, total)} value={processed} aria-label={t('rewards.staff.runs.progress')} />
      <span className="text-sm">
        {t('rewards.staff.runs.processed', { processed, total })}
        {state === 'FAILED' ? ` · ${t('rewards.staff.runs.failedRetry')}` : ''}
      </span>
      {state === 'FAILED' ? (
        <Button variant="ghost" onClick={() => void run.refetch()}>
          {t('common.retry')}
        </Button>
      ) : null}
    </div>
  );
}
