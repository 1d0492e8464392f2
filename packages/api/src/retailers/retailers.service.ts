import type { Prisma } from '@tobacco/db/client';
import type { RetailerDeps, StaffDeps } from '../deps';
import { notFound } from '../errors';
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
