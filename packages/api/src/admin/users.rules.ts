import { randomInt } from 'node:crypto';
import type { StaffRoleName } from '@tobacco/auth/permissions';

// Rules of staff administration that need no database.

// No 0/O, 1/l/I: the password is read out over the phone or copied from a screen.
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A temporary password: 10 characters, letters and digits, meeting the strength rule. */
export function generateTemporaryPassword(pick: (max: number) => number = randomInt): string {
  const all = LETTERS + DIGITS;
  const chars = [LETTERS[pick(LETTERS.length)]!, DIGITS[pick(DIGITS.length)]!];
  while (chars.length < 10) chars.push(all[pick(all.length)]!);
  // Shuffle so the letter and the digit are not always first.
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = pick(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export type AdminGuardInput = {
  actorId: number;
  target: { id: number; active: boolean; roles: readonly StaffRoleName[] };
  next: { active: boolean; roles: readonly StaffRoleName[] };
  /** Active users holding ADMIN, the target included when it is one. */
  activeAdminCount: number;
};

export type AdminGuardRefusal = 'admin.users.error.ownAdminRole' | 'admin.users.error.selfDeactivate' | 'admin.users.error.lastAdmin';

/**
 * Keeps the company able to administer itself: an administrator cannot take away their own ADMIN role or
 * deactivate themself, and the last active administrator cannot lose the role or be deactivated.
 */
export function adminGuard({ actorId, target, next, activeAdminCount }: AdminGuardInput): AdminGuardRefusal | null {
  const wasAdmin = target.active && target.roles.includes('ADMIN');
  const staysAdmin = next.active && next.roles.includes('ADMIN');
  if (actorId === target.id && target.roles.includes('ADMIN') && !next.roles.includes('ADMIN')) return 'admin.users.error.ownAdminRole';
  if (actorId === target.id && target.active && !next.active) return 'admin.users.error.selfDeactivate';
  if (wasAdmin && !staysAdmin && activeAdminCount <= 1) return 'admin.users.error.lastAdmin';
  return null;
}
