import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from './lib/cn';

/**
 * A data table with its caption, inside a region that scrolls sideways on narrow screens. The region is
 * focusable and named, so keyboard users can scroll it too.
 */
export function DataTable({
  caption,
  scrollLabel,
  captionHidden = false,
  className,
  children,
  ...rest
}: {
  caption: ReactNode;
  scrollLabel: string;
  captionHidden?: boolean;
  className?: string;
  children: ReactNode;
} & HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      role="region"
      aria-label={scrollLabel}
      tabIndex={0}
      className={cn('overflow-x-auto rounded-xl border border-line bg-surface', className)}
      {...rest}
    >
      <table className="w-full border-collapse text-left">
        <caption className={cn('px-4 py-3 text-left font-semibold text-ink', captionHidden && 'sr-only')}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, scope = 'col', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope={scope}
      className={cn('border-b border-line bg-canvas px-3 py-2 text-sm font-semibold whitespace-nowrap text-ink', className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('border-b border-line px-3 py-2 align-top text-ink', className)} {...props} />;
}
