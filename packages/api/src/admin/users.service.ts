import type { StaffRoleName } from '@tobacco/auth/permissions';
import { hashPassword } from '@tobacco/auth/password';
import { CLEARED_LOCKOUT } from '@tobacco/auth/lockout';
import type { DbTx, Prisma } from '@tobacco/db/client';
import type { z } from 'zod';
import { confirmCurrentPassword } from '../common/password-check';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { writeAudit } from './audit';
import { adminGuard, generateTemporaryPassword } from './users.rules';
import {
  USER_PAGE_SIZE,
  type ZChangePasswordInput,
  type ZCreateUserInput,
  type ZListUsersInput,
  type ZSetUserActiveInput,
  type ZUpdateUserInput,
} from './users.schema';

// Staff users and their roles. Users are never deleted: deactivation keeps their history and ends their
// sessions at their next request (the API re-reads the account on every request).

const USER_SELECT = {
  id: true,
  username: true,
  name: true,
  phone: true,
  active: true,
  mustChangePassword: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
  district: { select: { id: true, name: true, nameEn: true } },
  department: { select: { id: true, name: true, nameEn: true } },
  roles: { select: { role: true }, orderBy: { role: 'asc' } },
} satisfies Prisma.StaffUserSelect;

type UserRow = Prisma.StaffUserGetPayload<{ select: typeof USER_SELECT }>;

function present(user: UserRow, now: Date) {
  const { roles, lockedUntil, ...rest } = user;
  return { ...rest, roles: roles.map((r) => r.role as StaffRoleName), locked: lockedUntil !== null && lockedUntil > now, lockedUntil };
}

// What the audit log keeps of a user: never the password hash.
function auditView(user: {
  name: string;
  phone: string | null;
  active: boolean;
  districtId?: number | null;
  departmentId?: number | null;
  roles: readonly string[];
}) {
  return {
    name: user.name,
    phone: user.phone,
    active: user.active,
    districtId: user.districtId ?? null,
    departmentId: user.departmentId ?? null,
    roles: [...user.roles].sort(),
  };
}

export async function listStaffUsers({ db, clock }: StaffDeps, input: z.output<typeof ZListUsersInput>) {
  const now = clock();
  const where: Prisma.StaffUserWhereInput = {
    AND: [
      input.q
        ? {
            OR: [
              { username: { contains: input.q, mode: 'insensitive' } },
              { name: { contains: input.q, mode: 'insensitive' } },
              { phone: { startsWith: input.q } },
            ],
          }
        : {},
      input.role ? { roles: { some: { role: input.role } } } : {},
      input.districtId ? { districtId: input.districtId } : {},
      input.departmentId ? { departmentId: input.departmentId } : {},
      input.status === 'active'
        ? { active: true }
        : input.status === 'inactive'
          ? { active: false }
          : input.status === 'locked'
            ? { lockedUntil: { gt: now } }
            : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.staffUser.count({ where }),
    db.staffUser.findMany({
      where,
      orderBy: { username: 'asc' },
      skip: (input.page - 1) * USER_PAGE_SIZE,
      take: USER_PAGE_SIZE,
      select: USER_SELECT,
    }),
  ]);
  return { items: rows.map((row) => present(row, now)), total, page: input.page, pages: Math.max(1, Math.ceil(total / USER_PAGE_SIZE)) };
}

export async function getStaffUser({ db, clock }: StaffDeps, input: { id: number }) {
  const user = await db.staffUser.findUnique({
    where: { id: input.id },
    select: { ...USER_SELECT, _count: { select: { managedRetailers: true } } },
  });
  if (!user) throw notFound();
  const { _count, ...row } = user;
  return { ...present(row, clock()), managedRetailers: _count.managedRetailers };
}

/** Districts, departments for the user forms (retired ones only where a user still has them). */
export async function listOrganisationOptions({ db }: StaffDeps) {
  const [districts, departments, accountManagers] = await Promise.all([
    db.district.findMany({ orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true, active: true } }),
    db.department.findMany({ orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true, active: true } }),
    db.staffUser.findMany({
      where: { active: true, roles: { some: { role: 'ACCOUNT_MANAGER' } } },
      orderBy: { username: 'asc' },
      select: { id: true, name: true, username: true },
    }),
  ]);
  return { districts, departments, accountManagers };
}

async function assertOrganisation(db: DbTx, input: { districtId?: number | null; departmentId?: number | null }) {
  if (input.districtId) {
    const district = await db.district.findUnique({ where: { id: input.districtId }, select: { active: true } });
    if (!district?.active) throw new DomainError('VALIDATION', 'admin.error.unknownDistrict');
  }
  if (input.departmentId) {
    const department = await db.department.findUnique({ where: { id: input.departmentId }, select: { active: true } });
    if (!department?.active) throw new DomainError('VALIDATION', 'admin.error.unknownDepartment');
  }
}

/** Creates a user with a temporary password, shown once to the administrator and changed at first sign-in. */
export async function createStaffUser({ db, actor }: StaffDeps, input: z.output<typeof ZCreateUserInput>) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const roles = [...new Set(input.roles)];
  const user = await db.$transaction(async (tx) => {
    if (await tx.staffUser.findUnique({ where: { username: input.username }, select: { id: true } })) {
      throw new DomainError('CONFLICT', 'admin.users.error.usernameTaken');
    }
    await assertOrganisation(tx, input);
    const created = await tx.staffUser.create({
      data: {
        username: input.username,
        name: input.name,
        phone: input.phone || null,
        passwordHash,
        mustChangePassword: true,
        districtId: input.districtId ?? null,
        departmentId: input.departmentId ?? null,
        roles: { create: roles.map((role) => ({ role })) },
      },
      select: { id: true, username: true },
    });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'staff.create',
      entityType: 'StaffUser',
      entityId: created.id,
      after: { username: input.username, ...auditView({ ...input, phone: input.phone || null, active: true, roles }) },
    });
    return created;
  });
  return { id: user.id, username: user.username, temporaryPassword };
}

