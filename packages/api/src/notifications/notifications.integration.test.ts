import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { portalCallerFor, retailerActor, staffActor } from '../testing/callers';

const db = testDb();
let passwordHash: string;
let districtId: number;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
});

async function shopWithInbox(count: number) {
  const shop = await createRetailer(db, { districtId, passwordHash });
  await db.notification.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      retailerId: shop.id,
      kind: 'SYSTEM' as const,
      messageKey: 'notifications.stored',
      params: { title: `消息${i}`, detail: '内容' },
      createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
    })),
  });
  return shop;
}

describe('notifications (portal inbox)', () => {
  it('lists newest first, paginated, with the unread count', async () => {
    const shop = await shopWithInbox(25);
    const caller = portalCallerFor(db, retailerActor(shop));
    const page1 = await caller.notifications.list({ pageSize: 20 });
    expect(page1.total).toBe(25);
    expect(page1.unread).toBe(25);
    expect(page1.items[0]!.params).toEqual({ title: '消息24', detail: '内容' });
    expect((await caller.notifications.list({ page: 2, pageSize: 20 })).items).toHaveLength(5);
    expect(await caller.notifications.unreadCount()).toBe(25);
  });

  it('marks one and then all read', async () => {
    const shop = await shopWithInbox(3);
    const caller = portalCallerFor(db, retailerActor(shop));
    const { items } = await caller.notifications.list({});
    await caller.notifications.markRead({ id: items[0]!.id });
    expect(await caller.notifications.unreadCount()).toBe(2);
    expect((await caller.notifications.list({ unreadOnly: true })).items.map((i) => i.id)).not.toContain(items[0]!.id);
    expect(await caller.notifications.markAllRead()).toEqual({ marked: 2 });
    expect(await caller.notifications.unreadCount()).toBe(0);
  });

  it('another shop’s notification is NOT_FOUND and stays unread; mark-all touches only mine', async () => {
    const mine = await shopWithInbox(1);
    const theirs = await shopWithInbox(2);
    const [their] = (await portalCallerFor(db, retailerActor(theirs)).notifications.list({})).items;
    const caller = portalCallerFor(db, retailerActor(mine));
    await expect(caller.notifications.markRead({ id: their!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await caller.notifications.markAllRead();
    expect(await portalCallerFor(db, retailerActor(theirs)).notifications.unreadCount()).toBe(2);
  });

  it('refuses staff and anonymous callers', async () => {
    const staff = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    await expect(portalCallerFor(db, staffActor(staff)).notifications.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(portalCallerFor(db, null).notifications.markAllRead()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('notices of a withdrawn promotion', () => {
  it('are marked withdrawn, so the inbox says so instead of linking to a page that is gone', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    const author = await createStaff(db, { roles: ['MARKETING'], passwordHash });
    const promotion = (state: 'LIVE' | 'WITHDRAWN') =>
      db.promotion.create({
        data: {
          title: `活动 ${state}`,
          body: '<p>x</p>',
          terms: 't',
          state,
          startsAt: new Date('2026-01-01T00:00:00Z'),
          endsAt: new Date('2099-01-01T00:00:00Z'),
          createdById: author.id,
          // Aimed at this shop alone: a promotion for everyone would reach other files' shops too.
          targetNamedList: true,
          listMembers: { create: [{ retailerId: shop.id }] },
        },
      });
    const [live, gone] = [await promotion('LIVE'), await promotion('WITHDRAWN')];
    await db.notification.createMany({
      data: [live, gone].map((p) => ({
        retailerId: shop.id,
        kind: 'PROMOTION' as const,
        messageKey: 'promotions.staff.notify.new',
        params: { title: p.title },
        link: `/promotions/${p.id}`,
      })),
    });
    const { items } = await portalCallerFor(db, retailerActor(shop)).notifications.list({});
    expect(Object.fromEntries(items.map((n) => [n.link, n.withdrawn]))).toEqual({
      [`/promotions/${live.id}`]: false,
      [`/promotions/${gone.id}`]: true,
    });
  });
});
