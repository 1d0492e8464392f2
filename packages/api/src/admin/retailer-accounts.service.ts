import { hashPassword } from '@tobacco/auth/password';
import { CLEARED_LOCKOUT } from '@tobacco/auth/lockout';
import type { DbTx, Prisma } from '@tobacco/db/client';
import type { z } from 'zod';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { initialGrade } from '../grading/grading.rules';
import { getSetting } from './settings.service';
import { chinaDate } from '../schedule/calendar.rules';
import { writeAudit, writeAuditMany } from './audit';
import {
  ACCOUNT_PAGE_SIZE,
  type TRetailerFilter,
  type ZAddClerkInput,
  type ZAssignInput,
  type ZBulkAssignInput,
  type ZCreateRetailerInput,
  type ZListRetailerAccountsInput,
  type ZMoveManagerInput,
  type ZSetLoginActiveInput,
  type ZSetRetailerStatusInput,
  type ZUpdateRetailerInput,
} from './retailer-accounts.schema';
import { IMPORT_FIELDS, validateImportRows, type ImportLookups, type ImportRow } from './retailer-import.rules';
import { generateTemporaryPassword } from './users.rules';

// Retailer records and logins as the administrator keeps them, CSV import, and account-manager assignment.

// An argon2 verifier never accepts this, so a login imported without a password cannot be signed in to
// until an administrator issues one (verifyPassword treats a malformed hash as a wrong password).
const NO_PASSWORD = '!unset';

const DAY = (date: string) => new Date(`${date}T00:00:00Z`);

/** The one translation of the shared filter into a query: list, export and bulk assignment all use it. */
export function retailerFilterWhere(filter: TRetailerFilter): Prisma.RetailerWhereInput {
  const q = filter.q?.trim();
  const search: Prisma.RetailerWhereInput = !q
    ? {}
    : /^\d{1,12}$/.test(q)
      ? { OR: [{ licenceNo: { startsWith: q } }, { phone: { startsWith: q } }] }
      : { OR: [{ shopName: { contains: q, mode: 'insensitive' } }, { ownerName: { contains: q, mode: 'insensitive' } }] };
  return {
    AND: [
      search,
      filter.districtId ? { districtId: filter.districtId } : {},
      filter.status ? { status: filter.status } : {},
      filter.grade ? { grade: filter.grade } : {},
      filter.unassigned ? { accountManagerId: null } : filter.accountManagerId ? { accountManagerId: filter.accountManagerId } : {},
    ],
  };
}

const LIST_SELECT = {
  id: true,
  licenceNo: true,
  shopName: true,
  ownerName: true,
  phone: true,
  status: true,
  grade: true,
  orderWeekday: true,
  classificationCode: true,
  district: { select: { id: true, name: true, nameEn: true } },
  accountManager: { select: { id: true, name: true, username: true } },
} satisfies Prisma.RetailerSelect;

export async function listRetailerAccounts({ db }: StaffDeps, input: z.output<typeof ZListRetailerAccountsInput>) {
  const where = retailerFilterWhere(input);
  const [total, items] = await Promise.all([
    db.retailer.count({ where }),
    db.retailer.findMany({
      where,
      orderBy: { licenceNo: 'asc' },
      skip: (input.page - 1) * ACCOUNT_PAGE_SIZE,
      take: ACCOUNT_PAGE_SIZE,
      select: LIST_SELECT,
    }),
  ]);
  return { items, total, page: input.page, pages: Math.max(1, Math.ceil(total / ACCOUNT_PAGE_SIZE)) };
}

export async function getRetailerAccount({ db, clock }: StaffDeps, input: { id: number }) {
  const retailer = await db.retailer.findUnique({
    where: { id: input.id },
    include: {
      district: { select: { id: true, name: true, nameEn: true } },
      accountManager: { select: { id: true, name: true, username: true } },
      logins: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          loginName: true,
          role: true,
          displayName: true,
          active: true,
          lockedUntil: true,
          lastLoginAt: true,
          passwordHash: true,
        },
      },
    },
  });
  if (!retailer) throw notFound();
  const now = clock();
  const { logins, latitude: _lat, longitude: _lng, ...rest } = retailer;
  return {
    ...rest,
    logins: logins.map(({ passwordHash, lockedUntil, ...login }) => ({
      ...login,
      locked: lockedUntil !== null && lockedUntil > now,
      hasPassword: passwordHash !== NO_PASSWORD,
    })),
  };
}

