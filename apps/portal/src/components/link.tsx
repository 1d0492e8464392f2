import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The portal's link: Next's Link without prefetching. Shops pay for their mobile data, and on a slow phone
 * each prefetch (a request for the linked page as its link scrolls into view, and parsing the answer)
 * competes with the page's own start-up. A page is fetched when it is tapped.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
