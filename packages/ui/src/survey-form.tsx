'use client';

import { useId, useMemo, useState, type ReactNode } from 'react';
import { flattenQuestions, scaleOf, validateAnswers, visibleAnswers, type AnswerIssue } from '@tobacco/api/surveys/surveys.rules';
import type { TAnswers, TAnswerValue, TQuestion, TSurveyDefinition } from '@tobacco/api/surveys/surveys.schema';
import { Button } from './button';
import { useT } from './i18n';
import { cn } from './lib/cn';
import { TextAreaField } from './text-area';

// The survey as a retailer answers it: the portal, the builder's preview and the agents' phone entry all
// render this one component, so a preview is exactly what a shop sees. The rules (which questions show,
// what is required) are surveys.rules.ts, the same functions the server checks a submission with.

export type SurveyFormProps = {
  definition: TSurveyDefinition;
  answers: TAnswers;
  onChange: (answers: TAnswers) => void;
  /** Called with the answers that count once the client-side check passes; absent in a preview. */
  onSubmit?: (answers: TAnswers) => void;
  submitting?: boolean;
  disabled?: boolean;
  /** Shown above the submit button, e.g. the autosave status or a channel choice. */
  footer?: ReactNode;
  submitLabel?: string;
};

const PILL =
  'flex min-h-12 min-w-12 cursor-pointer items-center justify-center rounded-lg border border-control bg-surface px-3 text-lg font-semibold text-ink ' +
  'peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700 ' +
  'peer-disabled:cursor-not-allowed';

