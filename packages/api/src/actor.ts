import type { StaffRoleName } from '@tobacco/auth/permissions';

export type RetailerActor = { kind: 'retailer'; retailerId: number; loginId: number };
export type StaffActor = { kind: 'staff'; userId: number; roles: StaffRoleName[]; districtId: number | null; departmentId: number | null };
export type Actor = RetailerActor | StaffActor;

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
