import type { MessageKey } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';

export type PortalIcon =
  | 'home'
  | 'grade'
  | 'report'
  | 'allocation'
  | 'schedule'
  | 'promotions'
  | 'rewards'
  | 'complaints'
  | 'help'
  | 'surveys'
  | 'inbox'
  | 'profile';

export type PortalNavEntry = { href: string; label: MessageKey; icon: PortalIcon; /** also in the phone's bottom bar */ quick?: boolean };

// Every area of the portal, in the order a shop owner uses them. The phone's bottom bar has room for five.
export const PORTAL_NAV: readonly PortalNavEntry[] = [
  { href: '/', label: 'portal.nav.home', icon: 'home', quick: true },
  { href: '/grade', label: 'portal.nav.grade', icon: 'grade' },
  { href: '/allocation', label: 'portal.nav.allocation', icon: 'allocation', quick: true },
  { href: '/report', label: 'report.nav', icon: 'report' },
  { href: '/schedule', label: 'portal.nav.schedule', icon: 'schedule', quick: true },
  { href: '/promotions', label: 'portal.nav.promotions', icon: 'promotions' },
  { href: '/rewards', label: 'portal.nav.rewards', icon: 'rewards' },
  { href: '/complaints', label: 'portal.nav.complaints', icon: 'complaints' },
  { href: '/help', label: 'knowledge.help.nav', icon: 'help' },
  { href: '/surveys', label: 'portal.nav.surveys', icon: 'surveys' },
  { href: '/inbox', label: 'portal.nav.inbox', icon: 'inbox', quick: true },
  { href: '/profile', label: 'portal.nav.profile', icon: 'profile', quick: true },
];

/** Each area's label in the reader's language, by href. */
export type NavLabels = Record<string, string>;

/** The labels the navigation's client components are given (the server translates them). */
export function navLabels(t: Translate): NavLabels {
  return Object.fromEntries(PORTAL_NAV.map((entry) => [entry.href, t(entry.label)]));
}