function isAnswered(value: TAnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export function SurveyForm({ definition, answers, onChange, onSubmit, submitting, disabled, footer, submitLabel }: SurveyFormProps) {
  const t = useT();
  const [issues, setIssues] = useState<AnswerIssue[]>([]);
  const { visible } = useMemo(() => visibleAnswers(definition, answers), [definition, answers]);
  const all = useMemo(() => flattenQuestions(definition), [definition]);
  const shown = all.filter((q) => visible.has(q.key));
  const answered = shown.filter((q) => isAnswered(answers[q.key])).length;
  const issueOf = new Map(issues.map((i) => [i.questionKey, i.code]));

  const set = (key: string, value: TAnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
    if (issueOf.has(key)) setIssues((list) => list.filter((i) => i.questionKey !== key));
  };

  const submit = () => {
    const result = validateAnswers(definition, answers);
    setIssues(result.issues);
    if (result.issues.length > 0) {
      requestAnimationFrame(() => document.getElementById('survey-errors')?.focus());
      return;
    }
    onSubmit?.(result.answers);
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      className="flex flex-col gap-6"
    >
      <p className="text-ink-muted" aria-live="polite">
        {t('surveys.form.progress', { answered, total: shown.length })}
      </p>
      {issues.length > 0 ? (
        <div id="survey-errors" tabIndex={-1} role="alert" className="rounded-xl border-2 border-danger-700 bg-danger-50 p-4">
          <p className="text-lg font-semibold text-danger-700">{t('surveys.form.errorsTitle', { count: issues.length })}</p>
          <ul className="mt-2 list-disc pl-6">
            {issues.map((issue) => (
              <li key={issue.questionKey}>
                <a href={`#q-${issue.questionKey}`} className="text-danger-700 underline">
                  {all.find((q) => q.key === issue.questionKey)?.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {definition.sections.map((section, s) => {
        const questions = section.questions.filter((q) => visible.has(q.key));
        if (questions.length === 0) return null;
        return (
          <section
            key={section.key}
            aria-labelledby={`sec-${section.key}`}
            className="flex flex-col gap-5 rounded-xl border border-line bg-surface p-4 sm:p-6"
          >
            <h2 id={`sec-${section.key}`} className="text-xl font-bold text-brand-800">
              {t('surveys.form.section', { n: s + 1, title: section.title })}
            </h2>
            {questions.map((question) => {
              return (
                <Question
                  key={question.key}
                  number={shown.findIndex((x) => x.key === question.key) + 1}
                  question={question}
                  value={answers[question.key]}
                  issue={issueOf.get(question.key)}
                  disabled={disabled}
                  onChange={(value) => set(question.key, value)}
                />
              );
            })}
          </section>
        );
      })}

      {footer}
      {onSubmit ? (
        <Button type="submit" size="lg" disabled={disabled || submitting} className="w-full sm:w-auto sm:self-start">
          {submitting ? t('surveys.form.submitting') : (submitLabel ?? t('surveys.form.submit'))}
        </Button>
      ) : null}
    </form>
  );
}

function Question({
  number,
  question,
  value,
  issue,
  disabled,
  onChange,
}: {
  number: number;
  question: TQuestion;
  value: TAnswerValue | undefined;
  issue?: AnswerIssue['code'];
  disabled?: boolean;
  onChange: (value: TAnswerValue | undefined) => void;
}) {
  const t = useT();
  const id = useId();
  const errorId = `${id}-error`;
  const issueText = issue ? t(issue === 'required' ? 'surveys.form.issue.required' : 'surveys.form.issue.invalid') : undefined;
  const error = issueText ? (
    <p id={errorId} className="font-medium text-danger-700">
      {issueText}
    </p>
  ) : null;
  const title = (
    <>
      <span className="mr-1 text-ink-muted">{number}.</span>
      {question.label}
      {question.required ? (
        <span className="ml-1 text-danger-700" aria-hidden="true">
          *
        </span>
      ) : null}
      {question.required ? <span className="sr-only">{t('surveys.form.requiredMark')}</span> : null}
    </>
  );
  const boxClass = cn('flex flex-col gap-3 scroll-mt-24', issue && 'rounded-lg border-2 border-danger-700 p-3');

  if (question.type === 'TEXT') {
    const text = typeof value === 'string' ? value : '';
    return (
      <div id={`q-${question.key}`} className={boxClass}>
        <TextAreaField
          id={`${id}-text`}
          label={<span className="text-lg">{title}</span>}
          rows={3}
          maxLength={2000}
          value={text}
          disabled={disabled}
          placeholder={question.required ? undefined : t('surveys.form.textPlaceholder')}
          error={issueText}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
      </div>
    );
  }

  return (
    <fieldset
      id={`q-${question.key}`}
      className={boxClass}
      aria-describedby={issue ? errorId : undefined}
      aria-invalid={issue ? true : undefined}
    >
      <legend className="mb-1 text-lg font-semibold text-ink">{title}</legend>
      {question.type === 'RATING' || question.type === 'NPS' ? (
        <Scale
          name={`${id}-scale`}
          question={question}
          value={typeof value === 'number' ? value : undefined}
          disabled={disabled}
          onChange={onChange}
        />
      ) : null}
      {question.type === 'MATRIX'
        ? (question.rows ?? []).map((row) => {
            const current = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, number>) : {};
            return (
              <fieldset key={row.key} className="flex flex-col gap-2 border-t border-line pt-3">
                <legend className="font-semibold text-ink">{row.label}</legend>
                <Scale
                  name={`${id}-${row.key}`}
                  question={question}
                  value={current[row.key]}
                  disabled={disabled}
                  onChange={(v) => onChange({ ...current, [row.key]: v as number })}
                />
              </fieldset>
            );
          })
        : null}
      {question.type === 'SINGLE_CHOICE' || question.type === 'MULTI_CHOICE' ? (
        <div className="flex flex-col gap-2">
          {(question.options ?? []).map((option) => {
            const multi = question.type === 'MULTI_CHOICE';
            const chosen = multi ? Array.isArray(value) && value.includes(option.value) : value === option.value;
            return (
              <label
                key={option.value}
                className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-control bg-surface px-3 text-lg has-checked:border-brand-700 has-checked:bg-brand-50"
              >
                <input
                  type={multi ? 'checkbox' : 'radio'}
                  name={`${id}-choice`}
                  value={option.value}
                  checked={chosen}
                  disabled={disabled}
                  className="size-5 accent-brand-700"
                  onChange={(event) => {
                    if (!multi) return onChange(option.value);
                    const list = Array.isArray(value) ? value.filter((v) => v !== option.value) : [];
                    const next = event.target.checked ? [...list, option.value] : list;
                    onChange(next.length ? next : undefined);
                  }}
                />
                <span>{option.label}</span>
              </label>
            );
          })}
        </div>
      ) : null}
      {error}
    </fieldset>
  );
}

function Scale({
  name,
  question,
  value,
  disabled,
  onChange,
}: {
  name: string;
  question: TQuestion;
  value: number | undefined;
  disabled?: boolean;
  onChange: (value: number) => void;
}) {
  const t = useT();
  const scale = scaleOf(question) ?? { min: 1, max: 5 };
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const nps = question.type === 'NPS';
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        {points.map((point) => (
          <label key={point} className="relative">
            <input
              type="radio"
              name={name}
              value={point}
              checked={value === point}
              disabled={disabled}
              onChange={() => onChange(point)}
              className="peer sr-only"
            />
            <span className={PILL} aria-hidden="true">
              {point}
            </span>
            <span className="sr-only">{t('surveys.form.ratingValue', { value: point })}</span>
          </label>
        ))}
      </div>
      <p className="flex justify-between gap-3 text-sm text-ink-muted">
        <span>
          {scale.min} = {t(nps ? 'surveys.form.npsLow' : 'surveys.form.scaleLow')}
        </span>
        <span>
          {scale.max} = {t(nps ? 'surveys.form.npsHigh' : 'surveys.form.scaleHigh')}
        </span>
      </p>
    </div>
  );
}