async function assertLinks(tx: DbTx, input: { districtId: number; accountManagerId?: number | null }) {
  const district = await tx.district.findUnique({ where: { id: input.districtId }, select: { active: true } });
  if (!district?.active) throw new DomainError('VALIDATION', 'admin.error.unknownDistrict');
  if (input.accountManagerId) await assertManager(tx, input.accountManagerId);
}

async function assertManager(tx: DbTx, id: number) {
  const manager = await tx.staffUser.findFirst({
    where: { id, active: true, roles: { some: { role: 'ACCOUNT_MANAGER' } } },
    select: { id: true },
  });
  if (!manager) throw new DomainError('VALIDATION', 'admin.assign.error.notAManager');
}

function recordFields(input: Omit<z.output<typeof ZUpdateRetailerInput>, 'id'>) {
  return {
    shopName: input.shopName,
    ownerName: input.ownerName,
    contactName: input.contactName || null,
    phone: input.phone,
    address: input.address,
    districtId: input.districtId,
    market: input.market,
    businessForm: input.businessForm,
    sizeClass: input.sizeClass,
    classificationCode: `${input.market}${input.businessForm}${input.sizeClass}`,
    shopAreaM2: input.shopAreaM2,
    orderWeekday: input.orderWeekday,
    integrityLevel: input.integrityLevel,
  };
}

/** A new shop with its owner's login (the licence number) and a temporary password shown once. */
export async function createRetailerAccount({ db, actor, clock }: StaffDeps, input: z.output<typeof ZCreateRetailerInput>) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db.$transaction(async (tx) => {
    const taken = await tx.retailer.findUnique({ where: { licenceNo: input.licenceNo }, select: { id: true } });
    if (taken || (await tx.retailerLogin.findUnique({ where: { loginName: input.licenceNo }, select: { id: true } }))) {
      throw new DomainError('CONFLICT', 'admin.retailers.error.licenceTaken');
    }
    await assertLinks(tx, input);
    const fields = recordFields(input);
    const initialGrades = await getSetting(tx, 'grading.initialGrades');
    const retailer = await tx.retailer.create({
      data: {
        licenceNo: input.licenceNo,
        ...fields,
        accountManagerId: input.accountManagerId,
        // Until a full grading period of orders, the grade comes from form, market and area.
        grade: initialGrade(initialGrades, input.businessForm, input.market, input.shopAreaM2),
        openedOn: DAY(chinaDate(clock())),
        logins: { create: { loginName: input.licenceNo, role: 'OWNER', displayName: input.ownerName, passwordHash } },
      },
      select: { id: true, licenceNo: true, grade: true },
    });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'retailer.create',
      entityType: 'Retailer',
      entityId: retailer.id,
      after: { licenceNo: input.licenceNo, ...fields, accountManagerId: input.accountManagerId, grade: retailer.grade },
    });
    return { id: retailer.id, loginName: retailer.licenceNo, temporaryPassword };
  });
}

export async function updateRetailerAccount({ db, actor }: StaffDeps, { id, ...input }: z.output<typeof ZUpdateRetailerInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.retailer.findUnique({ where: { id } });
    if (!before) throw notFound();
    await assertLinks(tx, input);
    const fields = recordFields(input);
    await tx.retailer.update({ where: { id }, data: fields });
    const was = Object.fromEntries(Object.keys(fields).map((key) => [key, before[key as keyof typeof before]]));
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'retailer.update',
      entityType: 'Retailer',
      entityId: id,
      before: was,
      after: fields,
    });
    return { id };
  });
}

/** 正常 / 暂停 / 注销. A suspended or cancelled shop cannot sign in, and its open sessions stop at their next request. */
export async function setRetailerStatus({ db, actor }: StaffDeps, input: z.output<typeof ZSetRetailerStatusInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.retailer.findUnique({ where: { id: input.id }, select: { status: true } });
    if (!before) throw notFound();
    if (before.status === input.status) return { id: input.id, status: input.status };
    await tx.retailer.update({ where: { id: input.id }, data: { status: input.status } });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'retailer.status',
      entityType: 'Retailer',
      entityId: input.id,
      before,
      after: { status: input.status, reason: input.reason },
    });
    return { id: input.id, status: input.status };
  });
}

// ---------------------------------------------------------------- logins

