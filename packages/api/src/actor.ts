import type { StaffRoleName } from '@tobacco/auth/permissions';

export type RetailerActor = { kind: 'retailer'; retailerId: number; loginId: number };
export type StaffActor = {
  kind: 'staff';
  userId: number;
  roles: StaffRoleName[];
  districtId: number | null;
  departmentId: number | null;
  /** Signed in with a temporary password: only changing it (and reading who they are) is allowed. */
  mustChangePassword?: boolean;
};
export type Actor = RetailerActor | StaffActor;

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
