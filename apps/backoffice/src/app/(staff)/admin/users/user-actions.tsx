'use client';

import { useMutation } from '@tanstack/react-query';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { ConfirmButton, FormMessage, TemporaryPassword } from '../_components/feedback';

/** Deactivate or reactivate, reset the password, unlock: each asks first and says what happened. */
export function UserActions({
  id,
  username,
  active,
  locked,
  self,
}: {
  id: number;
  username: string;
  active: boolean;
  locked: boolean;
  self: boolean;
}) {
  const t = useT();
  const trpc = useTRPC();
  const { error, run } = useAction();
  const setActive = useMutation(trpc.admin.users.setActive.mutationOptions());
  const reset = useMutation(trpc.admin.users.resetPassword.mutationOptions());
  const unlock = useMutation(trpc.admin.users.unlock.mutationOptions());
  const busy = setActive.isPending || reset.isPending || unlock.isPending;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-3">
        {active ? (
          <ConfirmButton
            label={t('admin.users.deactivate')}
            confirmLabel={t('admin.users.deactivateConfirm')}
            question={t('admin.users.deactivateQuestion')}
            variant="danger"
            disabled={busy || self}
            onConfirm={() => void run(() => setActive.mutateAsync({ id, active: false }), t('admin.users.deactivated'))}
          />
        ) : (
          <Button disabled={busy} onClick={() => void run(() => setActive.mutateAsync({ id, active: true }), t('admin.users.reactivated'))}>
            {t('admin.users.reactivate')}
          </Button>
        )}
        <ConfirmButton
          label={t('admin.users.resetPassword')}
          confirmLabel={t('admin.users.resetConfirm')}
          question={t('admin.users.resetQuestion')}
          disabled={busy}
          onConfirm={() => void run(() => reset.mutateAsync({ id }), t('admin.users.resetDone'))}
        />
        {locked ? (
          <Button variant="secondary" disabled={busy} onClick={() => void run(() => unlock.mutateAsync({ id }), t('admin.users.unlocked'))}>
            {t('admin.users.unlock')}
          </Button>
        ) : null}
      </div>
      {self ? <p className="text-sm text-ink-muted">{t('admin.users.selfHint')}</p> : null}
      <FormMessage error={error} />
      {reset.data ? <TemporaryPassword login={username} password={reset.data.temporaryPassword} /> : null}
    </div>
  );
}
