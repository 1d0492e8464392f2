import { describe, expect, it } from 'vitest';
import { hasPermission, PERMISSIONS, permissionsOf, STAFF_ROLES } from './permissions';

describe('permission table', () => {
  it('names only known roles', () => {
    for (const roles of Object.values(PERMISSIONS)) {
      for (const role of roles) expect(STAFF_ROLES).toContain(role);
    }
  });

  it('lets marketing draft promotions but never approve them', () => {
    expect(hasPermission(['MARKETING'], 'promotions.draft')).toBe(true);
    expect(hasPermission(['MARKETING'], 'promotions.approve')).toBe(false);
    expect(hasPermission(['MANAGER'], 'promotions.approve')).toBe(true);
  });

  it('keeps account managers to their own retailers', () => {
    expect(hasPermission(['ACCOUNT_MANAGER'], 'retailers.read')).toBe(true);
    expect(hasPermission(['ACCOUNT_MANAGER'], 'retailers.readAll')).toBe(false);
    expect(hasPermission(['SERVICE_AGENT'], 'retailers.readAll')).toBe(true);
  });

  it('gives executives read-only access', () => {
    const granted = permissionsOf(['EXECUTIVE']);
    expect(granted.length).toBeGreaterThan(0);
    expect(granted.every((p) => p.endsWith('.read') || p.endsWith('.readAll'))).toBe(true);
  });

  it('keeps administration to administrators', () => {
    for (const role of STAFF_ROLES.filter((r) => r !== 'ADMIN')) {
      expect(hasPermission([role], 'admin.users')).toBe(false);
      expect(hasPermission([role], 'admin.settings')).toBe(false);
    }
    expect(hasPermission(['ADMIN'], 'admin.users')).toBe(true);
  });

  it('unions the rights of several roles', () => {
    expect(hasPermission(['ACCOUNT_MANAGER', 'MARKETING'], 'promotions.draft')).toBe(true);
    expect(hasPermission([], 'retailers.read')).toBe(false);
  });

  it('lets only a manager see named survey answers', () => {
    expect(STAFF_ROLES.filter((role) => hasPermission([role], 'analytics.readNamed'))).toEqual(['MANAGER']);
  });
});
