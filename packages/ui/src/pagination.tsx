import Link from 'next/link';
import { buttonClass } from './button';

type Labels = { nav: string; previous: string; next: string; status: string };

/**
 * Previous / next links with "page x of y"; links, so a page can be opened in a new tab or shared. They do
 * not prefetch: another page of a list is a database query, made when someone asks for it (and on a phone,
 * data the shop pays for).
 */
export function Pagination({
  page,
  pages,
  hrefFor,
  labels,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: Labels;
}) {
  const link = (target: number, text: string, rel: 'prev' | 'next') =>
    target >= 1 && target <= pages ? (
      <Link href={hrefFor(target)} rel={rel} scroll={false} prefetch={false} className={buttonClass('secondary', 'md')}>
        {text}
      </Link>
    ) : (
      <span aria-disabled="true" className={buttonClass('secondary', 'md', 'border-line text-ink-subtle')}>
        {text}
      </span>
    );
  return (
    <nav aria-label={labels.nav} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-ink-muted" aria-live="polite">
        {labels.status}
      </p>
      <div className="flex gap-2">
        {link(page - 1, labels.previous, 'prev')}
        {link(page + 1, labels.next, 'next')}
      </div>
    </nav>
  );
}