/** A clerk's login: the licence number with the next free suffix (330100000001-2), and a temporary password. */
export async function addClerkLogin({ db, actor }: StaffDeps, input: z.output<typeof ZAddClerkInput>) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db.$transaction(async (tx) => {
    const retailer = await tx.retailer.findUnique({ where: { id: input.retailerId }, select: { licenceNo: true } });
    if (!retailer) throw notFound();
    const existing = await tx.retailerLogin.findMany({
      where: { loginName: { startsWith: `${retailer.licenceNo}-` } },
      select: { loginName: true },
    });
    const used = new Set(existing.map((l) => Number(l.loginName.split('-')[1])));
    let suffix = 1;
    while (used.has(suffix)) suffix += 1;
    const loginName = `${retailer.licenceNo}-${suffix}`;
    const login = await tx.retailerLogin.create({
      data: { retailerId: input.retailerId, loginName, role: 'CLERK', displayName: input.displayName, passwordHash },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'retailerLogin.create',
      entityType: 'RetailerLogin',
      entityId: login.id,
      after: { retailerId: input.retailerId, loginName, role: 'CLERK', displayName: input.displayName },
    });
    return { id: login.id, loginName, temporaryPassword };
  });
}

/** Removing a clerk's login deactivates it (its history stays); the owner's login is never removed. */
export async function setLoginActive({ db, actor }: StaffDeps, input: z.output<typeof ZSetLoginActiveInput>) {
  return db.$transaction(async (tx) => {
    const login = await tx.retailerLogin.findUnique({ where: { id: input.loginId }, select: { active: true, role: true } });
    if (!login) throw notFound();
    if (login.role === 'OWNER' && !input.active) throw new DomainError('INVALID_STATE', 'admin.retailers.error.ownerLogin');
    if (login.active === input.active) return { id: input.loginId };
    await tx.retailerLogin.update({ where: { id: input.loginId }, data: { active: input.active, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: input.active ? 'retailerLogin.restore' : 'retailerLogin.remove',
      entityType: 'RetailerLogin',
      entityId: input.loginId,
      before: { active: login.active },
      after: { active: input.active },
    });
    return { id: input.loginId };
  });
}

export async function resetLoginPassword({ db, actor }: StaffDeps, input: { loginId: number }) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db.$transaction(async (tx) => {
    const login = await tx.retailerLogin.findUnique({ where: { id: input.loginId }, select: { loginName: true } });
    if (!login) throw notFound();
    await tx.retailerLogin.update({
      where: { id: input.loginId },
      data: { passwordHash, sessionVersion: { increment: 1 }, ...CLEARED_LOCKOUT },
    });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'retailerLogin.resetPassword',
      entityType: 'RetailerLogin',
      entityId: input.loginId,
    });
    return { loginName: login.loginName, temporaryPassword };
  });
}

export async function unlockLogin({ db, actor }: StaffDeps, input: { loginId: number }) {
  return db.$transaction(async (tx) => {
    const login = await tx.retailerLogin.findUnique({
      where: { id: input.loginId },
      select: { lockedUntil: true, failedLoginCount: true },
    });
    if (!login) throw notFound();
    await tx.retailerLogin.update({ where: { id: input.loginId }, data: CLEARED_LOCKOUT });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'retailerLogin.unlock',
      entityType: 'RetailerLogin',
      entityId: input.loginId,
      before: login,
      after: CLEARED_LOCKOUT,
    });
    return { id: input.loginId };
  });
}

// ---------------------------------------------------------------- account-manager assignment

export async function assignAccountManager({ db, actor }: StaffDeps, input: z.output<typeof ZAssignInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.retailer.findUnique({ where: { id: input.retailerId }, select: { accountManagerId: true } });
    if (!before) throw notFound();
    if (input.accountManagerId !== null) await assertManager(tx, input.accountManagerId);
    await tx.retailer.update({ where: { id: input.retailerId }, data: { accountManagerId: input.accountManagerId } });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'retailer.assign',
      entityType: 'Retailer',
      entityId: input.retailerId,
      before,
      after: { accountManagerId: input.accountManagerId },
    });
    return { id: input.retailerId };
  });
}

