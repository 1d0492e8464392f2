'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '@tobacco/i18n/format';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { FormMessage } from '../../admin/_components/feedback';

type Can = { edit: boolean; submit: boolean; decide: boolean; ownPending: boolean };

/** Submit (marketing), approve with the scheduled or an immediate publish, or reject with a comment (a manager other than the author). */
export function PolicyActions({ policyId, can, scheduledPublishAt }: { policyId: number; can: Can; scheduledPublishAt: Date }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { error, run } = useAction();
  const submit = useMutation(trpc.allocation.submit.mutationOptions());
  const approve = useMutation(trpc.allocation.approve.mutationOptions());
  const reject = useMutation(trpc.allocation.reject.mutationOptions());
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string>();
  const [publishNow, setPublishNow] = useState(false);
  const busy = submit.isPending || approve.isPending || reject.isPending;

  if (!can.submit && !can.decide && !can.ownPending) return null;
  return (
    <section aria-label={t('allocation.staff.actions')} className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
      {can.ownPending ? <p className="text-warning-800">{t('allocation.staff.errors.ownPolicy')}</p> : null}
      {can.submit ? (
        <div>
          <Button
            disabled={busy}
            onClick={() =>
              void run(
                () => submit.mutateAsync({ policyId }),
                () => t('allocation.staff.submitted'),
              )
            }
          >
            {t('allocation.staff.submit')}
          </Button>
        </div>
      ) : null}
      {can.decide ? (
        <>
          <TextField
            label={t('allocation.staff.comment')}
            hint={t('allocation.staff.commentHint')}
            value={comment}
            error={commentError}
            onChange={(e) => setComment(e.target.value)}
          />
          <fieldset className="flex flex-col gap-1">
            <legend className="font-semibold">{t('allocation.staff.publishWhen')}</legend>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="publish-when" className="size-5" checked={!publishNow} onChange={() => setPublishNow(false)} />
              {t('allocation.staff.publishScheduled', { at: formatDateTime(scheduledPublishAt, locale) })}
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="publish-when" className="size-5" checked={publishNow} onChange={() => setPublishNow(true)} />
              {t('allocation.staff.publishNow')}
            </label>
          </fieldset>
          <div className="flex flex-wrap gap-3">
            <Button
              disabled={busy}
              onClick={() =>
                void run(
                  () => approve.mutateAsync({ policyId, publishNow, comment: comment.trim() || undefined }),
                  (result) => t('allocation.staff.approved', { at: formatDateTime((result as { publishAt: Date }).publishAt, locale) }),
                )
              }
            >
              {t('allocation.staff.approve')}
            </Button>
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => {
                if (!comment.trim()) {
                  setCommentError(t('allocation.staff.validation.commentRequired'));
                  return;
                }
                setCommentError(undefined);
                void run(
                  () => reject.mutateAsync({ policyId, comment }),
                  () => t('allocation.staff.rejected'),
                );
              }}
            >
              {t('allocation.staff.reject')}
            </Button>
          </div>
        </>
      ) : null}
      <FormMessage error={error} />
    </section>
  );
}
