import { describe, expect, it } from 'vitest';
import { permissionsOf, type StaffRoleName } from '@tobacco/auth/permissions';
import { visibleAreas } from './navigation';

const areasOf = (...roles: StaffRoleName[]) => visibleAreas(permissionsOf(roles)).map((area) => area.area);

describe('visibleAreas', () => {
  it('shows an agent the service areas but not administration', () => {
    const areas = areasOf('SERVICE_AGENT');
    expect(areas).toEqual(expect.arrayContaining(['home', 'retailers', 'complaints', 'surveys', 'rewards', 'analytics']));
    expect(areas).not.toContain('admin');
    expect(areas).not.toContain('promotions');
  });

  it('shows an administrator the administration area', () => {
    expect(areasOf('ADMIN')).toContain('admin');
  });

  it('offers the data imports to whoever may import something', () => {
    expect(areasOf('ADMIN')).toContain('imports');
    expect(areasOf('MARKETING')).toContain('imports');
    expect(areasOf('SERVICE_AGENT', 'ACCOUNT_MANAGER', 'MANAGER', 'EXECUTIVE')).not.toContain('imports');
  });

  it('offers the executive dashboard to managers and executives only', () => {
    expect(areasOf('EXECUTIVE')).toContain('dashboard');
    expect(areasOf('MANAGER')).toContain('dashboard');
    expect(areasOf('ACCOUNT_MANAGER', 'SERVICE_AGENT', 'MARKETING', 'ADMIN')).not.toContain('dashboard');
  });

  it('joins the areas of several roles', () => {
    expect(areasOf('ACCOUNT_MANAGER', 'MARKETING')).toEqual(expect.arrayContaining(['retailers', 'allocation', 'promotions']));
  });

  it('always offers the workbench', () => {
    expect(areasOf()).toEqual(['home']);
  });
});
