import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { backofficeCallerFor, staffActor } from '../testing/callers';

const db = testDb();
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
});

const figures = (sections: { figures: { id: string; value: number | null }[] }[]) =>
  Object.fromEntries(sections.flatMap((s) => s.figures.map((f) => [f.id, f.value])));

describe('the staff home', () => {
  it('shows each role the figures of its work, counted in SQL', async () => {
    const am = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    const districtId = (await createDistrict(db)).id;
    const mine = [
      await createRetailer(db, { districtId, passwordHash, accountManagerId: am.id }),
      await createRetailer(db, { districtId, passwordHash, accountManagerId: am.id }),
    ];
    await createRetailer(db, { districtId, passwordHash, accountManagerId: am.id, status: 'SUSPENDED' });
    await db.changeRequest.create({
      data: { retailerId: mine[0]!.id, changes: { phone: '13800000000' }, previous: { phone: mine[0]!.phone } },
    });

    const amHome = await backofficeCallerFor(db, staffActor(am)).admin.home();
    expect(amHome.map((s) => s.area)).toEqual(expect.arrayContaining(['complaints', 'changeRequests', 'retailers']));
    expect(figures(amHome)).toMatchObject({ 'retailers.mine': 2, 'changeRequests.mine': 1, 'complaints.shopsOpen': 0 });
    expect(figures(amHome)).not.toHaveProperty('changeRequests.pending');

    const manager = await createStaff(db, { roles: ['MANAGER'], passwordHash });
    const managerHome = figures(await backofficeCallerFor(db, staffActor(manager)).admin.home());
    expect(managerHome['changeRequests.pending']).toBeGreaterThanOrEqual(1);
    expect(managerHome).toHaveProperty('promotions.pending');
    expect(managerHome).toHaveProperty('surveys.index');
    expect(managerHome).toHaveProperty('grading.appealsPending');

    const agent = figures(
      await backofficeCallerFor(db, staffActor(await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash }))).admin.home(),
    );
    expect(Object.keys(agent).sort()).toEqual(['complaints.mine', 'complaints.myOverdue', 'complaints.unassigned']);

    const executive = await backofficeCallerFor(db, staffActor(await createStaff(db, { roles: ['EXECUTIVE'], passwordHash }))).admin.home();
    expect(executive.map((s) => s.area)).not.toContain('changeRequests');
    expect(figures(executive)).toHaveProperty('complaints.onTime');

    const admin = figures(
      await backofficeCallerFor(db, staffActor(await createStaff(db, { roles: ['ADMIN'], passwordHash }))).admin.home(),
    );
    expect(admin).toHaveProperty('admin.unconfirmedYears');
    expect(admin['admin.activeStaff']).toBeGreaterThanOrEqual(1);
  });
});
