import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { backofficeCallerFor, retailerActor, staffActor } from '../testing/callers';
import { writeAudit } from './audit.service';
import { AUDIT_PAGE_SIZE } from './audit.staff.schema';

const db = testDb();
type Staff = Awaited<ReturnType<typeof createStaff>>;
let admin: Staff;
let marketing: Staff;
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  [admin, marketing] = await Promise.all([
    createStaff(db, { roles: ['ADMIN'], passwordHash }),
    createStaff(db, { roles: ['MARKETING'], passwordHash }),
  ]);
});

describe('writeAudit', () => {
  it('records a staff member, a retailer login or the system, with JSON before and after', async () => {
    const district = await createDistrict(db);
    const shop = await createRetailer(db, { districtId: district.id, passwordHash });
    const entity = `T${Date.now()}`;
    await db.$transaction(async (tx) => {
      await writeAudit(tx, {
        actor: staffActor(marketing),
        action: 'test.staff',
        entityType: entity,
        entityId: 1,
        before: { at: new Date('2060-01-01T00:00:00Z') },
        after: { big: 10n },
      });
      await writeAudit(tx, { actor: retailerActor(shop), action: 'test.retailer', entityType: entity, entityId: '2' });
      await writeAudit(tx, { actor: null, action: 'test.system', entityType: entity, entityId: 3n });
    });
    const rows = await db.auditLog.findMany({ where: { entityType: entity }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.action, r.actorStaffId, r.actorLoginId, r.entityId])).toEqual([
      ['test.staff', marketing.id, null, '1'],
      ['test.retailer', null, shop.logins[0]!.id, '2'],
      ['test.system', null, null, '3'],
    ]);
    expect(rows[0]).toMatchObject({ before: { at: '2060-01-01T00:00:00.000Z' }, after: { big: '10' } });
    expect(rows[1]!.before).toBeNull();
  });

  it('rolls back with the change it records', async () => {
    const entity = `R${Date.now()}`;
    await expect(
      db.$transaction(async (tx) => {
        await writeAudit(tx, { actor: staffActor(admin), action: 'test.rollback', entityType: entity, entityId: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.auditLog.count({ where: { entityType: entity } })).toBe(0);
  });
});

describe('audit.list', () => {
  it('filters by user, entity, action and date, newest first, paginated on the server', async () => {
    const entity = `L${Date.now()}`;
    const someone = await createStaff(db, { roles: ['MARKETING'], passwordHash });
    await db.auditLog.createMany({
      data: [
        ...Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, i) => ({
          actorStaffId: someone.id,
          action: 'thing.update',
          entityType: entity,
          entityId: String(i),
          createdAt: new Date(Date.UTC(2061, 0, 10, 2, i)),
        })),
        {
          actorStaffId: someone.id,
          action: 'thing.approve',
          entityType: entity,
          entityId: '7',
          createdAt: new Date('2061-01-12T02:00:00Z'),
        },
        // 23:30 on 12 January in UTC is 13 January in China.
        { actorStaffId: admin.id, action: 'thing.approve', entityType: entity, entityId: '8', createdAt: new Date('2061-01-12T23:30:00Z') },
      ],
    });
    const api = backofficeCallerFor(db, staffActor(admin));
    const page1 = await api.audit.list({ entityType: entity });
    expect(page1.total).toBe(AUDIT_PAGE_SIZE + 5);
    expect(page1.items).toHaveLength(AUDIT_PAGE_SIZE);
    expect(page1.items[0]).toMatchObject({ entityId: '8', action: 'thing.approve', staffName: admin.name });
    expect(page1.pages).toBe(2);
    expect((await api.audit.list({ entityType: entity, page: 2 })).items).toHaveLength(5);
    expect((await api.audit.list({ entityType: entity, actorStaffId: admin.id })).total).toBe(1);
    expect((await api.audit.list({ entityType: entity, action: 'thing.approve' })).total).toBe(2);
    expect((await api.audit.list({ entityType: entity, action: 'thing.' })).total).toBe(AUDIT_PAGE_SIZE + 5);
    expect((await api.audit.list({ entityType: entity, entityId: '7' })).total).toBe(2);
    expect((await api.audit.list({ entityType: entity, from: '2061-01-12', to: '2061-01-12' })).items.map((i) => i.entityId)).toEqual([
      '7',
    ]);
    expect((await api.audit.list({ entityType: entity, from: '2061-01-13' })).items.map((i) => i.entityId)).toEqual(['8']);
    const options = await api.audit.filterOptions();
    expect(options.entityTypes).toContain(entity);
    expect(options.staff.map((s) => s.id)).toContain(someone.id);
  });

  it('is for administrators only', async () => {
    await expect(backofficeCallerFor(db, staffActor(marketing)).audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, null).audit.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const district = await createDistrict(db);
    const shop = await createRetailer(db, { districtId: district.id, passwordHash });
    await expect(backofficeCallerFor(db, retailerActor(shop)).audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, staffActor(admin)).audit.list({ from: '2061-13-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
