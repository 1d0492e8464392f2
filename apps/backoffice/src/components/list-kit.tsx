import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass, type ButtonVariant } from '@tobacco/ui/button';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Pagination } from '@tobacco/ui/pagination';

// The parts every back-office list page shares: a filter bar that submits to the address (so a filtered list
// can be shared and paged), server-side pagination links, and export links for the same filter. Server
// components: the list itself is rendered on the server from a procedure's page. Client components, which
// cannot render these, page with `ClientListPagination` from `list-kit-client.tsx`. A list with no rows shows
// `EmptyState` from `@tobacco/ui/states`, which every list page already uses.

// Whole class names, so that Tailwind finds them: how the filter fields sit on wide screens.
const GRID = {
  2: { form: 'sm:grid-cols-2', actions: 'sm:col-span-2' },
  3: { form: 'sm:grid-cols-3', actions: 'sm:col-span-3' },
  'wide-3': { form: 'sm:grid-cols-2 xl:grid-cols-3', actions: 'sm:col-span-2 xl:col-span-3' },
  'wide-4': { form: 'sm:grid-cols-2 xl:grid-cols-4', actions: 'sm:col-span-2 xl:col-span-4' },
  'wide-5': { form: 'sm:grid-cols-2 xl:grid-cols-5', actions: 'sm:col-span-2 xl:col-span-5' },
  'wide-6': { form: 'sm:grid-cols-2 xl:grid-cols-6', actions: 'sm:col-span-2 xl:col-span-6' },
} as const;

const BOX = 'rounded-xl border border-line bg-surface p-4';

function layout(columns: keyof typeof GRID | 'inline', buttons: 'row' | 'cell') {
  // A bar of one to three fields sits on one line, its button beside the last field.
  if (columns === 'inline') return { form: `flex flex-wrap items-end gap-3 ${BOX}`, buttons: 'flex flex-wrap gap-3' };
  return {
    form: `grid gap-4 ${BOX} ${GRID[columns].form}`,
    buttons: buttons === 'cell' ? 'flex items-end gap-3' : `flex flex-wrap gap-3 ${GRID[columns].actions}`,
  };
}

/**
 * A GET form of filter fields with a submit button (Search unless `submitLabel` says otherwise), Reset (back to
 * `resetHref`, the unfiltered list; none without it) and `actions` such as exports. The buttons take a row of
 * their own, or with `buttons="cell"` the grid cell after the last field.
 */
export async function FilterBar({
  label,
  resetHref,
  columns = 'wide-3',
  buttons = 'row',
  submitLabel,
  actions,
  children,
}: {
  label?: string;
  resetHref?: string;
  columns?: keyof typeof GRID | 'inline';
  buttons?: 'row' | 'cell';
  submitLabel?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = await getI18n();
  const classes = layout(columns, buttons);
  return (
    <form method="get" role="search" aria-label={label ?? t('admin.filters')} className={classes.form}>
      {children}
      <div className={classes.buttons}>
        <button type="submit" className={buttonClass('primary')}>
          {submitLabel ?? t('common.search')}
        </button>
        {resetHref ? (
          <Link href={resetHref} className={buttonClass('secondary')}>
            {t('common.reset')}
          </Link>
        ) : null}
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
  variant = 'ghost',
}: {
  hrefFor: (format: 'csv' | 'xlsx') => string;
  formats?: ('csv' | 'xlsx')[];
  /** `ghost` beside a filter bar's buttons; `secondary` where the links stand on their own. */
  variant?: ButtonVariant;
}) {
  const { t } = await getI18n();
  return formats.map((format) => (
    <a key={format} href={hrefFor(format)} className={buttonClass(variant)} download>
      {t(format === 'csv' ? 'admin.export.csv' : 'admin.export.xlsx')}
    </a>
  ));
}
