import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { signInRetailer } from '@tobacco/auth/sign-in';
import { createDistrict, createRetailer, createStaff, testDb, uniqueNumber } from '@tobacco/db/testing';
import { backofficeCallerFor, signedIn, staffActor } from '../testing/callers';
import { applyChecked, uploadAndCheck } from '../testing/imports';
import { createContext } from '../trpc/context';
import { exportRetailers } from './retailer-export';
import { CSV_HEADERS, IMPORT_FIELDS, parseCsv } from './retailer-import.rules';

const db = testDb();
let passwordHash: string;
let admin: Awaited<ReturnType<typeof createStaff>>;
let district: Awaited<ReturnType<typeof createDistrict>>;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  admin = await createStaff(db, { roles: ['ADMIN'], passwordHash });
  district = await createDistrict(db);
});

const caller = () => backofficeCallerFor(db, staffActor(admin));
const licence = () => String(800_000_000_000 + uniqueNumber()).slice(0, 12);

function newShop(overrides: Record<string, unknown> = {}) {
  return {
    licenceNo: licence(),
    shopName: '测试新店',
    ownerName: '李四',
    contactName: '',
    phone: '13700000000',
    address: '测试路 9 号',
    districtId: district.id,
    market: 'X' as const,
    businessForm: 'Z' as const,
    sizeClass: 3,
    shopAreaM2: 20,
    orderWeekday: 2,
    integrityLevel: 'A' as const,
    accountManagerId: null,
    ...overrides,
  };
}

