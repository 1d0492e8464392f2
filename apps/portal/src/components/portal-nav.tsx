'use client';

import { NavLink } from '@tobacco/ui/nav-link';
import { Link } from '@/components/link';
import { NavIcon } from '@/components/nav-icon';
import { PORTAL_NAV, type NavLabels } from '@/navigation';

// The portal's navigation (both bars and the home page's service tiles) is drawn here, in the browser's
// components, from the fixed list of areas: the server sends only the translated labels and the unread
// count. Rendered as server components, every link, icon and class list was serialised into each page's
// payload and then rendered again from it: together about a fifth of the server's time for the home page.

type Badge = { unread: number; label: string };

function UnreadBadge({ badge, className }: { badge: Badge; className: string }) {
  if (badge.unread <= 0) return null;
  return (
    <span data-testid="unread-badge" className={className}>
      <span aria-hidden="true">{badge.unread > 99 ? '99+' : badge.unread}</span>
      <span className="sr-only">{badge.label}</span>
    </span>
  );
}

/** Tablets and desktops: every area in one row under the header. */
export function NavBar({ label, labels, badge }: { label: string; labels: NavLabels; badge: Badge }) {
  return (
    <nav aria-label={label} className="hidden border-t border-line md:block">
      <ul className="mx-auto flex max-w-3xl flex-wrap gap-1 px-2 py-1">
        {PORTAL_NAV.map((entry) => (
          <li key={entry.href}>
            <NavLink href={entry.href} prefetch={false} className="portal-nav-link">
              {labels[entry.href]}
              {entry.href === '/inbox' ? (
                <UnreadBadge badge={badge} className="ml-1.5 rounded-full bg-danger-700 px-2 text-sm font-bold text-white" />
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Phones: the five most used areas at the thumb; the rest are on the home page. Links are not prefetched:
 * shops pay for mobile data, and a phone's main thread is busy enough while the page loads.
 */
export function TabBar({ label, labels, badge }: { label: string; labels: NavLabels; badge: Badge }) {
  return (
    <nav
      aria-label={label}
      className="fixed inset-x-0 bottom-0 z-40 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)] md:hidden print:hidden"
    >
      <ul className="mx-auto flex max-w-3xl flex-wrap">
        {PORTAL_NAV.filter((entry) => entry.quick).map((entry) => (
          <li key={entry.href} className="flex-1">
            <NavLink href={entry.href} prefetch={false} className="portal-tab-link">
              <NavIcon name={entry.icon} className="size-6" />
              {/* In the tab's corner, not beside the icon: at 200 % text a two-digit count beside the icon of
                  the last tab would reach past the screen's edge. */}
              {entry.href === '/inbox' ? (
                <UnreadBadge
                  badge={badge}
                  className="absolute top-1 right-1 min-w-5 rounded-full bg-danger-700 px-1 text-center text-xs font-bold text-white"
                />
              ) : null}
              <span className="whitespace-nowrap">{labels[entry.href]}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The home page's tiles: every area but the home itself. */
export function ServiceTiles({ labels }: { labels: NavLabels }) {
  return (
    <ul className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,6.5rem),1fr))] gap-3">
      {PORTAL_NAV.filter((entry) => entry.href !== '/').map((entry) => (
        <li key={entry.href}>
          <Link href={entry.href} className="portal-service-tile">
            <NavIcon name={entry.icon} className="size-8 text-brand-700" />
            <span>{labels[entry.href]}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
