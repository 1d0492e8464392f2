import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createStaff, testDb } from '@tobacco/db/testing';
import { backofficeCallerFor, staffActor } from '../testing/callers';
import { getSettings } from './settings.service';

const db = testDb();
let admin: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  admin = await createStaff(db, { roles: ['ADMIN'], passwordHash: await hashPassword('irrelevant-1') });
});

// Settings are global: these tests change only settings no other area reads yet, and put them back.
describe('settings', () => {
  it('lists every setting in its group with its value and default', async () => {
    const groups = await backofficeCallerFor(db, staffActor(admin)).admin.settings.list();
    const item = groups.flatMap((g) => g.items).find((i) => i.key === 'complaints.acceptWorkingDays');
    expect(item).toMatchObject({ value: 1, default: 1 });
    expect(groups.map((g) => g.group)).toContain('anomalies');
  });

  it('saves changed values with who and when, and an audit row with the values before and after', async () => {
    const caller = backofficeCallerFor(db, staffActor(admin));
    try {
      const result = await caller.admin.settings.update({
        values: { 'anomalies.priceSpikeRatio': 2.5, 'anomalies.largeRetailerMonthly': 1000 },
      });
      // The second is unchanged (the default), so only the first is written.
      expect(result.changed).toEqual(['anomalies.priceSpikeRatio']);
      expect(await getSettings(db, ['anomalies.priceSpikeRatio'])).toEqual({ 'anomalies.priceSpikeRatio': 2.5 });
      expect(await db.setting.findUnique({ where: { key: 'anomalies.priceSpikeRatio' } })).toMatchObject({ updatedById: admin.id });
      const audit = await db.auditLog.findFirstOrThrow({
        where: { entityType: 'Setting', entityId: 'anomalies.priceSpikeRatio' },
        orderBy: { id: 'desc' },
      });
      expect(audit).toMatchObject({ action: 'settings.update', actorStaffId: admin.id, before: 2, after: 2.5 });
    } finally {
      await caller.admin.settings.update({ values: { 'anomalies.priceSpikeRatio': 2 } });
    }
  });

  it('refuses a bad value, an unknown key or business hours that end before they start, saving nothing', async () => {
    const caller = backofficeCallerFor(db, staffActor(admin));
    const before = await db.auditLog.count({ where: { entityType: 'Setting' } });
    await expect(
      caller.admin.settings.update({ values: { 'anomalies.priceSpikeRatio': 0, 'visits.frequencyMatrix': [] } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { messageKey: 'admin.settings.error.invalid' },
    });
    await expect(caller.admin.settings.update({ values: { 'no.such.setting': 1 } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.admin.settings.update({ values: { 'complaints.businessHoursEnd': '08:00' } })).rejects.toMatchObject({
      cause: { messageKey: 'admin.settings.error.businessHours' },
    });
    expect(await db.auditLog.count({ where: { entityType: 'Setting' } })).toBe(before);
    expect((await getSettings(db, ['complaints.businessHoursEnd']))['complaints.businessHoursEnd']).toBe('17:30');
  });
});
