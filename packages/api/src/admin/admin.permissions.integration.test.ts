import { beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRoleName } from '@tobacco/auth/permissions';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { backofficeCallerFor, retailerActor, staffActor } from '../testing/callers';

// Every administration procedure, called by every role: ADMIN gets past the permission check (the
// deliberately empty input then fails validation, so nothing changes), every other role is FORBIDDEN.
// The change-request queue is the manager's: there it is the other way round.

const db = testDb();
type Caller = ReturnType<typeof backofficeCallerFor>;
const bad = {} as never;

const ADMIN_PROCEDURES: [string, (c: Caller) => Promise<unknown>][] = [
  ['users.list', (c) => c.admin.users.list({})],
  ['users.get', (c) => c.admin.users.get(bad)],
  ['users.options', (c) => c.admin.users.options()],
  ['users.create', (c) => c.admin.users.create(bad)],
  ['users.update', (c) => c.admin.users.update(bad)],
  ['users.setActive', (c) => c.admin.users.setActive(bad)],
  ['users.resetPassword', (c) => c.admin.users.resetPassword(bad)],
  ['users.unlock', (c) => c.admin.users.unlock(bad)],
  ['settings.list', (c) => c.admin.settings.list()],
  ['settings.update', (c) => c.admin.settings.update(bad)],
  ['organisation.list', (c) => c.admin.organisation.list()],
  ['organisation.createDistrict', (c) => c.admin.organisation.createDistrict(bad)],
  ['organisation.updateDistrict', (c) => c.admin.organisation.updateDistrict(bad)],
  ['organisation.setDistrictActive', (c) => c.admin.organisation.setDistrictActive(bad)],
  ['organisation.createDepartment', (c) => c.admin.organisation.createDepartment(bad)],
  ['organisation.updateDepartment', (c) => c.admin.organisation.updateDepartment(bad)],
  ['organisation.setDepartmentActive', (c) => c.admin.organisation.setDepartmentActive(bad)],
  ['categories.list', (c) => c.admin.categories.list()],
  ['categories.create', (c) => c.admin.categories.create(bad)],
  ['categories.update', (c) => c.admin.categories.update(bad)],
  ['categories.setActive', (c) => c.admin.categories.setActive(bad)],
  ['calendar.year', (c) => c.admin.calendar.year({ year: 2091 })],
  ['calendar.previewDay', (c) => c.admin.calendar.previewDay(bad)],
  ['calendar.saveDay', (c) => c.admin.calendar.saveDay(bad)],
  ['calendar.previewImport', (c) => c.admin.calendar.previewImport(bad)],
  ['calendar.importYear', (c) => c.admin.calendar.importYear(bad)],
  ['calendar.confirmYear', (c) => c.admin.calendar.confirmYear(bad)],
  ['retailers.list', (c) => c.admin.retailers.list({ q: 'no-such-shop' })],
  ['retailers.get', (c) => c.admin.retailers.get(bad)],
  ['retailers.create', (c) => c.admin.retailers.create(bad)],
  ['retailers.update', (c) => c.admin.retailers.update(bad)],
  ['retailers.setStatus', (c) => c.admin.retailers.setStatus(bad)],
  ['retailers.addClerk', (c) => c.admin.retailers.addClerk(bad)],
  ['retailers.setLoginActive', (c) => c.admin.retailers.setLoginActive(bad)],
  ['retailers.resetLoginPassword', (c) => c.admin.retailers.resetLoginPassword(bad)],
  ['retailers.unlockLogin', (c) => c.admin.retailers.unlockLogin(bad)],
  ['retailers.assign', (c) => c.admin.retailers.assign(bad)],
  ['retailers.previewBulkAssign', (c) => c.admin.retailers.previewBulkAssign(bad)],
  ['retailers.bulkAssign', (c) => c.admin.retailers.bulkAssign(bad)],
  ['retailers.previewMove', (c) => c.admin.retailers.previewMove(bad)],
  ['retailers.move', (c) => c.admin.retailers.move(bad)],
];

const MANAGER_PROCEDURES: [string, (c: Caller) => Promise<unknown>][] = [
  ['changeRequests.list', (c) => c.admin.changeRequests.list({})],
  ['changeRequests.approve', (c) => c.admin.changeRequests.approve(bad)],
  ['changeRequests.reject', (c) => c.admin.changeRequests.reject(bad)],
];

const callers = new Map<StaffRoleName, Caller>();
let retailerCaller: Caller;

beforeAll(async () => {
  const passwordHash = await hashPassword('irrelevant-1');
  for (const role of STAFF_ROLES)
    callers.set(role, backofficeCallerFor(db, staffActor(await createStaff(db, { roles: [role], passwordHash }))));
  const shop = await createRetailer(db, { districtId: (await createDistrict(db)).id, passwordHash });
  retailerCaller = backofficeCallerFor(db, retailerActor(shop));
});

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? 'ERROR';
  }
}

describe('administration is for ADMIN only', () => {
  it.each(ADMIN_PROCEDURES)('%s: ADMIN passes, every other role is FORBIDDEN', async (_name, call) => {
    expect(['OK', 'BAD_REQUEST']).toContain(await outcome(call(callers.get('ADMIN')!)));
    for (const role of STAFF_ROLES.filter((r) => r !== 'ADMIN')) {
      expect(await outcome(call(callers.get(role)!)), role).toBe('FORBIDDEN');
    }
    expect(await outcome(call(retailerCaller))).toBe('FORBIDDEN');
    expect(await outcome(call(backofficeCallerFor(db, null)))).toBe('UNAUTHORIZED');
  });
});

describe('the change-request queue is for MANAGER only', () => {
  it.each(MANAGER_PROCEDURES)('%s: MANAGER passes, every other role is FORBIDDEN', async (_name, call) => {
    expect(['OK', 'BAD_REQUEST']).toContain(await outcome(call(callers.get('MANAGER')!)));
    for (const role of STAFF_ROLES.filter((r) => r !== 'MANAGER')) {
      expect(await outcome(call(callers.get(role)!)), role).toBe('FORBIDDEN');
    }
    expect(await outcome(call(backofficeCallerFor(db, null)))).toBe('UNAUTHORIZED');
  });
});

describe('the staff home is for every staff member', () => {
  it('answers every role, and refuses retailers and anonymous callers', async () => {
    for (const role of STAFF_ROLES) expect(await outcome(callers.get(role)!.admin.home()), role).toBe('OK');
    expect(await outcome(retailerCaller.admin.home())).toBe('FORBIDDEN');
    expect(await outcome(backofficeCallerFor(db, null).admin.home())).toBe('UNAUTHORIZED');
  });
});
