import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { cn } from './lib/cn';

type FieldChrome = {
  label: ReactNode;
  /** Shown under the label and read out with the control. */
  hint?: ReactNode;
  /** A translated message; when set the control is marked invalid and the message is read out with it. */
  error?: string;
  className?: string;
};

const CONTROL =
  'block w-full min-h-12 rounded-lg border border-control bg-surface px-3 text-base text-ink placeholder:text-ink-subtle ' +
  'aria-invalid:border-danger-700 aria-invalid:border-2';

function describedBy(...ids: (string | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function Chrome({ id, label, hint, error, className, children }: FieldChrome & { id: string; children: ReactNode }) {
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
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and error linked by aria-describedby. Pass react-hook-form's register() spread. */
export function TextField({
  label,
  hint,
  error,
  className,
  id: givenId,
  ref,
  ...input
}: FieldChrome & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Chrome id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        className={CONTROL}
        {...input}
      />
    </Chrome>
  );
}

export type Option = { value: string | number; label: string };

/** A labelled select; `options` come after an optional first "all" choice. */
export function SelectField({
  label,
  hint,
  error,
  className,
  id: givenId,
  options,
  placeholder,
  ref,
  ...select
}: FieldChrome & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[]; placeholder?: string; ref?: Ref<HTMLSelectElement> }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Chrome id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        className={cn(CONTROL, 'pr-8')}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Chrome>
  );
}
