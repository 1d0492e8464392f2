import type { Prisma } from '@tobacco/db/client';
import { hasPermission } from '@tobacco/auth/permissions';
import type { Actor } from '../actor';

/**
 * The one answer to "whose shops may this person touch": a retailer their own shop; staff with
 * `retailers.readAll` every shop; anyone else on the staff (an account manager) only the shops they manage.
 * Every service query over retailer-owned data filters through it (`retailer: retailerScope(actor)` on a
 * related row), so a forgotten check cannot widen what someone sees; an id outside it answers NOT_FOUND.
 */
export function retailerScope(actor: Actor): Prisma.RetailerWhereInput {
  if (actor.kind === 'retailer') return { id: actor.retailerId };
  return hasPermission(actor.roles, 'retailers.readAll') ? {} : { accountManagerId: actor.userId };
}
