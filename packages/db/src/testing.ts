import { inject } from 'vitest';
import type { PrismaClient } from './generated/prisma/client';
import type { BusinessForm, IntegrityLevel, Market, RetailerStatus, StaffRole } from './generated/prisma/enums';
import { createDb } from './client';

// Test helpers for integration tests: the throw-away database of this run, and factories that make
// rows with unique keys so tests never depend on each other's data or on the demo seed.

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let db: PrismaClient | undefined;
export function testDb(): PrismaClient {
  db ??= createDb(inject('databaseUrl'), { max: 4 });
  return db;
}

let counter = 0;
/** Unique per process and call: tests running side by side never collide on unique columns. */
export function uniqueNumber(): number {
  counter += 1;
  return (process.pid % 10_000) * 100_000 + counter;
}

export const TEST_PASSWORD = 'test-password-1';

export async function createDistrict(db: PrismaClient, overrides: { name?: string } = {}) {
  const n = uniqueNumber();
  return db.district.create({ data: { code: `D${n}`, name: overrides.name ?? `测试区${n}`, nameEn: `District ${n}` } });
}

export async function createDepartment(db: PrismaClient) {
  const n = uniqueNumber();
  return db.department.create({ data: { code: `DEP${n}`, name: `测试部门${n}`, nameEn: `Department ${n}`, kind: 'SERVICE_CENTRE' } });
}

export async function createStaff(
  db: PrismaClient,
  options: { roles: StaffRole[]; passwordHash: string; districtId?: number; active?: boolean; name?: string },
) {
  const n = uniqueNumber();
  return db.staffUser.create({
    data: {
      username: `staff${n}`,
      name: options.name ?? `员工${n}`,
      passwordHash: options.passwordHash,
      active: options.active ?? true,
      districtId: options.districtId,
      roles: { create: options.roles.map((role) => ({ role })) },
    },
    include: { roles: true },
  });
}

export type RetailerOverrides = {
  districtId: number;
  passwordHash: string;
  accountManagerId?: number | null;
  shopName?: string;
  ownerName?: string;
  phone?: string;
  grade?: number | null;
  market?: Market;
  businessForm?: BusinessForm;
  integrityLevel?: IntegrityLevel;
  status?: RetailerStatus;
  orderWeekday?: number;
};

export async function createRetailer(db: PrismaClient, o: RetailerOverrides) {
  const n = uniqueNumber();
  const licenceNo = String(900_000_000_000 + n).slice(0, 12);
  const market = o.market ?? 'C';
  const form = o.businessForm ?? 'B';
  return db.retailer.create({
    data: {
      licenceNo,
      shopName: o.shopName ?? `测试商店${n}`,
      ownerName: o.ownerName ?? `店主${n}`,
      phone: o.phone ?? `139${String(n).padStart(8, '0').slice(-8)}`,
      address: `测试路${n}号`,
      districtId: o.districtId,
      market,
      businessForm: form,
      sizeClass: 2,
      classificationCode: `${market}${form}2`,
      status: o.status ?? 'ACTIVE',
      accountManagerId: o.accountManagerId ?? null,
      orderWeekday: o.orderWeekday ?? 3,
      grade: o.grade === undefined ? 10 : o.grade,
      integrityLevel: o.integrityLevel ?? 'A',
      openedOn: new Date('2020-01-01'),
      logins: { create: { loginName: licenceNo, displayName: '店主', passwordHash: o.passwordHash } },
    },
    include: { logins: true },
  });
}
