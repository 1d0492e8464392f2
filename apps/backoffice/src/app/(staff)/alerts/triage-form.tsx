'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { TRIAGE_STATES } from '@tobacco/api/alerts/alerts.rules';
import { ZTriageAlertInput } from '@tobacco/api/alerts/alerts.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { FormMessage } from '../admin/_components/feedback';

/**
 * Confirmed / explained / false positive, with a note. The version the page showed goes with it, so a
 * colleague's triage in between is reported ("reload"), never overwritten.
 */
export function TriageForm({ id, version }: { id: number; version: number }) {
  const t = useT();
  const trpc = useTRPC();
  const { error, done, run } = useAction();
  const triage = useMutation(trpc.alerts.triage.mutationOptions());
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  if (done) return <FormMessage success={done} />;
  return (
    <div className="flex flex-col gap-3">
      <TextField
        id={`triage-note-${id}`}
        label={t('alerts.triage.note')}
        hint={t('alerts.triage.noteHint')}
        value={note}
        error={noteError}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="flex flex-wrap gap-3">
        {TRIAGE_STATES.map((state) => (
          <Button
            key={state}
            variant={state === 'CONFIRMED' ? 'primary' : 'secondary'}
            disabled={triage.isPending}
            onClick={() => {
              const parsed = ZTriageAlertInput.safeParse({ id, state, note, version });
              if (!parsed.success) {
                setNoteError(t((parsed.error.issues[0]?.message ?? 'errors.VALIDATION') as MessageKey));
                return;
              }
              setNoteError(undefined);
              void run(() => triage.mutateAsync(parsed.data), t('alerts.triage.done', { state: t(`alerts.state.${state}`) }));
            }}
          >
            {t(`alerts.triage.as.${state}`)}
          </Button>
        ))}
      </div>
      <FormMessage error={error} />
    </div>
  );
}
