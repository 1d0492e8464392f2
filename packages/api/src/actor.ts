import type { StaffRoleName } from '@tobacco/auth/permissions';

// `sessionId`: the AuthSession of the request's sign-in (absent for in-process callers such as jobs and tests).
export type RetailerActor = { kind: 'retailer'; retailerId: number; loginId: number; sessionId?: string };
export type StaffActor = {
  kind: 'staff';
  userId: number;
  roles: StaffRoleName[];
  districtId: number | null;
  departmentId: number | null;
  /** Signed in with a temporary password: only changing it (and reading who they are) is allowed. */
  mustChangePassword?: boolean;
  sessionId?: string;
};
export type Actor = RetailerActor | StaffActor;

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
