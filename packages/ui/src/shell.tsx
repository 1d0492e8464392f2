import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './lib/cn';

/** The first focusable element of every page: jumps past the navigation to <main id="main">. */
export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-lg bg-brand-800 px-4 py-3 font-semibold text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-4 focus:py-3"
    >
      {label}
    </a>
  );
}

/** The one <main> of a page; focusable so the skip link moves focus into it. */
export function Main({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <main id="main" tabIndex={-1} className={cn('flex-1', className)} {...props} />;
}

/** The one <h1> of a page, with an optional line under it. */
export function PageTitle({
  children,
  description,
  actions,
  className,
}: {
  children: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn('mb-4 flex flex-wrap items-end justify-between gap-3', className)}>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold text-ink">{children}</h1>
        {description ? <p className="text-ink-muted">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="sr-only">{children}</span>;
}
