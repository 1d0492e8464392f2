'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import type { TRetailerFilter } from '@tobacco/api/admin/retailer-accounts.schema';
import { Button } from '@tobacco/ui/button';
import { SelectField, type Option } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, FormMessage } from '../_components/feedback';
import { AssignPreviewView } from './assign-preview';

/** Assigns every shop of the current filter to one manager: previewed, then saved only if nothing changed meanwhile. */
export function BulkAssign({ filter, total, managers }: { filter: TRetailerFilter; total: number; managers: Option[] }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<string>('');
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const accountManagerId = target === '' ? null : target === 'none' ? null : Number(target);
  const preview = useQuery({
    ...trpc.admin.retailers.previewBulkAssign.queryOptions({ filter, accountManagerId }),
    enabled: asked && target !== '',
  });
  const assign = useMutation(trpc.admin.retailers.bulkAssign.mutationOptions());

  if (!open) {
    return (
      <div>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('admin.assign.bulkOpen', { count: total })}
        </Button>
      </div>
    );
  }
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
      <h2 id={headingId} className="text-lg font-bold">
        {t('admin.assign.bulkTitle')}
      </h2>
      <p className="text-ink-muted">{t('admin.assign.bulkHint', { count: total })}</p>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          className="min-w-64"
          label={t('admin.assign.target')}
          placeholder={t('admin.choose')}
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setAsked(false);
            setDone(null);
          }}
          options={[{ value: 'none', label: t('admin.assign.unassign') }, ...managers]}
        />
        <Button variant="secondary" disabled={target === ''} onClick={() => setAsked(true)}>
          {t('admin.assign.preview')}
        </Button>
      </div>
      {asked && preview.isFetching ? <p role="status">{t('common.loading')}</p> : null}
      {preview.isError ? <FormMessage error={errorText(t, preview.error)} /> : null}
      {asked && preview.data ? (
        <>
          <AssignPreviewView preview={preview.data} />
          <div>
            <Button
              disabled={assign.isPending || preview.data.count === 0}
              onClick={async () => {
                setError(null);
                try {
                  const result = await assign.mutateAsync({ filter, accountManagerId, expectedCount: preview.data.count });
                  setDone(t('admin.assign.done', { count: result.count }));
                  setAsked(false);
                  router.refresh();
                } catch (e) {
                  setError(errorText(t, e));
                  void preview.refetch();
                }
              }}
            >
              {t('admin.assign.confirm', { count: preview.data.count })}
            </Button>
          </div>
        </>
      ) : null}
      <FormMessage error={error} success={done} />
    </section>
  );
}
