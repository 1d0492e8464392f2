import { useId, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import { cn } from './lib/cn';

/**
 * A labelled multi-line field with its hint and error linked by aria-describedby, like TextField. Pass
 * react-hook-form's register() spread, or value/onChange.
 */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  id: givenId,
  rows = 4,
  ref,
  ...textarea
}: { label: ReactNode; hint?: ReactNode; error?: string; className?: string; ref?: Ref<HTMLTextAreaElement> } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
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
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className="block w-full rounded-lg border border-control bg-surface px-3 py-2 text-base text-ink placeholder:text-ink-subtle aria-invalid:border-2 aria-invalid:border-danger-700"
        {...textarea}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
