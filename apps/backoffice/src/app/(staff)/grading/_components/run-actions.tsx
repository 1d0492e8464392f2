'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { ConfirmButton, errorText, FormMessage } from '../../admin/_components/feedback';

/** Starts a run for a period; a published period needs the reason of its correction. */
export function StartRunForm({ periodCode, correction }: { periodCode: string; correction: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.grading.startRun.mutationOptions());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        start.mutateAsync({ periodCode, reason: correction ? reason : undefined }).then(
          (run) => {
            setSuccess(t('grading.staff.runs.started'));
            router.push(`/grading/runs/${run.id}`);
          },
          (err: unknown) => setError(errorText(t, err)),
        );
      }}
    >
      {correction ? (
        <TextField
          id={`reason-${periodCode}`}
          label={t('grading.staff.runs.reason')}
          hint={t('grading.staff.runs.reasonHint')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      ) : null}
      <Button type="submit" variant={correction ? 'secondary' : 'primary'} disabled={start.isPending}>
        {t(correction ? 'grading.staff.runs.startCorrection' : 'grading.staff.runs.start')}
      </Button>
      <FormMessage error={error} success={success} />
    </form>
  );
}

/** Publish (another manager) and discard, each asking once more; the result stays on screen. */
export function RunDecision({
  runId,
  canPublish,
  canDiscard,
  question,
}: {
  runId: number;
  canPublish: boolean;
  canDiscard: boolean;
  question: string;
}) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const publish = useMutation(trpc.grading.publishRun.mutationOptions());
  const discard = useMutation(trpc.grading.discardRun.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const done = (message: string) => () => {
    setSuccess(message);
    router.refresh();
  };
  const failed = (e: unknown) => setError(errorText(t, e));
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {canPublish ? (
          <ConfirmButton
            variant="primary"
            label={t('grading.staff.review.publish')}
            confirmLabel={t('grading.staff.review.publish')}
            question={question}
            disabled={publish.isPending}
            onConfirm={() => {
              setError(null);
              publish.mutateAsync({ runId }).then(done(t('grading.staff.review.published')), failed);
            }}
          />
        ) : null}
        {canDiscard ? (
          <ConfirmButton
            variant="danger"
            label={t('grading.staff.review.discard')}
            confirmLabel={t('grading.staff.review.discard')}
            question={t('grading.staff.review.discardQuestion')}
            disabled={discard.isPending}
            onConfirm={() => {
              setError(null);
              discard.mutateAsync({ runId }).then(done(t('grading.staff.review.discarded')), failed);
            }}
          />
        ) : null}
      </div>
      <FormMessage error={error} success={success} />
    </div>
  );
}

/** While a run computes: polls the runs list and refreshes the page once it has finished. */
export function ComputingWatcher({ runId }: { runId: number }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const runs = useQuery({ ...trpc.grading.runs.queryOptions(), refetchInterval: 3000 });
  const state = runs.data?.find((r) => r.id === runId)?.state;
  useEffect(() => {
    if (state && state !== 'COMPUTING') router.refresh();
  }, [state, router]);
  return (
    <p role="status" aria-live="polite" className="rounded-lg border border-line bg-canvas px-4 py-3">
      {t('grading.staff.runs.computing')}
    </p>
  );
}
