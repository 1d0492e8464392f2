'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, FormMessage } from '../_components/feedback';

/** Approve (applies the change) or reject (a reason is required); the shop hears the outcome in its inbox. */
export function DecisionForm({ id }: { id: number }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const approve = useMutation(trpc.admin.changeRequests.approve.mutationOptions());
  const reject = useMutation(trpc.admin.changeRequests.reject.mutationOptions());
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = approve.isPending || reject.isPending;
  const run = async (action: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await action();
      setDone(message);
      router.refresh();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  if (done) return <FormMessage success={done} />;
  return (
    <div className="flex flex-col gap-3">
      <TextField label={t('admin.changeRequests.note')} hint={t('admin.changeRequests.noteHint')} value={note} error={noteError} onChange={(e) => setNote(e.target.value)} />
      <div className="flex flex-wrap gap-3">
        <Button disabled={busy} onClick={() => void run(() => approve.mutateAsync({ id, note: note.trim() || undefined }), t('admin.changeRequests.approved'))}>
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
