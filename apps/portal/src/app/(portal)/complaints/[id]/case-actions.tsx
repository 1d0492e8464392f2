'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { useToast } from '@tobacco/ui/toast';
import { TextAreaField } from '@tobacco/ui/text-area';
import { FileInput, postWithFiles } from '../_lib/file-input';
import { confirmAction, rateAction, reopenAction } from './actions';

type Props = { id: number; version: number; actions: string[]; reopenUntil: string | null };
type Outcome = { ok: true } | { ok: false; error: { key: string; params?: MessageParams } };

const card = 'flex flex-col gap-4 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6';

function Message({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700">
      {error}
    </p>
  ) : null;
}

/** What the shop can do on its case now: answer a request for information, confirm and rate, reopen. */
export function CaseActions({ id, version, actions, reopenUntil }: Props) {
  const t = useT();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The confirmation goes to the app's status region: the refresh below removes the form that was used.
  const toast = useToast();

  const run = async (call: () => Promise<Outcome>, success: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(t(result.error.key as MessageKey, result.error.params));
      return;
    }
    toast(success);
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-4">
      {actions.includes('retailerRespond') ? <RespondForm id={id} version={version} busy={busy} run={run} /> : null}
      {actions.includes('confirm') ? <RatingForm id={id} version={version} busy={busy} run={run} mode="confirm" /> : null}
      {actions.includes('rate') ? <RatingForm id={id} version={version} busy={busy} run={run} mode="rate" /> : null}
      {actions.includes('reopen') ? <ReopenForm id={id} version={version} busy={busy} run={run} until={reopenUntil} /> : null}
      <Message error={error} />
    </div>
  );
}

type FormProps = { id: number; version: number; busy: boolean; run: (call: () => Promise<Outcome>, success: string) => Promise<void> };

function RespondForm({ id, version, busy, run }: FormProps) {
  const t = useT();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [bodyError, setBodyError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return setBodyError(t('complaints.validation.body'));
    setBodyError(undefined);
    void run(async () => {
      const result = await postWithFiles(`/complaints/${id}/respond`, { version, body }, files);
      return result.ok ? { ok: true } : result;
    }, t('complaints.portal.responded'));
  };
  return (
    <section aria-labelledby="respond-title" className={card}>
      <h2 id="respond-title" className="text-xl font-bold">
        {t('complaints.portal.respondTitle')}
      </h2>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <TextAreaField
          label={t('complaints.portal.respondLabel')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={bodyError}
          maxLength={2000}
        />
        <FileInput files={files} onChange={setFiles} disabled={busy} />
        <Button type="submit" size="lg" disabled={busy}>
          {t('complaints.portal.respondSubmit')}
        </Button>
      </form>
    </section>
  );
}

function RatingForm({ id, version, busy, run, mode }: FormProps & { mode: 'confirm' | 'rate' }) {
  const t = useT();
  const legendId = useId();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [ratingError, setRatingError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!rating) return setRatingError(t('complaints.validation.rating'));
    setRatingError(null);
    const input = { id, version, rating, comment: comment.trim() || undefined };
    void run(
      async () => {
        const result = await (mode === 'confirm' ? confirmAction(input) : rateAction(input));
        return result.ok ? { ok: true } : result;
      },
      rating <= 2 ? t('complaints.portal.lowRatingDone') : t('complaints.portal.ratedDone'),
    );
  };
  return (
    <section aria-labelledby={`${legendId}-title`} className={card}>
      <h2 id={`${legendId}-title`} className="text-xl font-bold">
        {mode === 'confirm' ? t('complaints.portal.confirmTitle') : t('complaints.portal.rateTitle')}
      </h2>
      <p>{mode === 'confirm' ? t('complaints.portal.confirmIntro') : t('complaints.portal.rateIntro')}</p>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <fieldset className="flex flex-col gap-2" aria-describedby={ratingError ? `${legendId}-error` : undefined}>
          <legend className="mb-1 font-semibold">{t('complaints.portal.ratingLegend')}</legend>
          <div className="flex flex-wrap gap-2">
            {[1, 2, 3, 4, 5].map((n) => (
              <label
                key={n}
                className="flex min-h-12 min-w-14 cursor-pointer items-center justify-center gap-1 rounded-lg border border-control px-3 text-lg font-semibold has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-700"
              >
                <input
                  type="radio"
                  name={`rating-${id}`}
                  value={n}
                  checked={rating === n}
                  onChange={() => setRating(n)}
                  className="sr-only"
                />
                {t('complaints.portal.ratingOption', { n })}
              </label>
            ))}
          </div>
          <p className="text-sm text-ink-muted">{t('complaints.portal.ratingScale')}</p>
          {ratingError ? (
            <p id={`${legendId}-error`} className="text-sm font-medium text-danger-700">
              {ratingError}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField
          label={t('complaints.portal.ratingComment')}
          rows={3}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <Button type="submit" size="lg" disabled={busy}>
          {mode === 'confirm' ? t('complaints.portal.confirmSubmit') : t('complaints.portal.rateSubmit')}
        </Button>
      </form>
    </section>
  );
}

function ReopenForm({ id, version, busy, run, until }: FormProps & { until: string | null }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  if (!open) {
    return (
      <div className="flex flex-col gap-1">
        <div>
          <Button variant="secondary" size="lg" onClick={() => setOpen(true)}>
            {t('complaints.portal.reopen')}
          </Button>
        </div>
        {until ? <p className="text-sm text-ink-muted">{t('complaints.portal.reopenUntil', { date: until })}</p> : null}
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setReasonError(t('complaints.validation.reason'));
    setReasonError(undefined);
    void run(async () => {
      const result = await reopenAction({ id, version, reason });
      return result.ok ? { ok: true } : result;
    }, t('complaints.portal.reopened'));
  };
  return (
    <section aria-labelledby="reopen-title" className={card}>
      <h2 id="reopen-title" className="text-xl font-bold">
        {t('complaints.portal.reopen')}
      </h2>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <TextAreaField
          label={t('complaints.portal.reopenReason')}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={reasonError}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" size="lg" disabled={busy}>
            {t('complaints.portal.reopenSubmit')}
          </Button>
          <Button variant="ghost" size="lg" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
