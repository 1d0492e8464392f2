'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { FormMessage } from '../../admin/_components/feedback';

/** Fulfil with an optional note, or reject with a reason (the points go back to the shop's ledger). */
export function RedemptionActions({ id, label }: { id: number; label: string }) {
  const t = useT();
  const trpc = useTRPC();
  const { error, run } = useAction();
  const fulfil = useMutation(trpc.rewards.fulfil.mutationOptions());
  const reject = useMutation(trpc.rewards.rejectRedemption.mutationOptions());
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string>();
  const busy = fulfil.isPending || reject.isPending;
  return (
    <div className="flex min-w-64 flex-col gap-2" role="group" aria-label={t('rewards.staff.redemptions.handle', { what: label })}>
      <TextField
        id={`redemption-${id}-note`}
        label={t('rewards.staff.redemptions.note')}
        value={text}
        error={textError}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} onClick={() => void run(() => fulfil.mutateAsync({ id, note: text.trim() || undefined }))}>
          {t('rewards.staff.redemptions.fulfil')}
        </Button>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => {
            if (text.trim().length < 2) {
              setTextError(t('rewards.staff.redemptions.reasonRequired'));
              return;
            }
            setTextError(undefined);
            void run(() => reject.mutateAsync({ id, reason: text }));
          }}
        >
          {t('rewards.staff.redemptions.reject')}
        </Button>
      </div>
      <FormMessage error={error} />
    </div>
  );
}
