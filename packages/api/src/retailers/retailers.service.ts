import type { Prisma } from '@tobacco/db/client';
import type { RetailerDeps, StaffDeps } from '../deps';
import { hashPassword, isStrongPassword } from '@tobacco/auth/password';
import { confirmCurrentPassword } from '../common/password-check';
import { DomainError, notFound } from '../errors';
import type { TChangePasswordInput } from './profile.schema';
import { writeRetailerAudit } from './retailers.audit';
import type { ZListRetailersInput } from './retailers.schema';
import { retailerScope } from './retailers.scope';
import type { z } from 'zod';

/** The signed-in retailer's shop card: who they are and who looks after them. */
export async function getShopCard({ db, actor }: RetailerDeps) {
  const shop = await db.retailer.findUnique({
    where: { id: actor.retailerId },
    select: {
      id: true,
      licenceNo: true,
      shopName: true,
      ownerName: true,
      phone: true,
      address: true,
      classificationCode: true,
      market: true,
      businessForm: true,
      grade: true,
      integrityLevel: true,
      orderWeekday: true,
      pointsBalance: true,
      district: { select: { name: true, nameEn: true } },
      accountManager: { select: { name: true, phone: true } },
    },
  });
  if (!shop) throw notFound();
  return shop;
}

// A query of digits is a licence number or a phone number prefix; anything else searches names.
function searchWhere(q: string | undefined): Prisma.RetailerWhereInput {
  if (!q) return {};
  if (/^\d{1,12}$/.test(q)) {
    return q.startsWith('1') && q.length >= 3 && q.length <= 11
      ? { OR: [{ phone: { startsWith: q } }, { licenceNo: { startsWith: q } }] }
      : { licenceNo: { startsWith: q } };
  }
  return { OR: [{ shopName: { contains: q, mode: 'insensitive' } }, { ownerName: { contains: q, mode: 'insensitive' } }] };
}

export async function listRetailers({ db, actor }: StaffDeps, input: z.output<typeof ZListRetailersInput>) {
  const where: Prisma.RetailerWhereInput = {
    AND: [
      retailerScope(actor),
      searchWhere(input.q),
      input.districtId ? { districtId: input.districtId } : {},
      input.grade ? { grade: input.grade } : {},
      input.accountManagerId ? { accountManagerId: input.accountManagerId } : {},
    ],
  };
  const [total, items] = await Promise.all([
    db.retailer.count({ where }),
    db.retailer.findMany({
      where,
      orderBy: { licenceNo: 'asc' },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        licenceNo: true,
        shopName: true,
        ownerName: true,
        phone: true,
        classificationCode: true,
        grade: true,
        integrityLevel: true,
        status: true,
        district: { select: { id: true, name: true, nameEn: true } },
        accountManager: { select: { id: true, name: true } },
      },
    }),
  ]);
  return { items, total, page: input.page, pageSize: input.pageSize, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}

/** Districts and account managers for the list's filters; an account manager is offered only themself. */
export async function listRetailerFilterOptions({ db, actor }: StaffDeps) {
  const scope = retailerScope(actor);
  const [districts, accountManagers] = await Promise.all([
    db.district.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
    db.staffUser.findMany({
      where: { roles: { some: { role: 'ACCOUNT_MANAGER' } }, ...('accountManagerId' in scope ? { id: actor.userId } : {}) },
      orderBy: { username: 'asc' },
      select: { id: true, name: true, username: true },
    }),
  ]);
  return { districts, accountManagers };
}

/** The portal's profile page: my shop's contact details and who I am signed in as. */
export async function getMyProfile({ db, actor }: RetailerDeps) {
  const [shop, login] = await Promise.all([
    db.retailer.findUnique({
      where: { id: actor.retailerId },
      select: {
        licenceNo: true,
        shopName: true,
        ownerName: true,
        contactName: true,
        phone: true,
        address: true,
        district: { select: { name: true, nameEn: true } },
        accountManager: { select: { name: true, phone: true } },
      },
    }),
    db.retailerLogin.findUnique({
      where: { id: actor.loginId },
      select: { loginName: true, displayName: true, role: true, lastLoginAt: true },
    }),
  ]);
  if (!shop || !login) throw notFound();
  return { shop, login };
}

/**
 * Changes my password: the current one is required, the new one must pass the strength rule, and the
 * login's sessionVersion goes up so that every other session of this login is signed out at its next
 * request. The caller re-issues its own session with the returned version.
 */
export async function changeMyPassword({ db, actor, clock }: RetailerDeps, input: TChangePasswordInput) {
  const login = await db.retailerLogin.findUnique({ where: { id: actor.loginId }, select: { id: true, passwordHash: true } });
  if (!login) throw notFound();
  await confirmCurrentPassword(
    db,
    { kind: 'retailerLogin', id: login.id },
    login.passwordHash,
    input.currentPassword,
    clock(),
    'retailers.password.currentWrong',
  );
  if (!isStrongPassword(input.newPassword)) throw new DomainError('VALIDATION', 'retailers.password.weak');
  if (input.newPassword === input.currentPassword) throw new DomainError('VALIDATION', 'retailers.password.same');
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const updated = await tx.retailerLogin.update({
      where: { id: login.id },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedLoginCount: 0, firstFailedAt: null, lockedUntil: null },
      select: { sessionVersion: true },
    });
    await writeRetailerAudit(tx, actor, {
      action: 'retailers.password.change',
      entityType: 'RetailerLogin',
      entityId: login.id,
      after: { sessionVersion: updated.sessionVersion },
    });
    return { sessionVersion: updated.sessionVersion };
  });
}
