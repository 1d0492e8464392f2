import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { portalCallerFor, retailerActor, staffActor } from '../testing/callers';

const db = testDb();
let passwordHash: string;
let districtId: number;

beforeAll(async () => {
  passwordHash = await hashPassword('Current-pass1');
  districtId = (await createDistrict(db)).id;
});

describe('contact-detail change requests (portal)', () => {
  it('files a request as PENDING with the values it replaces, and leaves the shop unchanged', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash, phone: '13900000001' });
    const caller = portalCallerFor(db, retailerActor(shop));
    const request = await caller.retailers.requestChange({ phone: '13800000002', address: '', contactName: '王小明', reason: '换号' });
    expect(request.state).toBe('PENDING');
    expect(request.changes).toEqual({ phone: '13800000002', contactName: '王小明' });
    expect((await db.retailer.findUniqueOrThrow({ where: { id: shop.id } })).phone).toBe('13900000001');
    const list = await caller.retailers.changeRequests({});
    expect(list.items[0]).toMatchObject({ id: request.id, state: 'PENDING', previous: { phone: '13900000001', contactName: null } });
    expect(await db.auditLog.count({ where: { entityType: 'ChangeRequest', entityId: String(request.id) } })).toBe(1);
  });

  it('refuses a request that changes nothing, or a bad phone, and writes nothing', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash, phone: '13900000003' });
    const caller = portalCallerFor(db, retailerActor(shop));
    await expect(caller.retailers.requestChange({ phone: '13900000003' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { messageKey: 'retailers.changeRequest.nothingChanged' },
    });
    await expect(caller.retailers.requestChange({ phone: '12345' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.retailers.requestChange({})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.changeRequest.count({ where: { retailerId: shop.id } })).toBe(0);
  });

  it('withdraws my pending request; another shop’s id is NOT_FOUND; a decided one cannot be withdrawn', async () => {
    const mine = await createRetailer(db, { districtId, passwordHash });
    const theirs = await createRetailer(db, { districtId, passwordHash });
    const their = await portalCallerFor(db, retailerActor(theirs)).retailers.requestChange({ address: '新的地址一百号' });
    const caller = portalCallerFor(db, retailerActor(mine));
    await expect(caller.retailers.cancelChangeRequest({ id: their.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await caller.retailers.changeRequests({})).items).toEqual([]);
    const own = await caller.retailers.requestChange({ address: '我的新地址八号' });
    expect(await caller.retailers.cancelChangeRequest({ id: own.id })).toEqual({ id: own.id, state: 'CANCELLED' });
    await expect(caller.retailers.cancelChangeRequest({ id: own.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('refuses staff and anonymous callers', async () => {
    const staff = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    await expect(portalCallerFor(db, staffActor(staff)).retailers.changeRequests({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(portalCallerFor(db, null).retailers.requestChange({ phone: '13800000009' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('retailers.changePassword', () => {
  it('needs the current password and a strong new one; bumps the session version', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    const caller = portalCallerFor(db, retailerActor(shop));
    await expect(
      caller.retailers.changePassword({ currentPassword: 'wrong-pass1', newPassword: 'Newpass-2026', confirmPassword: 'Newpass-2026' }),
    ).rejects.toMatchObject({ cause: { messageKey: 'retailers.password.currentWrong' } });
    await expect(
      caller.retailers.changePassword({ currentPassword: 'Current-pass1', newPassword: 'short', confirmPassword: 'short' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.retailers.changePassword({ currentPassword: 'Current-pass1', newPassword: 'Newpass-2026', confirmPassword: 'Newpass-2027' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const before = await db.retailerLogin.findUniqueOrThrow({ where: { id: shop.logins[0]!.id } });
    const done = await caller.retailers.changePassword({
      currentPassword: 'Current-pass1',
      newPassword: 'Newpass-2026',
      confirmPassword: 'Newpass-2026',
    });
    const after = await db.retailerLogin.findUniqueOrThrow({ where: { id: shop.logins[0]!.id } });
    expect(done.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, 'Newpass-2026')).toBe(true);
  });

  it('shows my profile only', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash, shopName: '我的小店' });
    const profile = await portalCallerFor(db, retailerActor(shop)).retailers.profile();
    expect(profile.shop.shopName).toBe('我的小店');
    expect(profile.login.loginName).toBe(shop.licenceNo);
  });
});
