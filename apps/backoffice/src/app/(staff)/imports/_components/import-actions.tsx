'use client';

import { useMutation } from '@tanstack/react-query';
import { formatNumber } from '@tobacco/i18n/format';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { ConfirmButton, FormMessage } from '../../admin/_components/feedback';

/**
 * What can be done with a checked (or rejected) import: write it, all of it when every row is valid or,
 * for the kinds that allow it, only the valid rows by an explicit choice; or discard it. Each asks once
 * more; the confirmation stays in the app's status region until it is closed.
 */
export function ImportActions({
  id,
  status,
  validRows,
  invalidRows,
  partial,
}: {
  id: number;
  status: 'CHECKED' | 'REJECTED';
  validRows: number;
  invalidRows: number;
  partial: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { error, run } = useAction();
  const confirm = useMutation(trpc.imports.confirm.mutationOptions());
  const discard = useMutation(trpc.imports.discard.mutationOptions());
  const busy = confirm.isPending || discard.isPending;
  const count = formatNumber(validRows, locale);
  const apply = (validOnly: boolean) => void run(() => confirm.mutateAsync({ id, validOnly }), t('imports.requested'));

  let write = null;
  if (status === 'CHECKED' && validRows > 0 && invalidRows === 0) {
    write = (
      <ConfirmButton
        variant="primary"
        label={t('imports.apply')}
        confirmLabel={t('imports.apply')}
        question={t('imports.applyConfirm', { count })}
        disabled={busy}
        onConfirm={() => apply(false)}
      />
    );
  } else if (status === 'CHECKED' && partial && validRows > 0) {
    write = (
      <ConfirmButton
        variant="primary"
        label={t('imports.applyValid', { count })}
        confirmLabel={t('imports.applyValid', { count })}
        question={t('imports.applyValidConfirm', { invalid: formatNumber(invalidRows, locale), count })}
        disabled={busy}
        onConfirm={() => apply(true)}
      />
    );
  }

  return (
    <div className="flex flex-col gap-3" data-testid="import-actions">
      {status === 'CHECKED' && invalidRows > 0 ? (
        <p className="rounded-lg border border-warning-800/30 bg-warning-50 px-4 py-3 text-warning-800">
          {write ? t('imports.partialHint') : t('imports.allOrNothing')}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        {write}
        <ConfirmButton
          variant="danger"
          label={t('imports.discard')}
          confirmLabel={t('imports.discard')}
          question={t('imports.discardConfirm')}
          disabled={busy}
          onConfirm={() => void run(() => discard.mutateAsync({ id }), t('imports.discarded'))}
        />
      </div>
      <FormMessage error={error} />
    </div>
  );
}
