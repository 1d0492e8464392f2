'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { TSurveyDefinition } from '@tobacco/api/surveys/surveys.schema';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { useTRPC } from '@/trpc/react';

type Can = { submit: boolean; approve: boolean; reject: boolean; open: boolean; close: boolean; duplicate: boolean };

/** The lifecycle buttons this person may press now (the server checks again), and the JSON export. */
export function SurveyActions({ id, can, definition, ownHint }: { id: number; can: Can; definition: TSurveyDefinition; ownHint: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [reason, setReason] = useState('');
  const options = {
    onSuccess: () => {
      setMessage({ kind: 'ok', text: t('surveys.action.done') });
      router.refresh();
    },
    onError: (error: unknown) => {
      const m = errorMessageOf(error);
      setMessage({ kind: 'error', text: t(m.key, m.params) });
    },
  };
  const submit = useMutation(trpc.surveys.submitForApproval.mutationOptions(options));
  const approve = useMutation(trpc.surveys.approve.mutationOptions(options));
  const reject = useMutation(trpc.surveys.reject.mutationOptions(options));
  const open = useMutation(trpc.surveys.open.mutationOptions(options));
  const close = useMutation(trpc.surveys.close.mutationOptions(options));
  const duplicate = useMutation(
    trpc.surveys.duplicate.mutationOptions({ onSuccess: (copy) => router.push(`/surveys/${copy.id}/edit`), onError: options.onError }),
  );
  const busy = [submit, approve, reject, open, close, duplicate].some((m) => m.isPending);

  const exportJson = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(definition, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `survey-definition-${id}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-3">
        {can.submit ? (
          <Button disabled={busy} onClick={() => submit.mutate({ id })}>
            {t('surveys.action.submit')}
          </Button>
        ) : null}
        {can.approve ? (
          <Button disabled={busy} onClick={() => approve.mutate({ id })}>
            {t('surveys.action.approve')}
          </Button>
        ) : null}
        {can.open ? (
          <Button disabled={busy} onClick={() => window.confirm(t('surveys.action.confirmOpen')) && open.mutate({ id })}>
            {t('surveys.action.open')}
          </Button>
        ) : null}
        {can.close ? (
          <Button variant="danger" disabled={busy} onClick={() => window.confirm(t('surveys.action.confirmClose')) && close.mutate({ id })}>
            {t('surveys.action.close')}
          </Button>
        ) : null}
        {can.duplicate ? (
          <Button variant="secondary" disabled={busy} onClick={() => duplicate.mutate({ id, locale })}>
            {t('surveys.action.duplicate')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={exportJson}>
          {t('surveys.detail.exportJson')}
        </Button>
      </div>
      {can.reject ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) reject.mutate({ id, reason });
          }}
        >
          <TextField
            label={t('surveys.action.rejectReason')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            className="min-w-64"
            required
          />
          <Button type="submit" variant="secondary" disabled={busy || !reason.trim()}>
            {t('surveys.action.reject')}
          </Button>
        </form>
      ) : null}
      {ownHint ? <p className="text-ink-muted">{t('surveys.action.ownHint')}</p> : null}
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'font-medium text-danger-700' : 'font-medium text-success-700'}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
