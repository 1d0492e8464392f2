'use client';

import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { Pagination } from '@tobacco/ui/pagination';

type Paging = { page: number; pages: number; total: number };

/**
 * `ListPagination` for client components: links when the page is in the address (`hrefFor`), buttons when
 * it is kept in the component's state (`onPage`).
 */
export function ClientListPagination(
  props: Paging & ({ hrefFor: (page: number) => string; onPage?: never } | { onPage: (page: number) => void; hrefFor?: never }),
) {
  const t = useT();
  const { page, pages, total } = props;
  const labels = {
    nav: t('common.pagination'),
    previous: t('common.previous'),
    next: t('common.next'),
    status: t('common.pageOf', { page, pages, total }),
  };
  if (props.hrefFor) return <Pagination page={page} pages={pages} hrefFor={props.hrefFor} labels={labels} />;
  const { onPage } = props;
  return (
    <nav aria-label={labels.nav} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-ink-muted" aria-live="polite">
        {labels.status}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {labels.previous}
        </Button>
        <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {labels.next}
        </Button>
      </div>
    </nav>
  );
}
