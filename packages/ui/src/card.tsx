import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './lib/cn';

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={cn('rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6', className)} {...props} />;
}

/** A term and its value, for detail cards (rendered inside a <dl>). */
export function DetailItem({ term, children, className }: { term: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={cn('flex flex-col gap-0.5', className)}>
      <dt className="text-sm text-ink-subtle">{term}</dt>
      <dd className="font-semibold text-ink">{children}</dd>
    </div>
  );
}
