import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';

const db = testDb();

let passwordHash: string;
let districtA: number;
let districtB: number;
let manager1: Awaited<ReturnType<typeof createStaff>>;
let manager2: Awaited<ReturnType<typeof createStaff>>;
let agent: Awaited<ReturnType<typeof createStaff>>;
const owner = `搜索测试${Date.now()}`;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtA = (await createDistrict(db)).id;
  districtB = (await createDistrict(db)).id;
  manager1 = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash, districtId: districtA });
  manager2 = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash, districtId: districtB });
  agent = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
  // 25 shops of manager 1 in district A (grades 1..25), 5 of manager 2 in district B, all owned by `owner…`
  for (let i = 1; i <= 25; i += 1) {
    await createRetailer(db, { districtId: districtA, passwordHash, accountManagerId: manager1.id, grade: i, ownerName: `${owner}甲${i}` });
  }
  for (let i = 1; i <= 5; i += 1) {
    await createRetailer(db, {
      districtId: districtB,
      passwordHash,
      accountManagerId: manager2.id,
      grade: 30,
      ownerName: `${owner}乙${i}`,
    });
  }
});

describe('retailers.list (back office)', () => {
  it('searches by name and paginates on the server', async () => {
    const caller = backofficeCallerFor(db, staffActor(agent));
    const page1 = await caller.retailers.list({ q: owner, pageSize: 20 });
    expect(page1.total).toBe(30);
    expect(page1.items).toHaveLength(20);
    expect(page1.pages).toBe(2);
    const page2 = await caller.retailers.list({ q: owner, pageSize: 20, page: 2 });
    expect(page2.items).toHaveLength(10);
    const ids = new Set([...page1.items, ...page2.items].map((r) => r.id));
    expect(ids.size).toBe(30);
  });

  it('finds a shop by licence number and by phone', async () => {
    const shop = await createRetailer(db, { districtId: districtA, passwordHash, phone: '13712345678' });
    const caller = backofficeCallerFor(db, staffActor(agent));
    const byLicence = await caller.retailers.list({ q: shop.licenceNo });
    expect(byLicence.items.map((r) => r.id)).toEqual([shop.id]);
    const byPhone = await caller.retailers.list({ q: '13712345678' });
    expect(byPhone.items.map((r) => r.id)).toContain(shop.id);
  });

  it('filters by district, grade and account manager together', async () => {
    const caller = backofficeCallerFor(db, staffActor(agent));
    expect((await caller.retailers.list({ q: owner, districtId: districtB })).total).toBe(5);
    expect((await caller.retailers.list({ q: owner, grade: 7 })).items.map((r) => r.grade)).toEqual([7]);
    expect((await caller.retailers.list({ q: owner, accountManagerId: manager1.id, districtId: districtB })).total).toBe(0);
  });

  it('shows an account manager only their own retailers, whatever the filters ask for', async () => {
    const caller = backofficeCallerFor(db, staffActor(manager1));
    expect((await caller.retailers.list({ q: owner })).total).toBe(25);
    expect((await caller.retailers.list({ q: owner, accountManagerId: manager2.id })).total).toBe(0);
    expect((await caller.retailers.list({ q: owner, districtId: districtB })).total).toBe(0);
    const options = await caller.retailers.filterOptions();
    expect(options.accountManagers.map((m) => m.id)).toEqual([manager1.id]);
  });

  it('refuses bad input with a validation error and no query', async () => {
    const caller = backofficeCallerFor(db, staffActor(agent));
    await expect(caller.retailers.list({ pageSize: 7 as 20 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.retailers.list({ grade: 31 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses retailers and anonymous callers', async () => {
    const shop = await createRetailer(db, { districtId: districtA, passwordHash });
    await expect(backofficeCallerFor(db, retailerActor(shop)).retailers.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, null).retailers.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('retailers.shopCard (portal)', () => {
  it('shows the signed-in shop with its account manager', async () => {
    const shop = await createRetailer(db, {
      districtId: districtA,
      passwordHash,
      accountManagerId: manager1.id,
      grade: 24,
      integrityLevel: 'AA',
    });
    const card = await portalCallerFor(db, retailerActor(shop)).retailers.shopCard();
    expect(card).toMatchObject({
      id: shop.id,
      licenceNo: shop.licenceNo,
      grade: 24,
      integrityLevel: 'AA',
      accountManager: { name: manager1.name },
    });
  });

  it('never shows another shop: the card is always the caller’s own', async () => {
    const mine = await createRetailer(db, { districtId: districtA, passwordHash });
    const theirs = await createRetailer(db, { districtId: districtA, passwordHash });
    const card = await portalCallerFor(db, retailerActor(mine)).retailers.shopCard();
    expect(card.id).toBe(mine.id);
    expect(card.licenceNo).not.toBe(theirs.licenceNo);
  });

  it('refuses staff and anonymous callers', async () => {
    await expect(portalCallerFor(db, staffActor(agent)).retailers.shopCard()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(portalCallerFor(db, null).retailers.shopCard()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
