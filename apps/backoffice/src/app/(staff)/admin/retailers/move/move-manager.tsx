'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@tobacco/ui/button';
import { SelectField, type Option } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, FormMessage } from '../../_components/feedback';
import { AssignPreviewView } from '../assign-preview';

/** All of a leaving manager's shops to another manager, in one action, previewed first. */
export function MoveManager({ managers }: { managers: Option[] }) {
  const t = useT();
  const trpc = useTRPC();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ready = from !== '' && to !== '' && from !== to;
  const preview = useQuery({
    ...trpc.admin.retailers.previewMove.queryOptions({ fromManagerId: Number(from), toManagerId: Number(to) }),
    enabled: asked && ready,
  });
  const move = useMutation(trpc.admin.retailers.move.mutationOptions());
  const change = (setter: (v: string) => void) => (e: { target: { value: string } }) => {
    setter(e.target.value);
    setAsked(false);
    setDone(null);
    setError(null);
  };
  return (
    <div className="flex max-w-4xl flex-col gap-4 rounded-xl border border-line bg-surface p-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('admin.move.from')}
          placeholder={t('admin.choose')}
          value={from}
          onChange={change(setFrom)}
          options={managers}
        />
        <SelectField
          label={t('admin.move.to')}
          placeholder={t('admin.choose')}
          value={to}
          onChange={change(setTo)}
          options={managers.filter((m) => String(m.value) !== from)}
          error={from !== '' && from === to ? t('admin.assign.error.sameManager') : undefined}
        />
      </div>
      <div>
        <Button variant="secondary" disabled={!ready} onClick={() => setAsked(true)}>
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
              disabled={move.isPending || preview.data.count === 0}
              onClick={async () => {
                setError(null);
                try {
                  const result = await move.mutateAsync({
                    fromManagerId: Number(from),
                    toManagerId: Number(to),
                    expectedCount: preview.data.count,
                  });
                  setDone(t('admin.assign.done', { count: result.count }));
                  setAsked(false);
                } catch (e) {
                  setError(errorText(t, e));
                  void preview.refetch();
                }
              }}
            >
              {t('admin.move.confirm', { count: preview.data.count })}
            </Button>
          </div>
        </>
      ) : null}
      <FormMessage error={error} success={done} />
    </div>
  );
}
