import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, testDb } from '@tobacco/db/testing';
import { findJob } from '../jobs/jobs.service';
import { portalCallerFor, retailerActor } from '../testing/callers';
import { sendGreetings } from './care.jobs';

const db = testDb();
let passwordHash: string;
let districtId: number;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
});

// 28 February 2031 (no 29th that year), 08:00 in China.
const feb28 = new Date('2031-02-28T00:00:00Z');

async function shop(data: { ownerBirthday?: Date; openedOn?: Date; greetingsOptOut?: boolean }) {
  const s = await createRetailer(db, { districtId, passwordHash });
  await db.retailer.update({ where: { id: s.id }, data });
  return s;
}

describe('birthday and anniversary greetings', () => {
  it('greets 29 February birthdays on 28 February, anniversaries with their years, once a year, and not shops that opted out', async () => {
    const leapling = await shop({ ownerBirthday: new Date('1984-02-29') });
    const opened = await shop({ openedOn: new Date('2021-02-28') });
    const declined = await shop({ ownerBirthday: new Date('1990-02-28'), greetingsOptOut: true });
    const other = await shop({ ownerBirthday: new Date('1990-03-01') });
    await sendGreetings(db, feb28);
    await sendGreetings(db, feb28);
    const notices = await db.notification.findMany({
      where: { retailerId: { in: [leapling.id, opened.id, declined.id, other.id] }, kind: 'GREETING' },
      select: { retailerId: true, messageKey: true, params: true },
    });
    expect(notices).toHaveLength(2);
    expect(notices.find((n) => n.retailerId === leapling.id)).toMatchObject({ messageKey: 'care.birthday' });
    expect(notices.find((n) => n.retailerId === opened.id)).toMatchObject({ messageKey: 'care.anniversary', params: { years: 10 } });
    expect(await db.greeting.count({ where: { retailerId: leapling.id, year: 2031 } })).toBe(1);
  });

  it('queues the SMS a shop chose for greetings, with its job, and grants the points of the setting', async () => {
    const s = await shop({ ownerBirthday: new Date('1975-02-28') });
    await portalCallerFor(db, retailerActor(s)).channels.update({
      greetings: true,
      preferences: [{ kind: 'GREETING', sms: true, wechat: false }],
    });
    await db.setting.upsert({
      where: { key: 'notifications.greetingPoints' },
      create: { key: 'notifications.greetingPoints', value: 50 },
      update: { value: 50 },
    });
    try {
      await sendGreetings(db, new Date('2032-02-28T00:00:00Z'));
    } finally {
      await db.setting.delete({ where: { key: 'notifications.greetingPoints' } });
    }
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { retailerId: s.id } });
    expect(delivery).toMatchObject({ channel: 'SMS', kind: 'GREETING', status: 'QUEUED', messageKey: 'care.birthday' });
    expect(await findJob(db, `delivery:${delivery.id}`)).toMatchObject({ payload: { deliveryId: delivery.id } });
    const after = await db.retailer.findUniqueOrThrow({ where: { id: s.id }, select: { pointsBalance: true } });
    expect(after.pointsBalance).toBe(50);
    expect(await db.pointsEntry.findFirst({ where: { retailerId: s.id } })).toMatchObject({ points: 50, balanceAfter: 50 });
  });
});
