'use client';

import { useMutation } from '@tanstack/react-query';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { FormMessage } from '../_components/feedback';

/** Puts one failed job back in its queue and says so. */
export function RetryJobButton({ queue, id }: { queue: string; id: string }) {
  const t = useT();
  const trpc = useTRPC();
  const { error, done, run } = useAction();
  const retry = useMutation(trpc.jobs.retry.mutationOptions());
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="secondary"
        disabled={retry.isPending || !!done}
        onClick={() => void run(() => retry.mutateAsync({ queue, id }), t('admin.jobs.retried'))}
      >
        {t('admin.jobs.retry')}
      </Button>
      <FormMessage error={error} success={done} />
    </div>
  );
}