describe('retailer records and logins', () => {
  it('creates a shop with its owner login, an initial grade and an audit row; the owner signs in with the temporary password', async () => {
    const input = newShop();
    const created = await caller().admin.retailers.create(input);
    const shop = await db.retailer.findUniqueOrThrow({ where: { id: created.id }, include: { logins: true } });
    expect(shop).toMatchObject({ licenceNo: input.licenceNo, classificationCode: 'XZ3', status: 'ACTIVE', orderWeekday: 2 });
    expect(shop.grade).toBeGreaterThanOrEqual(1);
    expect(shop.logins).toMatchObject([{ loginName: input.licenceNo, role: 'OWNER' }]);
    expect((await signInRetailer(db, { loginName: input.licenceNo, password: created.temporaryPassword })).ok).toBe(true);
    expect(await db.auditLog.count({ where: { entityType: 'Retailer', entityId: String(created.id), action: 'retailer.create' } })).toBe(1);
    await expect(caller().admin.retailers.create(input)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(caller().admin.retailers.create({ ...newShop(), licenceNo: '12345' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a suspended or cancelled shop cannot sign in, says so, and its open session stops at the next request', async () => {
    const shop = await createRetailer(db, { districtId: district.id, passwordHash });
    const session = await signedIn(db, {
      kind: 'retailer' as const,
      loginId: shop.logins[0]!.id,
      retailerId: shop.id,
      sessionVersion: 0,
      name: shop.shopName,
    });
    expect((await createContext({ db, sessionUser: session })).actor).not.toBeNull();
    await caller().admin.retailers.setStatus({ id: shop.id, status: 'SUSPENDED', reason: '违规经营暂停' });
    expect(await signInRetailer(db, { loginName: shop.licenceNo, password: 'irrelevant-1' })).toEqual({ ok: false, reason: 'SUSPENDED' });
    expect((await createContext({ db, sessionUser: session })).actor).toBeNull();
    await caller().admin.retailers.setStatus({ id: shop.id, status: 'CANCELLED', reason: '注销' });
    expect(await signInRetailer(db, { loginName: shop.licenceNo, password: 'irrelevant-1' })).toEqual({ ok: false, reason: 'SUSPENDED' });
    // Someone without the password learns nothing about the shop's status.
    expect(await signInRetailer(db, { loginName: shop.licenceNo, password: 'wrong-password-1' })).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIALS',
    });
    await caller().admin.retailers.setStatus({ id: shop.id, status: 'ACTIVE', reason: '恢复' });
    expect((await signInRetailer(db, { loginName: shop.licenceNo, password: 'irrelevant-1' })).ok).toBe(true);
    const audit = await db.auditLog.findMany({
      where: { entityType: 'Retailer', entityId: String(shop.id), action: 'retailer.status' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => (a.after as { status: string }).status)).toEqual(['SUSPENDED', 'CANCELLED', 'ACTIVE']);
  });

  it('adds, removes and restores a clerk login; the owner login cannot be removed', async () => {
    const shop = await createRetailer(db, { districtId: district.id, passwordHash });
    const clerk = await caller().admin.retailers.addClerk({ retailerId: shop.id, displayName: '店员小王' });
    expect(clerk.loginName).toBe(`${shop.licenceNo}-1`);
    const second = await caller().admin.retailers.addClerk({ retailerId: shop.id, displayName: '店员小张' });
    expect(second.loginName).toBe(`${shop.licenceNo}-2`);
    const signedIn = await signInRetailer(db, { loginName: clerk.loginName, password: clerk.temporaryPassword });
    expect(signedIn).toMatchObject({ ok: true, user: { retailerId: shop.id } });

    await caller().admin.retailers.setLoginActive({ loginId: clerk.id, active: false });
    expect(await signInRetailer(db, { loginName: clerk.loginName, password: clerk.temporaryPassword })).toMatchObject({
      ok: false,
      reason: 'INACTIVE',
    });
    await caller().admin.retailers.setLoginActive({ loginId: clerk.id, active: true });
    await expect(caller().admin.retailers.setLoginActive({ loginId: shop.logins[0]!.id, active: false })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });

    const reset = await caller().admin.retailers.resetLoginPassword({ loginId: shop.logins[0]!.id });
    expect((await signInRetailer(db, { loginName: shop.licenceNo, password: 'irrelevant-1' })).ok).toBe(false);
    expect((await signInRetailer(db, { loginName: shop.licenceNo, password: reset.temporaryPassword })).ok).toBe(true);

    await db.retailerLogin.update({ where: { id: clerk.id }, data: { lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 5 } });
    expect((await caller().admin.retailers.get({ id: shop.id })).logins.find((l) => l.id === clerk.id)).toMatchObject({ locked: true });
    await caller().admin.retailers.unlockLogin({ loginId: clerk.id });
    expect((await signInRetailer(db, { loginName: clerk.loginName, password: clerk.temporaryPassword })).ok).toBe(true);
  });

  it('edits a record without touching its account manager', async () => {
    const manager = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    const shop = await createRetailer(db, { districtId: district.id, passwordHash, accountManagerId: manager.id });
    const {
      licenceNo: _l,
      accountManagerId: _m,
      ...fields
    } = newShop({ shopName: '改名后的店', market: 'C', businessForm: 'S', sizeClass: 1 });
    await caller().admin.retailers.update({ id: shop.id, ...fields });
    expect(await db.retailer.findUnique({ where: { id: shop.id } })).toMatchObject({
      shopName: '改名后的店',
      classificationCode: 'CS1',
      accountManagerId: manager.id,
    });
    await expect(caller().admin.retailers.update({ id: 999_999_999, ...fields })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('account-manager assignment', () => {
  it('assigns one shop, then a filtered set in bulk after a preview, with an audit row per shop', async () => {
    const m1 = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    const m2 = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    const own = await createDistrict(db);
    const shops = [];
    for (let i = 0; i < 4; i += 1) shops.push(await createRetailer(db, { districtId: own.id, passwordHash }));

    await caller().admin.retailers.assign({ retailerId: shops[0]!.id, accountManagerId: m1.id });
    expect((await db.retailer.findUnique({ where: { id: shops[0]!.id } }))?.accountManagerId).toBe(m1.id);
    const agent = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    await expect(caller().admin.retailers.assign({ retailerId: shops[0]!.id, accountManagerId: agent.id })).rejects.toMatchObject({
      cause: { messageKey: 'admin.assign.error.notAManager' },
    });

    const filter = { districtId: own.id };
    const preview = await caller().admin.retailers.previewBulkAssign({ filter, accountManagerId: m1.id });
    expect(preview.count).toBe(3);
    expect(preview.byManager).toEqual([{ manager: null, count: 3 }]);
    await expect(caller().admin.retailers.bulkAssign({ filter, accountManagerId: m1.id, expectedCount: 2 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await caller().admin.retailers.bulkAssign({ filter, accountManagerId: m1.id, expectedCount: 3 })).count).toBe(3);
    expect(await db.retailer.count({ where: { districtId: own.id, accountManagerId: m1.id } })).toBe(4);
    expect(
      await db.auditLog.count({
        where: { entityType: 'Retailer', action: 'retailer.assign', entityId: { in: shops.map((s) => String(s.id)) } },
      }),
    ).toBe(4);

    // The leaving manager's shops, all of them, to another manager.
    const move = await caller().admin.retailers.previewMove({ fromManagerId: m1.id, toManagerId: m2.id });
    expect(move.count).toBe(4);
    expect((await caller().admin.retailers.move({ fromManagerId: m1.id, toManagerId: m2.id, expectedCount: 4 })).count).toBe(4);
    expect(await db.retailer.count({ where: { accountManagerId: m1.id } })).toBe(0);
    expect(await db.retailer.count({ where: { accountManagerId: m2.id } })).toBe(4);
    await expect(caller().admin.retailers.move({ fromManagerId: m2.id, toManagerId: m2.id, expectedCount: 4 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    // The new manager sees exactly those shops.
    const seen = await backofficeCallerFor(db, staffActor(m2)).retailers.list({ pageSize: 100 });
    expect(seen.items.map((r) => r.id).sort()).toEqual(shops.map((s) => s.id).sort());
  });
});

describe('retailer import (through the import framework)', () => {
  const header = IMPORT_FIELDS.map((f) => CSV_HEADERS[f]);
  const line = (licenceNo: string, districtName: string, manager = '') =>
    IMPORT_FIELDS.map(
      (f) =>
        ({
          licenceNo,
          shopName: '导入店',
          ownerName: '王五',
          contactName: '',
          phone: '13600000000',
          address: '导入路 1 号',
          district: districtName,
          market: '城镇',
          businessForm: '超市',
          sizeClass: '大',
          shopAreaM2: '300',
          orderWeekday: '星期五',
          integrityLevel: 'AAA',
          accountManager: manager,
        })[f],
    );

  it('reports every bad row and saves nothing; saves every row once all are valid', async () => {
    const manager = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    const existing = await createRetailer(db, { districtId: district.id, passwordHash });
    const [a, b] = [licence(), licence()];
    const bad = [
      line(a, district.name, manager.username),
      line('123', district.name),
      line(b, '不存在区'),
      line(a, district.name),
      line(existing.licenceNo, district.name),
    ];
    const csv = (rows: string[][]) => [header, ...rows].map((r) => r.join(',')).join('\r\n');
    const checked = await uploadAndCheck(db, staffActor(admin), { kind: 'RETAILERS', content: csv(bad) });
    const report = await caller().imports.errors({ id: checked.id });
    expect(report.items.map((e) => [e.line, e.code])).toEqual([
      [3, 'imports.error.licence'],
      [4, 'imports.error.unknownDistrict'],
      [5, 'imports.error.duplicateInFile'],
      [6, 'imports.error.licenceExists'],
    ]);
    expect(checked).toMatchObject({ status: 'CHECKED', totalRows: 5, validRows: 1, invalidRows: 4, errorCount: 4 });
    // All or nothing: a file with a bad row cannot be applied, not even its valid rows.
    await expect(caller().imports.confirm({ id: checked.id, validOnly: true })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: { messageKey: 'imports.errors.notAllValid' },
    });
    expect(await db.retailer.count({ where: { licenceNo: { in: [a, b] } } })).toBe(0);

    const good = await uploadAndCheck(db, staffActor(admin), {
      kind: 'RETAILERS',
      content: csv([line(a, district.name, manager.username), line(b, district.code)]),
    });
    expect(good).toMatchObject({ status: 'CHECKED', validRows: 2, invalidRows: 0 });
    expect(await applyChecked(db, staffActor(admin), good.id)).toMatchObject({ status: 'APPLIED', appliedRows: 2 });
    const rows = await db.retailer.findMany({
      where: { licenceNo: { in: [a, b] } },
      include: { logins: true },
      orderBy: { licenceNo: 'asc' },
    });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.licenceNo === a)).toMatchObject({
      classificationCode: 'CS1',
      orderWeekday: 5,
      integrityLevel: 'AAA',
      accountManagerId: manager.id,
      districtId: district.id,
    });
    expect(rows.every((r) => r.logins.length === 1 && r.logins[0]!.loginName === r.licenceNo)).toBe(true);
    // No password until an administrator issues one.
    expect(await signInRetailer(db, { loginName: a, password: '!unset' })).toMatchObject({ ok: false });
    expect(await db.auditLog.count({ where: { action: 'retailer.import', entityId: { in: rows.map((r) => String(r.id)) } } })).toBe(2);
  });
});

describe('export', () => {
  it('streams the filtered list as CSV with the import’s columns, and refuses other roles', async () => {
    const own = await createDistrict(db);
    const shops = [
      await createRetailer(db, { districtId: own.id, passwordHash, shopName: '=危险,名字' }),
      await createRetailer(db, { districtId: own.id, passwordHash }),
    ];
    const text = await new Response(
      exportRetailers({ db, actor: staffActor(admin), clock: () => new Date() }, { districtId: own.id }, 'csv'),
    ).text();
    const rows = parseCsv(text);
    expect(rows[0]!.slice(0, IMPORT_FIELDS.length)).toEqual(IMPORT_FIELDS.map((f) => CSV_HEADERS[f]));
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(shops.map((s) => s.licenceNo).sort());
    expect(rows.slice(1).some((r) => r[1] === "'=危险,名字")).toBe(true);

    const xlsx = await new Response(
      exportRetailers({ db, actor: staffActor(admin), clock: () => new Date() }, { districtId: own.id }, 'xlsx'),
    ).arrayBuffer();
    // An .xlsx file is a zip: it starts with "PK".
    expect(new TextDecoder().decode(new Uint8Array(xlsx).slice(0, 2))).toBe('PK');

    const agent = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    expect(() => exportRetailers({ db, actor: staffActor(agent), clock: () => new Date() }, {}, 'csv')).toThrow();
    expect(() => exportRetailers({ db, actor: null, clock: () => new Date() }, {}, 'csv')).toThrow();
  });
});