/** What a bulk assignment would do: how many shops, by district and by their current manager. */
export async function previewBulkAssign({ db }: StaffDeps, input: { filter: TRetailerFilter; accountManagerId: number | null }) {
  const where = {
    AND: [
      retailerFilterWhere(input.filter),
      input.accountManagerId === null
        ? { NOT: { accountManagerId: null } }
        : { OR: [{ accountManagerId: null }, { NOT: { accountManagerId: input.accountManagerId } }] },
    ],
  };
  const [count, byDistrict, byManager, sample] = await Promise.all([
    db.retailer.count({ where }),
    db.retailer.groupBy({ by: ['districtId'], where, _count: { _all: true } }),
    db.retailer.groupBy({ by: ['accountManagerId'], where, _count: { _all: true } }),
    db.retailer.findMany({ where, orderBy: { licenceNo: 'asc' }, take: 10, select: { id: true, licenceNo: true, shopName: true } }),
  ]);
  const [districts, managers] = await Promise.all([
    db.district.findMany({ where: { id: { in: byDistrict.map((d) => d.districtId) } }, select: { id: true, name: true, nameEn: true } }),
    db.staffUser.findMany({
      where: { id: { in: byManager.flatMap((m) => (m.accountManagerId ? [m.accountManagerId] : [])) } },
      select: { id: true, name: true },
    }),
  ]);
  return {
    count,
    byDistrict: byDistrict
      .map((d) => ({ district: districts.find((x) => x.id === d.districtId) ?? null, count: d._count._all }))
      .sort((a, b) => b.count - a.count),
    byManager: byManager
      .map((m) => ({ manager: managers.find((x) => x.id === m.accountManagerId) ?? null, count: m._count._all }))
      .sort((a, b) => b.count - a.count),
    sample,
  };
}

/**
 * Assigns every shop the filter matches (skipping those already with that manager). Saved only if the
 * count still matches the preview; one UPDATE and one INSERT of audit rows, whatever the number of shops.
 */
export async function bulkAssign({ db, actor, clock }: StaffDeps, input: z.output<typeof ZBulkAssignInput>) {
  return db.$transaction(
    async (tx) => {
      if (input.accountManagerId !== null) await assertManager(tx, input.accountManagerId);
      const where: Prisma.RetailerWhereInput = {
        AND: [
          retailerFilterWhere(input.filter),
          input.accountManagerId === null
            ? { NOT: { accountManagerId: null } }
            : { OR: [{ accountManagerId: null }, { NOT: { accountManagerId: input.accountManagerId } }] },
        ],
      };
      const targets = await tx.retailer.findMany({ where, select: { id: true, accountManagerId: true } });
      if (targets.length !== input.expectedCount)
        throw new DomainError('CONFLICT', 'admin.assign.error.changedSincePreview', { count: targets.length });
      if (targets.length === 0) return { count: 0 };
      // One statement with an array parameter: an `in` list of a province's shops would exceed the parameter limit.
      const ids = targets.map((t) => t.id);
      await tx.$executeRaw`UPDATE "Retailer" SET "accountManagerId" = ${input.accountManagerId}, "updatedAt" = ${clock().toISOString()}::timestamptz AT TIME ZONE 'UTC' WHERE id = ANY(${ids}::int[])`;
      await writeAuditMany(tx, {
        actorStaffId: actor.userId,
        action: 'retailer.assign',
        entityType: 'Retailer',
        rows: targets.map((t) => ({
          entityId: t.id,
          before: { accountManagerId: t.accountManagerId },
          after: { accountManagerId: input.accountManagerId },
        })),
      });
      return { count: targets.length };
    },
    { timeout: 60_000 },
  );
}

/** A leaving manager's shops, all of them, to another manager. */
export async function moveManagerRetailers(deps: StaffDeps, input: z.output<typeof ZMoveManagerInput>) {
  const from = await deps.db.staffUser.findUnique({ where: { id: input.fromManagerId }, select: { id: true } });
  if (!from) throw notFound();
  return bulkAssign(deps, {
    filter: { accountManagerId: input.fromManagerId },
    accountManagerId: input.toManagerId,
    expectedCount: input.expectedCount,
  });
}

// ---------------------------------------------------------------- CSV import

async function importLookups(db: DbTx, licences: string[]): Promise<ImportLookups> {
  const [districts, managers, existing] = await Promise.all([
    db.district.findMany({ where: { active: true }, select: { id: true, code: true, name: true } }),
    db.staffUser.findMany({ where: { active: true, roles: { some: { role: 'ACCOUNT_MANAGER' } } }, select: { id: true, username: true } }),
    // Login names too: a clerk login could already hold the licence number as its name.
    Promise.all([
      db.retailer.findMany({ where: { licenceNo: { in: licences } }, select: { licenceNo: true } }),
      db.retailerLogin.findMany({ where: { loginName: { in: licences } }, select: { loginName: true } }),
    ]),
  ]);
  const byName = new Map<string, number>();
  for (const d of districts) {
    byName.set(d.code, d.id);
    byName.set(d.name, d.id);
  }
  return {
    districts: byName,
    managers: new Map(managers.map((m) => [m.username, m.id])),
    existingLicences: new Set([...existing[0].map((r) => r.licenceNo), ...existing[1].map((l) => l.loginName)]),
  };
}

