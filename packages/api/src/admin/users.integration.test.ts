import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { signInStaff } from '@tobacco/auth/sign-in';
import { createDistrict, createStaff, testDb, uniqueNumber } from '@tobacco/db/testing';
import { backofficeCallerFor, signedIn, staffActor } from '../testing/callers';
import { createContext } from '../trpc/context';
import { isolatedTestDatabase } from '../testing/isolated-database';

const db = testDb();
let passwordHash: string;
let admin: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  admin = await createStaff(db, { roles: ['ADMIN'], passwordHash });
});

const adminCaller = () => backofficeCallerFor(db, staffActor(admin));
const signedInAs = (session: { userId: number; sessionVersion: number }) => signedIn(db, { kind: 'staff' as const, name: 'x', ...session });

/** A caller as the API builds it for a request carrying this session: the account is read afresh. */
async function requestAs(session: { userId: number; sessionVersion: number; sessionId?: string }) {
  const ctx = await createContext({
    db,
    sessionUser: session.sessionId
      ? { kind: 'staff', name: 'x', ...session }
      : await signedIn(db, { kind: 'staff', name: 'x', ...session }),
  });
  return backofficeCallerFor(db, ctx.actor);
}

describe('creating a user with a temporary password', () => {
  it('creates the user with roles, district and an audit row; the password must be changed before anything else', async () => {
    const district = await createDistrict(db);
    const username = `am${uniqueNumber()}`;
    const created = await adminCaller().admin.users.create({
      username,
      name: '新客户经理',
      roles: ['ACCOUNT_MANAGER', 'SERVICE_AGENT'],
      districtId: district.id,
      phone: '13900001111',
    });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z2-9]{10}$/);

    const user = await db.staffUser.findUniqueOrThrow({ where: { id: created.id }, include: { roles: true } });
    expect(user).toMatchObject({ username, mustChangePassword: true, districtId: district.id, active: true });
    expect(user.roles.map((r) => r.role).sort()).toEqual(['ACCOUNT_MANAGER', 'SERVICE_AGENT']);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: 'StaffUser', entityId: String(created.id), action: 'staff.create' },
    });
    expect(audit.actorStaffId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain('passwordHash');

    // Signs in with the temporary password …
    const signedIn = await signInStaff(db, { username, password: created.temporaryPassword });
    expect(signedIn.ok).toBe(true);
    if (!signedIn.ok) return;
    const session = await signedInAs({ userId: signedIn.user.userId, sessionVersion: signedIn.user.sessionVersion });
    // … may read who they are, and nothing else,
    const first = await requestAs(session);
    expect(await first.admin.me()).toMatchObject({ username, mustChangePassword: true });
    await expect(first.retailers.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { messageKey: 'admin.password.mustChangeFirst' },
    });
    await expect(first.admin.home()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // … a wrong current password or a weak new one changes nothing,
    await expect(
      first.admin.changePassword({ currentPassword: 'wrong-one-1', newPassword: 'NewPass2026', confirmPassword: 'NewPass2026' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      first.admin.changePassword({ currentPassword: created.temporaryPassword, newPassword: 'short', confirmPassword: 'short' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // … and after changing it, the old session ends and the new password works for everything.
    await first.admin.changePassword({
      currentPassword: created.temporaryPassword,
      newPassword: 'NewPass2026',
      confirmPassword: 'NewPass2026',
    });
    expect((await createContext({ db, sessionUser: session })).actor).toBeNull();
    expect((await signInStaff(db, { username, password: created.temporaryPassword })).ok).toBe(false);
    const again = await signInStaff(db, { username, password: 'NewPass2026' });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const next = await requestAs({ userId: again.user.userId, sessionVersion: again.user.sessionVersion });
    expect((await next.retailers.list({})).total).toBeGreaterThanOrEqual(0);
  });

  it('refuses a username that is taken or malformed, changing nothing', async () => {
    // Other test files add users to the same database meanwhile: count only what these attempts could write.
    const name = `refused${uniqueNumber()}`;
    const written = () => db.staffUser.count({ where: { OR: [{ username: 'X!' }, { name }] } });
    await expect(adminCaller().admin.users.create({ username: admin.username, name, roles: ['MANAGER'] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(adminCaller().admin.users.create({ username: 'X!', name, roles: ['MANAGER'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(adminCaller().admin.users.create({ username: `ok${uniqueNumber()}`, name, roles: [] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await written()).toBe(0);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: admin.id } })).name).toBe(admin.name);
  });
});

describe('roles, deactivation and the administrators that must remain', () => {
  it('applies a change of roles at the user’s next request', async () => {
    const user = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    const session = { userId: user.id, sessionVersion: 0 };
    await expect((await requestAs(session)).admin.settings.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await adminCaller().admin.users.update({ id: user.id, name: user.name, roles: ['SERVICE_AGENT', 'ADMIN'] });
    expect((await (await requestAs(session)).admin.settings.list()).length).toBeGreaterThan(0);
    await adminCaller().admin.users.update({ id: user.id, name: user.name, roles: ['MARKETING'] });
    await expect((await requestAs(session)).admin.settings.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const audit = await db.auditLog.findMany({
      where: { entityType: 'StaffUser', entityId: String(user.id), action: 'staff.update' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => (a.after as { roles: string[] }).roles)).toEqual([['ADMIN', 'SERVICE_AGENT'], ['MARKETING']]);
  });

  it('refuses a deactivated user’s existing session at the next request, and keeps the user', async () => {
    const user = await createStaff(db, { roles: ['MANAGER'], passwordHash });
    const session = { userId: user.id, sessionVersion: 0 };
    await (await requestAs(session)).admin.changeRequests.list({});
    await adminCaller().admin.users.setActive({ id: user.id, active: false });
    await expect((await requestAs(session)).admin.changeRequests.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await db.staffUser.findUnique({ where: { id: user.id } })).toMatchObject({ active: false });
    const signIn = await signInStaff(db, { username: user.username, password: 'irrelevant-1' });
    expect(signIn).toMatchObject({ ok: false, reason: 'INACTIVE' });
    await adminCaller().admin.users.setActive({ id: user.id, active: true });
    expect((await signInStaff(db, { username: user.username, password: 'irrelevant-1' })).ok).toBe(true);
  });

  it('does not let an administrator remove their own ADMIN role or deactivate themself', async () => {
    const me = await createStaff(db, { roles: ['ADMIN'], passwordHash });
    const caller = backofficeCallerFor(db, staffActor(me));
    await expect(caller.admin.users.update({ id: me.id, name: me.name, roles: ['MANAGER'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { messageKey: 'admin.users.error.ownAdminRole' },
    });
    await expect(caller.admin.users.setActive({ id: me.id, active: false })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { messageKey: 'admin.users.error.selfDeactivate' },
    });
    // Adding a role to oneself is fine.
    await caller.admin.users.update({ id: me.id, name: me.name, roles: ['ADMIN', 'MANAGER'] });
    expect((await db.staffRoleGrant.findMany({ where: { userId: me.id } })).map((r) => r.role).sort()).toEqual(['ADMIN', 'MANAGER']);
  });

  it('never leaves the company without an active administrator', async () => {
    // On a company of its own: other files' administrators in the shared database would change the answer.
    const company = isolatedTestDatabase('admins');
    const own = await company.open();
    try {
      const last = await createStaff(own, { roles: ['ADMIN'], passwordHash });
      const second = await createStaff(own, { roles: ['ADMIN'], passwordHash });
      const caller = backofficeCallerFor(own, staffActor(second));
      // Two administrators: either may be given more roles, and one of them could go.
      await caller.admin.users.update({ id: last.id, name: last.name, roles: ['ADMIN', 'MANAGER'] });
      // Now only `last` is an active administrator (the caller's session is still valid in this test).
      await own.staffUser.update({ where: { id: second.id }, data: { active: false } });
      await expect(caller.admin.users.setActive({ id: last.id, active: false })).rejects.toMatchObject({
        cause: { messageKey: 'admin.users.error.lastAdmin' },
      });
      await expect(caller.admin.users.update({ id: last.id, name: last.name, roles: ['MANAGER'] })).rejects.toMatchObject({
        cause: { messageKey: 'admin.users.error.lastAdmin' },
      });
      expect(await own.staffUser.findUnique({ where: { id: last.id } })).toMatchObject({ active: true });
      expect((await own.staffRoleGrant.findMany({ where: { userId: last.id } })).map((r) => r.role).sort()).toEqual(['ADMIN', 'MANAGER']);
    } finally {
      await company.close();
    }
  });

  it('resets a password (ending sessions, forcing a change) and unlocks a locked account', async () => {
    const user = await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash });
    await db.staffUser.update({
      where: { id: user.id },
      data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() + 3600_000), firstFailedAt: new Date() },
    });
    expect(await signInStaff(db, { username: user.username, password: 'irrelevant-1' })).toMatchObject({ ok: false, reason: 'LOCKED' });
    const listed = await adminCaller().admin.users.list({ status: 'locked', q: user.username });
    expect(listed.items.map((u) => u.id)).toEqual([user.id]);
    await adminCaller().admin.users.unlock({ id: user.id });
    expect((await signInStaff(db, { username: user.username, password: 'irrelevant-1' })).ok).toBe(true);

    const before = await signedInAs({ userId: user.id, sessionVersion: 0 });
    expect((await createContext({ db, sessionUser: before })).actor).not.toBeNull();
    const { temporaryPassword } = await adminCaller().admin.users.resetPassword({ id: user.id });
    expect((await createContext({ db, sessionUser: before })).actor).toBeNull();
    const signedIn = await signInStaff(db, { username: user.username, password: temporaryPassword });
    expect(signedIn.ok).toBe(true);
    expect(await db.staffUser.findUnique({ where: { id: user.id } })).toMatchObject({ mustChangePassword: true });
    expect(await db.auditLog.count({ where: { entityId: String(user.id), action: { in: ['staff.unlock', 'staff.resetPassword'] } } })).toBe(
      2,
    );
  });

  it('answers NOT_FOUND for a user that does not exist', async () => {
    await expect(adminCaller().admin.users.get({ id: 999_999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(adminCaller().admin.users.setActive({ id: 999_999_999, active: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
