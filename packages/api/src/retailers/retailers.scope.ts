import type { Prisma } from '@tobacco/db/client';
import { hasPermission } from '@tobacco/auth/permissions';
import type { StaffActor } from '../actor';

/**
 * The retailers a staff member may see: all of them with `retailers.readAll`, otherwise only those they
 * are account manager of. Every domain that lists or opens a retailer's records filters through this.
 */
export function retailerScope(actor: StaffActor): Prisma.RetailerWhereInput {
  return hasPermission(actor.roles, 'retailers.readAll') ? {} : { accountManagerId: actor.userId };
}