/**
 * Checks retailer rows from an import file (imports/imports.retailers.ts), each with its line, against the
 * rules and the database: valid rows with their ids resolved, and every problem with its line.
 */
export async function checkRetailerRows(db: DbTx, rows: readonly { line: number; cells: Record<string, string> }[]) {
  const licences = rows.map((r) => r.cells.licenceNo ?? '').filter((l) => /^\d{12}$/.test(l));
  const lookups = await importLookups(db, licences);
  const table = rows.map((r) => IMPORT_FIELDS.map((field) => r.cells[field] ?? ''));
  // The rules number rows from `firstLine`; 0 makes that number the row's index here.
  const { valid, errors } = validateImportRows(IMPORT_FIELDS, table, lookups, 0);
  return {
    valid: valid.map((v) => ({ ...v, line: rows[v.line]!.line })),
    errors: errors.map((e) => ({ ...e, line: rows[e.line]!.line })),
  };
}

/**
 * Creates imported retailers, their owner logins (no password until an administrator issues one) and an
 * audit row per shop, inside the caller's transaction.
 */
export async function createImportedRetailers(tx: DbTx, rows: readonly ImportRow[], actorStaffId: number, now: Date): Promise<number> {
  const openedOn = DAY(chinaDate(now));
  const initialGrades = await getSetting(tx, 'grading.initialGrades');
  const created = await tx.retailer.createManyAndReturn({
    data: rows.map((row) => ({
      licenceNo: row.licenceNo,
      shopName: row.shopName,
      ownerName: row.ownerName,
      contactName: row.contactName,
      phone: row.phone,
      address: row.address,
      districtId: row.districtId,
      market: row.market,
      businessForm: row.businessForm,
      sizeClass: row.sizeClass,
      classificationCode: `${row.market}${row.businessForm}${row.sizeClass}`,
      shopAreaM2: row.shopAreaM2,
      orderWeekday: row.orderWeekday,
      integrityLevel: row.integrityLevel,
      accountManagerId: row.accountManagerId,
      grade: initialGrade(initialGrades, row.businessForm, row.market, row.shopAreaM2),
      openedOn,
    })),
    select: { id: true, licenceNo: true, ownerName: true },
  });
  await tx.retailerLogin.createMany({
    data: created.map((r) => ({
      retailerId: r.id,
      loginName: r.licenceNo,
      role: 'OWNER' as const,
      displayName: r.ownerName,
      passwordHash: NO_PASSWORD,
    })),
  });
  await writeAuditMany(tx, {
    actorStaffId,
    action: 'retailer.import',
    entityType: 'Retailer',
    rows: created.map((r) => ({ entityId: r.id, before: null, after: { licenceNo: r.licenceNo } })),
  });
  return created.length;
}

// ---------------------------------------------------------------- export

const EXPORT_BATCH = 1000;

const EXPORT_SELECT = {
  id: true,
  licenceNo: true,
  shopName: true,
  ownerName: true,
  contactName: true,
  phone: true,
  address: true,
  market: true,
  businessForm: true,
  sizeClass: true,
  shopAreaM2: true,
  orderWeekday: true,
  integrityLevel: true,
  grade: true,
  status: true,
  district: { select: { code: true, name: true } },
  accountManager: { select: { username: true, name: true } },
} satisfies Prisma.RetailerSelect;

export type ExportRow = Prisma.RetailerGetPayload<{ select: typeof EXPORT_SELECT }>;

/** The filtered list in batches by id (keyset), so an export of any size streams in constant memory. */
export async function* exportRetailerAccounts({ db }: StaffDeps, filter: TRetailerFilter) {
  const where = retailerFilterWhere(filter);
  let after = 0;
  for (;;) {
    const batch = await db.retailer.findMany({
      where: { AND: [where, { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: EXPORT_BATCH,
      select: EXPORT_SELECT,
    });
    if (batch.length === 0) return;
    yield batch;
    after = batch.at(-1)!.id;
    if (batch.length < EXPORT_BATCH) return;
  }
}
