'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ZCreateIntegrationInput } from '@tobacco/api/integrations/integrations.schema';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import type { MessageKey } from '@tobacco/i18n/messages';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { ConfirmButton, FormMessage } from '../_components/feedback';

/** A new key, shown once: it stays on screen until the administrator says it is saved. */
function KeyOnce({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="flex flex-col gap-2 rounded-xl border border-warning-800/30 bg-warning-50 p-4"
      data-testid="integration-key"
    >
      <p className="font-semibold text-warning-800">{t('ingest.keyFor', { name })}</p>
      <p className="rounded bg-surface px-2 py-1 font-mono break-all" data-testid="integration-key-value">
        {secret}
      </p>
      <p className="text-sm text-ink-muted">{t('ingest.keyOnce')}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}>
          {copied ? t('admin.password.copied') : t('admin.password.copy')}
        </Button>
        <Button variant="secondary" onClick={onDismiss}>
          {t('ingest.dismissKey')}
        </Button>
      </div>
    </div>
  );
}

export function CreateIntegration() {
  const t = useT();
  const trpc = useTRPC();
  const { error, run } = useAction();
  const create = useMutation(trpc.integrations.create.mutationOptions());
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = ZCreateIntegrationInput.safeParse({ name });
          if (!parsed.success) return setFieldError(t(parsed.error.issues[0]!.message as MessageKey));
          setFieldError(undefined);
          void run(async () => {
            const created = await create.mutateAsync(parsed.data);
            setShown({ name: created.name, key: created.key });
            setName('');
          });
        }}
      >
        <TextField
          id="integration-name"
          label={t('ingest.name')}
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          error={fieldError}
          className="min-w-64"
        />
        <Button type="submit" disabled={create.isPending}>
          {t('ingest.create')}
        </Button>
      </form>
      <FormMessage error={error} />
      {shown ? <KeyOnce name={shown.name} secret={shown.key} onDismiss={() => setShown(null)} /> : null}
    </div>
  );
}

export function IntegrationActions({ id }: { id: number }) {
  const t = useT();
  const trpc = useTRPC();
  const { error, run } = useAction();
  const rotate = useMutation(trpc.integrations.rotate.mutationOptions());
  const revoke = useMutation(trpc.integrations.revoke.mutationOptions());
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  const busy = rotate.isPending || revoke.isPending;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => void run(async () => setShown(await rotate.mutateAsync({ integrationId: id })))}
        >
          {t('ingest.rotate')}
        </Button>
        <ConfirmButton
          label={t('ingest.revoke')}
          confirmLabel={t('ingest.revoke')}
          question={t('ingest.revokeConfirm')}
          variant="danger"
          disabled={busy}
          onConfirm={() => void run(() => revoke.mutateAsync({ integrationId: id }))}
        />
      </div>
      <FormMessage error={error} />
      {shown ? <KeyOnce name={shown.name} secret={shown.key} onDismiss={() => setShown(null)} /> : null}
    </div>
  );
}
