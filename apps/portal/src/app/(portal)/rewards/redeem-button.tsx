'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { redeemAction } from './actions';

type Props = { itemId: number; itemName: string; points: number; balance: number; stock: number };

// One idempotency key per confirm step: every click of "confirm" in this step, and a retry after a lost
// response, sends the same key, so the server redeems once. A new step (after success or cancel) gets a new key.
const newKey = () => crypto.randomUUID().replaceAll('-', '');

export function RedeemButton({ itemId, itemName, points, balance, stock }: Props) {
  const t = useT();
  const router = useRouter();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const key = useRef<string>('');
  const short = points - balance;

  if (stock <= 0) return <p className="font-semibold text-ink-muted">{t('rewards.catalogue.soldOut')}</p>;
  if (short > 0 && !confirming) {
    return (
      <div className="flex flex-col gap-1">
        <Button size="lg" disabled aria-describedby={`${headingId}-short`}>
          {t('rewards.redeem.button')}
        </Button>
        <p id={`${headingId}-short`} className="text-sm text-ink-muted">
          {t('rewards.redeem.notEnough', { n: short })}
        </p>
      </div>
    );
  }

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const result = await redeemAction({ itemId, quantity: 1, idempotencyKey: key.current });
    setBusy(false);
    if (!result.ok) {
      setMessage({ kind: 'error', text: t(result.error.key, result.error.params) });
      return;
    }
    setConfirming(false);
    setMessage({ kind: 'done', text: t('rewards.redeem.done', { points: result.data.points }) });
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <div role="group" aria-labelledby={headingId} className="flex flex-col gap-2 rounded-lg border-2 border-brand-700 bg-brand-50 p-3">
          <p id={headingId} className="font-bold">
            {t('rewards.redeem.confirmTitle')}
          </p>
          <p>{t('rewards.redeem.confirmBody', { item: itemName, points, after: balance - points })}</p>
          <div className="flex gap-2">
            <Button size="lg" className="flex-1" onClick={confirm} disabled={busy} aria-busy={busy || undefined}>
              {busy ? t('rewards.redeem.redeeming') : t('rewards.redeem.confirm')}
            </Button>
            <Button
              size="lg"
              variant="secondary"
              onClick={() => {
                setConfirming(false);
                setMessage(null);
              }}
              disabled={busy}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          size="lg"
          variant="secondary"
          onClick={() => {
            key.current = newKey();
            setConfirming(true);
            setMessage(null);
          }}
        >
          {t('rewards.redeem.button')}
        </Button>
      )}
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={
            message.kind === 'error'
              ? 'rounded-lg bg-danger-50 px-3 py-2 font-medium text-danger-700'
              : 'rounded-lg bg-success-50 px-3 py-2 font-medium text-success-700'
          }
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
