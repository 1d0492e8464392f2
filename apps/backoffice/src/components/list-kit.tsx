import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from '@tobacco/ui/button';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Pagination } from '@tobacco/ui/pagination';

// The parts every back-office list page shares: a filter bar that submits to the address (so a filtered list
// can be shared and paged), server-side pagination links, and export links for the same filter. Server
// components: the list itself is rendered on the server from a procedure's page.

// Whole class names, so that Tailwind finds them: how the filter fields sit on wide screens.
const GRID = {
  2: { form: 'sm:grid-cols-2', actions: 'sm:col-span-2' },
  3: { form: 'sm:grid-cols-3', actions: 'sm:col-span-3' },
  'wide-3': { form: 'sm:grid-cols-2 xl:grid-cols-3', actions: 'sm:col-span-2 xl:col-span-3' },
  'wide-5': { form: 'sm:grid-cols-2 xl:grid-cols-5', actions: 'sm:col-span-2 xl:col-span-5' },
} as const;

/** A GET form of filter fields with Search and Reset (back to `resetHref`, the unfiltered list), and `actions` such as exports. */
export async function FilterBar({
  label,
  resetHref,
  columns = 'wide-3',
  actions,
  children,
}: {
  label?: string;
  resetHref: string;
  columns?: keyof typeof GRID;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = await getI18n();
  return (
    <form
      method="get"
      role="search"
      aria-label={label ?? t('admin.filters')}
      className={`grid gap-4 rounded-xl border border-line bg-surface p-4 ${GRID[columns].form}`}
    >
      {children}
      <div className={`flex flex-wrap gap-3 ${GRID[columns].actions}`}>
        <button type="submit" className={buttonClass('primary')}>
          {t('common.search')}
        </button>
        <Link href={resetHref} className={buttonClass('secondary')}>
          {t('common.reset')}
        </Link>
        {actions}
      </div>
    </form>
  );
}

/** Previous / next and "page x of y, n in all", for a list the server pages (the total shows on one page too). */
export async function ListPagination({
  page,
  pages,
  total,
  hrefFor,
}: {
  page: number;
  pages: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = await getI18n();
  return (
    <Pagination
      page={page}
      pages={pages}
      hrefFor={hrefFor}
      labels={{
        nav: t('common.pagination'),
        previous: t('common.previous'),
        next: t('common.next'),
        status: t('common.pageOf', { page, pages, total }),
      }}
    />
  );
}

/** Download links of the filtered list, one per format (the export route applies the same filter and scope). */
export async function ExportLinks({
  hrefFor,
  formats = ['csv', 'xlsx'],
}: {
  hrefFor: (format: 'csv' | 'xlsx') => string;
  formats?: ('csv' | 'xlsx')[];
}) {
  const { t } = await getI18n();
  return formats.map((format) => (
    <a key={format} href={hrefFor(format)} className={buttonClass('ghost')} download>
      {t(format === 'csv' ? 'admin.export.csv' : 'admin.export.xlsx')}
    </a>
  ));
}
