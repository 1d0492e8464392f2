import { describe, expect, it } from 'vitest';
import { isStrongPassword } from '@tobacco/auth/password';
import { adminGuard, generateTemporaryPassword } from './users.rules';

describe('temporary passwords', () => {
  it('are strong, 10 characters, without look-alike characters, and differ each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const password = generateTemporaryPassword();
      expect(password).toHaveLength(10);
      expect(isStrongPassword(password), password).toBe(true);
      expect(password).not.toMatch(/[01OlI]/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  it('still has a letter and a digit when the random source is stuck', () => {
    expect(isStrongPassword(generateTemporaryPassword(() => 0))).toBe(true);
  });
});

describe('adminGuard', () => {
  const admin = { id: 1, active: true, roles: ['ADMIN'] as const };
  const other = { id: 2, active: true, roles: ['ADMIN', 'MANAGER'] as const };

  it('refuses an administrator removing their own ADMIN role', () => {
    expect(
      adminGuard({
        actorId: 1,
        target: { ...admin, roles: [...admin.roles] },
        next: { active: true, roles: ['MANAGER'] },
        activeAdminCount: 3,
      }),
    ).toBe('admin.users.error.ownAdminRole');
  });

  it('refuses an administrator deactivating themself', () => {
    expect(
      adminGuard({
        actorId: 1,
        target: { ...admin, roles: [...admin.roles] },
        next: { active: false, roles: ['ADMIN'] },
        activeAdminCount: 3,
      }),
    ).toBe('admin.users.error.selfDeactivate');
  });

  it('refuses taking the last active administrator away, by role or by deactivation', () => {
    const target = { ...other, roles: [...other.roles] };
    expect(adminGuard({ actorId: 9, target, next: { active: false, roles: target.roles }, activeAdminCount: 1 })).toBe(
      'admin.users.error.lastAdmin',
    );
    expect(adminGuard({ actorId: 9, target, next: { active: true, roles: ['MANAGER'] }, activeAdminCount: 1 })).toBe(
      'admin.users.error.lastAdmin',
    );
  });

  it('allows it when another administrator remains, and for users who are not administrators', () => {
    const target = { ...other, roles: [...other.roles] };
    expect(adminGuard({ actorId: 9, target, next: { active: false, roles: target.roles }, activeAdminCount: 2 })).toBeNull();
    expect(
      adminGuard({
        actorId: 9,
        target: { id: 3, active: true, roles: ['SERVICE_AGENT'] },
        next: { active: false, roles: ['SERVICE_AGENT'] },
        activeAdminCount: 1,
      }),
    ).toBeNull();
    expect(
      adminGuard({
        actorId: 1,
        target: { ...admin, roles: [...admin.roles] },
        next: { active: true, roles: ['ADMIN', 'MANAGER'] },
        activeAdminCount: 1,
      }),
    ).toBeNull();
  });
});