// Serialises changes that could remove the last administrator: two admins demoting each other at once
// must not both succeed.
const ADMIN_GUARD_LOCK = 7_310_001;

async function loadForGuard(tx: DbTx, id: number) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_GUARD_LOCK})`;
  const user = await tx.staffUser.findUnique({
    where: { id },
    select: { id: true, name: true, phone: true, active: true, districtId: true, departmentId: true, roles: { select: { role: true } } },
  });
  if (!user) throw notFound();
  const activeAdminCount = await tx.staffUser.count({ where: { active: true, roles: { some: { role: 'ADMIN' } } } });
  return { user: { ...user, roles: user.roles.map((r) => r.role as StaffRoleName) }, activeAdminCount };
}

export async function updateStaffUser({ db, actor }: StaffDeps, input: z.output<typeof ZUpdateUserInput>) {
  const roles = [...new Set(input.roles)];
  await db.$transaction(async (tx) => {
    const { user, activeAdminCount } = await loadForGuard(tx, input.id);
    const refusal = adminGuard({ actorId: actor.userId, target: user, next: { active: user.active, roles }, activeAdminCount });
    if (refusal) throw new DomainError('FORBIDDEN', refusal);
    await assertOrganisation(tx, input);
    await tx.staffUser.update({
      where: { id: input.id },
      data: {
        name: input.name,
        phone: input.phone || null,
        districtId: input.districtId ?? null,
        departmentId: input.departmentId ?? null,
      },
    });
    // Roles are read on every request, so the new set applies at the user's next click.
    await tx.staffRoleGrant.deleteMany({ where: { userId: input.id, role: { notIn: roles } } });
    await tx.staffRoleGrant.createMany({ data: roles.map((role) => ({ userId: input.id, role })), skipDuplicates: true });
    const after = {
      ...user,
      name: input.name,
      phone: input.phone || null,
      districtId: input.districtId ?? null,
      departmentId: input.departmentId ?? null,
      roles,
    };
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'staff.update',
      entityType: 'StaffUser',
      entityId: input.id,
      before: auditView(user),
      after: auditView(after),
    });
  });
  return { id: input.id };
}

/** Deactivating ends the user's sessions at their next request; reactivating lets them sign in again. */
export async function setStaffUserActive({ db, actor }: StaffDeps, input: z.output<typeof ZSetUserActiveInput>) {
  await db.$transaction(async (tx) => {
    const { user, activeAdminCount } = await loadForGuard(tx, input.id);
    if (user.active === input.active) return;
    const refusal = adminGuard({
      actorId: actor.userId,
      target: user,
      next: { active: input.active, roles: user.roles },
      activeAdminCount,
    });
    if (refusal) throw new DomainError('FORBIDDEN', refusal);
    await tx.staffUser.update({ where: { id: input.id }, data: { active: input.active, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: input.active ? 'staff.reactivate' : 'staff.deactivate',
      entityType: 'StaffUser',
      entityId: input.id,
      before: { active: user.active },
      after: { active: input.active },
    });
  });
  return { id: input.id, active: input.active };
}

/** A new temporary password: the user's sessions end and they must change it at their next sign-in. */
export async function resetStaffPassword({ db, actor }: StaffDeps, input: { id: number }) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { id: input.id }, select: { id: true } });
    if (!user) throw notFound();
    await tx.staffUser.update({
      where: { id: input.id },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 }, ...CLEARED_LOCKOUT },
    });
    await writeAudit(tx, { actorStaffId: actor.userId, action: 'staff.resetPassword', entityType: 'StaffUser', entityId: input.id });
  });
  return { id: input.id, temporaryPassword };
}

export async function unlockStaffUser({ db, actor, clock }: StaffDeps, input: { id: number }) {
  await db.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { id: input.id }, select: { lockedUntil: true, failedLoginCount: true } });
    if (!user) throw notFound();
    await tx.staffUser.update({ where: { id: input.id }, data: CLEARED_LOCKOUT });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'staff.unlock',
      entityType: 'StaffUser',
      entityId: input.id,
      before: {
        lockedUntil: user.lockedUntil && user.lockedUntil > clock() ? user.lockedUntil : null,
        failedLoginCount: user.failedLoginCount,
      },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
  });
  return { id: input.id };
}

/**
 * The signed-in user changes their own password (the only thing a user with a temporary password may do).
 * Every session of the account ends, this one included: the back office signs in again with the new password.
 */
export async function changeOwnPassword({ db, actor, clock }: StaffDeps, input: z.output<typeof ZChangePasswordInput>) {
  const user = await db.staffUser.findUnique({ where: { id: actor.userId }, select: { passwordHash: true, username: true } });
  if (!user) throw notFound();
  await confirmCurrentPassword(
    db,
    { kind: 'staff', id: actor.userId },
    user.passwordHash,
    input.currentPassword,
    clock(),
    'admin.password.wrongCurrent',
  );
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: actor.userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, { actorStaffId: actor.userId, action: 'staff.changePassword', entityType: 'StaffUser', entityId: actor.userId });
  });
  return { username: user.username };
}
