'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import type { TAnswers, TSurveyDefinition } from '@tobacco/api/surveys/surveys.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { Button } from '@tobacco/ui/button';
import { SurveyForm } from '@tobacco/ui/survey-form';
import type { ActionResult } from '@/lib/action-result';
import { saveSurveyDraftAction, submitSurveyAction } from '../actions';

const AUTOSAVE_MS = 1200;
/** After a failed save, the draft is tried again this long after (and at once when the device is back online). */
const RETRY_MS = 10_000;
const RETRY_EVENT = 'survey-draft-retry';

/**
 * A server action that cannot reach the server rejects instead of answering; that must not replace the
 * page (and the answers on it) with the error page, so it becomes an answer like any other failure.
 */
async function reach<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: { key: 'errors.network' } };
  }
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

/**
 * The survey with autosave: every change is saved as the shop's draft a moment after the last keystroke
 * (and at once when the page is hidden), so it can be finished later or on another device.
 */
export function AnswerForm({
  surveyId,
  definition,
  initialAnswers,
  savedAt,
}: {
  surveyId: number;
  definition: TSurveyDefinition;
  initialAnswers: TAnswers;
  savedAt: Date | null;
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [answers, setAnswers] = useState<TAnswers>(initialAnswers);
  const [save, setSave] = useState<SaveState>(savedAt ? { kind: 'saved', at: savedAt } : { kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();
  const pending = useRef<TAnswers | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const submitted = useRef(false);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const draft = pending.current;
    if (!draft || submitted.current) return;
    pending.current = null;
    setSave({ kind: 'saving' });
    const result = await reach(() => saveSurveyDraftAction({ surveyId, answers: draft }));
    if (submitted.current) return;
    if (result.ok) {
      setSave({ kind: 'saved', at: result.data.savedAt });
      return;
    }
    // Not saved: keep the draft for the next attempt (unless newer answers already wait) and try again later.
    pending.current ??= draft;
    setSave({ kind: 'error', message: t(result.error.key, result.error.params) });
    timer.current = setTimeout(() => window.dispatchEvent(new Event(RETRY_EVENT)), RETRY_MS);
  }, [surveyId, t]);

  useEffect(() => {
    const retry = () => void flush();
    window.addEventListener('online', retry);
    window.addEventListener(RETRY_EVENT, retry);
    return () => {
      window.removeEventListener('online', retry);
      window.removeEventListener(RETRY_EVENT, retry);
    };
  }, [flush]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  const onChange = (next: TAnswers) => {
    setAnswers(next);
    pending.current = next;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };

  const onSubmit = (clean: TAnswers) => {
    setError(null);
    startSubmit(async () => {
      if (timer.current) clearTimeout(timer.current);
      pending.current = null;
      submitted.current = true;
      const result = await reach(() => submitSurveyAction({ surveyId, answers: clean }));
      if (result.ok) {
        router.refresh();
      } else {
        submitted.current = false;
        setError(t(result.error.key, result.error.params));
      }
    });
  };

  const status =
    save.kind === 'saving'
      ? t('surveys.portal.saving')
      : save.kind === 'saved'
        ? t('surveys.portal.saved', { time: formatDateTime(save.at, locale) })
        : save.kind === 'error'
          ? t('surveys.portal.saveFailed', { message: save.message })
          : '';

  return (
    <SurveyForm
      definition={definition}
      answers={answers}
      onChange={onChange}
      onSubmit={onSubmit}
      submitting={submitting}
      footer={
        <div className="flex flex-col gap-2">
          <p
            role="status"
            data-testid="autosave-status"
            className={save.kind === 'error' ? 'font-medium text-danger-700' : 'text-ink-muted'}
          >
            {status}
          </p>
          {save.kind === 'error' ? (
            <Button
              type="button"
              variant="secondary"
              className="self-start"
              onClick={() => {
                pending.current ??= answers;
                void flush();
              }}
            >
              {t('surveys.portal.saveAgain')}
            </Button>
          ) : null}
          {error ? (
            <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 p-3 font-medium text-danger-700">
              {error}
            </p>
          ) : null}
        </div>
      }
    />
  );
}
