import { permissionsOf } from '@tobacco/auth/permissions';
import type { StaffDeps } from '../deps';
import { notFound } from '../errors';

/** The signed-in staff member, with what their roles allow, for navigation and the home page. */
export async function getMe({ db, actor }: StaffDeps) {
  const user = await db.staffUser.findUnique({
    where: { id: actor.userId },
    select: { id: true, username: true, name: true, mustChangePassword: true, district: { select: { name: true, nameEn: true } } },
  });
  if (!user) throw notFound();
  return { ...user, roles: actor.roles, permissions: permissionsOf(actor.roles) };
}
