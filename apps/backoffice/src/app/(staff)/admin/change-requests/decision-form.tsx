'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { FormMessage } from '../_components/feedback';

/** Approve (applies the change) or reject (a reason is required); the shop hears the outcome in its inbox. */
export function DecisionForm({ id }: { id: number }) {
  const t = useT();
  const trpc = useTRPC();
  const { error, done, run } = useAction();
  const approve = useMutation(trpc.admin.changeRequests.approve.mutationOptions());
  const reject = useMutation(trpc.admin.changeRequests.reject.mutationOptions());
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const busy = approve.isPending || reject.isPending;
  if (done) return null;
  return (
    <div className="flex flex-col gap-3">
      <TextField
        label={t('admin.changeRequests.note')}
        hint={t('admin.changeRequests.noteHint')}
        value={note}
        error={noteError}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="flex flex-wrap gap-3">
        <Button
          disabled={busy}
          onClick={() => void run(() => approve.mutateAsync({ id, note: note.trim() || undefined }), t('admin.changeRequests.approved'))}
        >
          {t('admin.changeRequests.approve')}
        </Button>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => {
            if (!note.trim()) {
              setNoteError(t('admin.changeRequests.validation.reason'));
              return;
            }
            setNoteError(undefined);
            void run(() => reject.mutateAsync({ id, note }), t('admin.changeRequests.rejected'));
          }}
        >
          {t('admin.changeRequests.reject')}
        </Button>
      </div>
      <FormMessage error={error} />
    </div>
  );
}
