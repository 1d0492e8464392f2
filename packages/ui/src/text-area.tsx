'use client';

import { useId, useState, type ClipboardEvent, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import { useT } from './i18n';
import { cn } from './lib/cn';

/**
 * A labelled multi-line field with its hint and error linked by aria-describedby, like TextField. Pass
 * react-hook-form's register() spread, or value/onChange. With `maxLength` it states the limit and counts
 * the characters typed, and says so when pasted text was cut at the limit (the browser cuts it silently).
 */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  id: givenId,
  rows = 4,
  ref,
  maxLength,
  onChange,
  onPaste,
  ...textarea
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  ref?: Ref<HTMLTextAreaElement>;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const t = useT();
  const autoId = useId();
  const id = givenId ?? autoId;
  const initial = String(textarea.value ?? textarea.defaultValue ?? '').length;
  const [typed, setTyped] = useState(initial);
  const [cut, setCut] = useState(0);
  const count = textarea.value !== undefined ? String(textarea.value).length : typed;
  const limited = maxLength !== undefined;
  const described =
    [hint ? `${id}-hint` : '', limited ? `${id}-limit` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  const paste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    onPaste?.(event);
    if (!limited) return;
    const field = event.currentTarget;
    const room = maxLength - (field.value.length - (field.selectionEnd - field.selectionStart));
    const pasted = event.clipboardData.getData('text').length;
    setCut(Math.max(0, pasted - room));
  };

  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="font-semibold text-ink">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-subtle">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        ref={ref}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className="block w-full rounded-lg border border-control bg-surface px-3 py-2 text-base text-ink placeholder:text-ink-subtle aria-invalid:border-2 aria-invalid:border-danger-700"
        onChange={(event) => {
          setTyped(event.target.value.length);
          if (event.target.value.length < (maxLength ?? Infinity)) setCut(0);
          onChange?.(event);
        }}
        onPaste={paste}
        {...textarea}
      />
      {limited ? (
        <p
          id={`${id}-limit`}
          data-testid="char-count"
          className={cn(
            'flex flex-wrap justify-between gap-x-3 text-sm',
            count >= maxLength ? 'font-semibold text-warning-800' : 'text-ink-subtle',
          )}
        >
          <span>{t('common.charLimit', { max: maxLength })}</span>
          <span>{t('common.charCount', { n: count, max: maxLength })}</span>
        </p>
      ) : null}
      {/* Announced once, when it happens: the counter itself is not read out on every keystroke. */}
      <p role="status" data-testid="paste-cut" className={cut > 0 ? 'text-sm font-semibold text-warning-800' : 'sr-only'}>
        {cut > 0 ? t('common.pasteCut', { max: maxLength ?? 0, cut }) : ''}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
