import type { Permission } from '@tobacco/auth/permissions';
import type { MessageKey } from '@tobacco/i18n/messages';

export type StaffArea =
  | 'home'
  | 'dashboard'
  | 'retailers'
  | 'complaints'
  | 'knowledge'
  | 'surveys'
  | 'promotions'
  | 'allocation'
  | 'rewards'
  | 'analytics'
  | 'changeRequests'
  | 'admin'
  | 'grading'
  | 'alerts'
  | 'visits'
  | 'visitCompletion'
  | 'rankings'
  | 'products'
  | 'imports';

type AreaDefinition = {
  area: StaffArea;
  href: string;
  label: MessageKey;
  /** shown when the user holds any of these; none = everyone */ anyOf: readonly Permission[];
};

// The back office's areas, in the side navigation's order. An area shows only to those whose roles give
// one of its permissions (the permission table in @tobacco/auth decides, never a role name here).
export const STAFF_AREAS: readonly AreaDefinition[] = [
  { area: 'home', href: '/', label: 'backoffice.nav.home', anyOf: [] },
  { area: 'dashboard', href: '/dashboard', label: 'dashboard.nav', anyOf: ['dashboard.read'] },
  { area: 'retailers', href: '/retailers', label: 'backoffice.nav.retailers', anyOf: ['retailers.read'] },
  { area: 'complaints', href: '/complaints', label: 'backoffice.nav.complaints', anyOf: ['complaints.read'] },
  { area: 'knowledge', href: '/knowledge', label: 'knowledge.staff.nav', anyOf: ['knowledge.read'] },
  { area: 'alerts', href: '/alerts', label: 'alerts.nav', anyOf: ['alerts.triage', 'alerts.readAll'] },
  { area: 'visits', href: '/visits', label: 'visits.nav', anyOf: ['visits.log'] },
  { area: 'visitCompletion', href: '/visits/completion', label: 'visits.nav', anyOf: ['visits.readAll'] },
  { area: 'rankings', href: '/rankings', label: 'rankings.nav', anyOf: ['rankings.read'] },
  { area: 'products', href: '/products/pareto', label: 'products.nav', anyOf: ['products.read'] },
  { area: 'surveys', href: '/surveys', label: 'backoffice.nav.surveys', anyOf: ['surveys.read', 'surveys.enterAnswers'] },
  { area: 'promotions', href: '/promotions', label: 'backoffice.nav.promotions', anyOf: ['promotions.read'] },
  { area: 'allocation', href: '/allocation', label: 'backoffice.nav.allocation', anyOf: ['allocation.read'] },
  {
    area: 'grading',
    href: '/grading',
    label: 'grading.staff.title',
    anyOf: ['grading.review', 'grading.decideAppeal', 'grading.integrity'],
  },
  { area: 'rewards', href: '/rewards', label: 'backoffice.nav.rewards', anyOf: ['rewards.read', 'rewards.fulfil'] },
  { area: 'analytics', href: '/analytics', label: 'backoffice.nav.analytics', anyOf: ['analytics.read'] },
  { area: 'imports', href: '/imports', label: 'imports.nav', anyOf: ['imports.use'] },
  { area: 'changeRequests', href: '/admin/change-requests', label: 'admin.nav.changeRequests', anyOf: ['changeRequests.approve'] },
  {
    area: 'admin',
    href: '/admin',
    label: 'backoffice.nav.admin',
    anyOf: ['admin.users', 'admin.organisation', 'admin.calendar', 'admin.settings', 'audit.read', 'admin.integrations'],
  },
];

export function canSeeArea(permissions: readonly string[], area: AreaDefinition): boolean {
  return area.anyOf.length === 0 || area.anyOf.some((permission) => permissions.includes(permission));
}

export function visibleAreas(permissions: readonly string[]): AreaDefinition[] {
  return STAFF_AREAS.filter((area) => canSeeArea(permissions, area));
}

export function areaDefinition(area: StaffArea): AreaDefinition {
  const found = STAFF_AREAS.find((definition) => definition.area === area);
  if (!found) throw new Error(`Unknown area ${area}`);
  return found;
}
