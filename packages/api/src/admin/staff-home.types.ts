import { hasPermission, type Permission, type StaffRoleName } from '@tobacco/auth/permissions';
import type { MessageKey } from '@tobacco/i18n/messages';
import type { StaffDeps } from '../deps';

// The staff home is built from contributions: each business area has one small `<area>.home.ts` exporting
// a HomeContribution whose figures are computed in SQL for the signed-in staff member. The home shows the
// areas that return figures for this person's roles, so it grows as areas are added (staff-home.service.ts).

export type HomeFigure = {
  /** Stable id, for tests and links (e.g. 'complaints.myOverdue'). */
  id: string;
  label: MessageKey;
  value: number | null;
  format: 'count' | 'percent' | 'index' | 'rating';
  /** The list this figure counts. */
  href: string;
  /** Something waiting or late: shown with emphasis when not zero. */
  attention?: boolean;
};

export type HomeContribution = {
  area: string;
  title: MessageKey;
  /** [] when the area has nothing for this person. */
  figures: (deps: StaffDeps) => Promise<HomeFigure[]>;
};

/** Whether the person holds the permission: the home asks the permission table, never role names. */
export function can(actor: { roles: readonly StaffRoleName[] }, permission: Permission): boolean {
  return hasPermission(actor.roles, permission);
}

/** BigInt counts from raw SQL to numbers. */
export const n = (value: bigint | number | null | undefined): number => Number(value ?? 0);
