import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './lib/cn';

function Panel({ className, children, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cn('flex flex-col items-center gap-3 rounded-xl border border-line bg-surface px-6 py-10 text-center', className)}
      {...rest}
    >
      {children}
    </div>
  );
}

/** Announced politely to screen readers; shown while data loads. */
export function LoadingState({ label, className }: { label: string; className?: string }) {
  return (
    <Panel className={className} role="status" aria-live="polite" aria-busy>
      <span
        aria-hidden="true"
        className="size-8 animate-spin rounded-full border-4 border-brand-100 border-t-brand-700 motion-reduce:animate-none"
      />
      <p className="text-ink-muted">{label}</p>
    </Panel>
  );
}

export function EmptyState({ title, body, action, className }: { title: string; body?: string; action?: ReactNode; className?: string }) {
  return (
    <Panel className={className}>
      <p className="text-lg font-semibold text-ink">{title}</p>
      {body ? <p className="text-ink-muted">{body}</p> : null}
      {action}
    </Panel>
  );
}

/** An error with its translated message, announced at once; `action` is usually a retry button or link. */
export function ErrorState({
  title,
  message,
  action,
  className,
}: {
  title: string;
  message: string;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <Panel className={cn('border-danger-200 bg-danger-50', className)} role="alert">
      <p className="text-lg font-semibold text-danger-700">{title}</p>
      <p className="text-ink">{message}</p>
      {action}
    </Panel>
  );
}
