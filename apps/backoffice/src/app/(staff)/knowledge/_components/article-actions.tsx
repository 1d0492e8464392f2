'use client';

import { useMutation } from '@tanstack/react-query';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { ConfirmButton, FormMessage } from '../../admin/_components/feedback';

/** Publish a draft or a retired article; retire a published one. Only for those with knowledge.publish. */
export function ArticleActions({ id, version, state }: { id: number; version: number; state: string }) {
  const t = useT();
  const trpc = useTRPC();
  const { error, run } = useAction();
  const publish = useMutation(trpc.knowledge.publish.mutationOptions());
  const retire = useMutation(trpc.knowledge.retire.mutationOptions());
  const busy = publish.isPending || retire.isPending;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {state !== 'PUBLISHED' ? (
          <Button disabled={busy} onClick={() => void run(() => publish.mutateAsync({ id, version }), t('knowledge.staff.published'))}>
            {t('knowledge.staff.publish')}
          </Button>
        ) : (
          <ConfirmButton
            label={t('knowledge.staff.retire')}
            confirmLabel={t('knowledge.staff.retire')}
            question={`${t('knowledge.staff.retire')}?`}
            variant="danger"
            disabled={busy}
            onConfirm={() => void run(() => retire.mutateAsync({ id, version }), t('knowledge.staff.retired'))}
          />
        )}
      </div>
      <FormMessage error={error} />
    </div>
  );
}
