'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { FormMessage } from '../../admin/_components/feedback';

type Can = { edit: boolean; submit: boolean; decide: boolean; ownPending: boolean; withdraw: boolean };

/** Submit, approve or reject (with a comment), withdraw (with a reason): only what the person may do now. */
export function PromotionActions({ id, can }: { id: number; can: Can }) {
  const t = useT();
  const trpc = useTRPC();
  const { error, run } = useAction();
  const submit = useMutation(trpc.promotions.submit.mutationOptions());
  const approve = useMutation(trpc.promotions.approve.mutationOptions());
  const reject = useMutation(trpc.promotions.reject.mutationOptions());
  const withdraw = useMutation(trpc.promotions.withdraw.mutationOptions());
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [withdrawing, setWithdrawing] = useState(false);
  const busy = submit.isPending || approve.isPending || reject.isPending || withdraw.isPending;

  if (!can.submit && !can.decide && !can.withdraw && !can.ownPending) return <FormMessage error={error} />;
  return (
    <section aria-label={t('promotions.staff.actions')} className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
      {can.ownPending ? <p className="text-warning-800">{t('promotions.staff.errors.ownPromotion')}</p> : null}
      {can.submit ? (
        <div>
          <Button disabled={busy} onClick={() => void run(() => submit.mutateAsync({ id }), t('promotions.staff.submitted'))}>
            {t('promotions.staff.submit')}
          </Button>
        </div>
      ) : null}
      {can.decide ? (
        <div className="flex flex-col gap-3">
          <TextField
            label={t('promotions.staff.comment')}
            hint={t('promotions.staff.commentHint')}
            value={comment}
            error={commentError}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="flex flex-wrap gap-3">
            <Button
              disabled={busy}
              onClick={() =>
                void run(() => approve.mutateAsync({ id, comment: comment.trim() || undefined }), t('promotions.staff.approved'))
              }
            >
              {t('promotions.staff.approve')}
            </Button>
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => {
                if (!comment.trim()) {
                  setCommentError(t('promotions.staff.validation.commentRequired'));
                  return;
                }
                setCommentError(undefined);
                void run(() => reject.mutateAsync({ id, comment }), t('promotions.staff.rejected'));
              }}
            >
              {t('promotions.staff.reject')}
            </Button>
          </div>
        </div>
      ) : null}
      {can.withdraw ? (
        withdrawing ? (
          <div className="flex flex-col gap-3">
            <TextField
              label={t('promotions.staff.withdrawReason')}
              value={reason}
              error={reasonError}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="flex flex-wrap gap-3">
              <Button
                variant="danger"
                disabled={busy}
                onClick={() => {
                  if (!reason.trim()) {
                    setReasonError(t('promotions.staff.validation.reasonRequired'));
                    return;
                  }
                  setReasonError(undefined);
                  void run(() => withdraw.mutateAsync({ id, reason }), t('promotions.staff.withdrawn'));
                }}
              >
                {t('promotions.staff.confirmWithdraw')}
              </Button>
              <Button variant="ghost" onClick={() => setWithdrawing(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </div>
        ) : (
          <div>
            <Button variant="secondary" onClick={() => setWithdrawing(true)}>
              {t('promotions.staff.withdraw')}
            </Button>
          </div>
        )
      ) : null}
      <FormMessage error={error} />
    </section>
  );
}
