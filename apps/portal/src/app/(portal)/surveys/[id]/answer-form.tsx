'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import type { TAnswers, TSurveyDefinition } from '@tobacco/api/surveys/surveys.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { SurveyForm } from '@tobacco/ui/survey-form';
import { saveSurveyDraftAction, submitSurveyAction } from '../actions';

const AUTOSAVE_MS = 1200;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

/**
 * The survey with autosave: every change is saved as the shop's draft a moment after the last keystroke
 * (and at once when the page is hidden), so it can be finished later or on another device.
 */
export function AnswerForm({ surveyId, definition, initialAnswers, savedAt }: { surveyId: number; definition: TSurveyDefinition; initialAnswers: TAnswers; savedAt: Date | null }) {
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
    const result = await saveSurveyDraftAction({ surveyId, answers: draft });
    if (submitted.current) return;
    setSave(result.ok ? { kind: 'saved', at: result.data.savedAt } : { kind: 'error', message: t(result.error.key, result.error.params) });
  }, [surveyId, t]);

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
      const result = await submitSurveyAction({ surveyId, answers: clean });
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
          <p role="status" data-testid="autosave-status" className={save.kind === 'error' ? 'font-medium text-danger-700' : 'text-ink-muted'}>
            {status}
          </p>
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
