import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import type { Locale } from '@tobacco/i18n/locale';
import { translate } from '@tobacco/i18n/messages';
import { renderNotice, type StoredNotice } from '@tobacco/i18n/stored';
import { backofficeCallerFor, staffActor } from '../testing/callers';

/** A stored notice as its reader sees it. */
const notice = (row: StoredNotice, locale: Locale) => renderNotice((key, params) => translate(locale, key, params), locale, row);

const db = testDb();
let passwordHash: string;
let districtId: number;
let manager: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  manager = await createStaff(db, { roles: ['MANAGER'], passwordHash });
});

// A request as the portal files it (retailers/change-requests.service.ts): requested values and the ones they replace.
async function fileRequest(changes: Record<string, string>) {
  const shop = await createRetailer(db, { districtId, passwordHash, phone: '13911112222' });
  const previous = Object.fromEntries(Object.keys(changes).map((field) => [field, (shop as Record<string, unknown>)[field] ?? null]));
  const request = await db.changeRequest.create({
    data: { retailerId: shop.id, requestedByLoginId: shop.logins[0]!.id, changes, previous, reason: '搬店' },
  });
  return { shop, request };
}

describe('contact-detail change requests', () => {
  it('lists pending requests with what changes, oldest first', async () => {
    const { shop, request } = await fileRequest({ phone: '13800009999', contactName: '新联系人' });
    const list = await backofficeCallerFor(db, staffActor(manager)).admin.changeRequests.list({});
    const item = list.items.find((i) => i.id === request.id);
    expect(item).toMatchObject({
      retailer: { id: shop.id, licenceNo: shop.licenceNo },
      requestedBy: { kind: 'retailer' },
      fields: [
        { field: 'phone', previous: '13911112222', requested: '13800009999', current: '13911112222', changedSince: false },
        { field: 'contactName', previous: null, requested: '新联系人', current: null, changedSince: false },
      ],
    });
  });

  it('approving applies the change, writes the audit row and tells the shop, once', async () => {
    const { shop, request } = await fileRequest({ phone: '13800001234', address: '新地址 8 号' });
    const caller = backofficeCallerFor(db, staffActor(manager));
    expect(await caller.admin.changeRequests.approve({ id: request.id, note: '已核实' })).toEqual({ id: request.id, state: 'APPROVED' });

    expect(await db.retailer.findUnique({ where: { id: shop.id } })).toMatchObject({ phone: '13800001234', address: '新地址 8 号' });
    expect(await db.changeRequest.findUnique({ where: { id: request.id } })).toMatchObject({
      state: 'APPROVED',
      decidedById: manager.id,
      decisionNote: '已核实',
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: 'Retailer', entityId: String(shop.id), action: 'changeRequest.approve' },
    });
    expect(audit).toMatchObject({
      actorStaffId: manager.id,
      before: { phone: '13911112222', address: shop.address },
      after: { phone: '13800001234', address: '新地址 8 号', changeRequestId: request.id },
    });
    const inbox = await db.notification.findMany({ where: { retailerId: shop.id } });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: 'CHANGE_REQUEST_DECIDED', link: '/profile' });
    expect(notice(inbox[0]!, 'en').body).toContain('phone');
    expect(notice(inbox[0]!, 'zh-CN').body).toContain('电话');

    await expect(caller.admin.changeRequests.approve({ id: request.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(caller.admin.changeRequests.reject({ id: request.id, note: 'x' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await db.notification.count({ where: { retailerId: shop.id } })).toBe(1);
  });

  it('rejecting needs a reason, leaves the record alone and tells the shop why', async () => {
    const { shop, request } = await fileRequest({ phone: '13800005678' });
    const caller = backofficeCallerFor(db, staffActor(manager));
    await expect(caller.admin.changeRequests.reject({ id: request.id, note: ' ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await caller.admin.changeRequests.reject({ id: request.id, note: '号码无法接通' });
    expect(await db.retailer.findUnique({ where: { id: shop.id } })).toMatchObject({ phone: '13911112222' });
    expect(await db.changeRequest.findUnique({ where: { id: request.id } })).toMatchObject({ state: 'REJECTED' });
    const [row] = await db.notification.findMany({ where: { retailerId: shop.id } });
    expect(notice(row!, 'en')).toMatchObject({ title: 'Detail change not approved', body: expect.stringContaining('号码无法接通') });
  });

  it('answers NOT_FOUND for an unknown request and FORBIDDEN to roles that do not approve', async () => {
    const { request } = await fileRequest({ phone: '13800000001' });
    await expect(backofficeCallerFor(db, staffActor(manager)).admin.changeRequests.approve({ id: 999_999_999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const accountManager = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    await expect(
      backofficeCallerFor(db, staffActor(accountManager)).admin.changeRequests.approve({ id: request.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.changeRequest.findUnique({ where: { id: request.id } })).toMatchObject({ state: 'PENDING' });
  });
});
