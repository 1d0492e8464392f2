import type { LockoutPolicy } from '@tobacco/auth/lockout';
import { checkPassword } from '@tobacco/auth/sign-in';
import type { Counter } from '@tobacco/auth/throttle';
import type { Db } from '@tobacco/db/client';
import type { MessageKey } from '@tobacco/i18n/messages';
import { getSettings } from '../admin/settings.service';
import { DomainError } from '../errors';

/** The lockout rule as an administrator set it (settings auth.lockout*), read at each attempt. */
export async function readLockoutPolicy(db: Db): Promise<LockoutPolicy> {
  const s = await getSettings(db, ['auth.lockoutMaxAttempts', 'auth.lockoutWindowMinutes', 'auth.lockoutMinutes']);
  return {
    maxAttempts: s['auth.lockoutMaxAttempts'],
    windowMinutes: s['auth.lockoutWindowMinutes'],
    lockMinutes: s['auth.lockoutMinutes'],
  };
}

/**
 * A signed-in person confirms their current password (to change it): the attempt counts on the same
 * counter as signing in, so a stolen session cannot guess the password without limit.
 */
export async function confirmCurrentPassword(
  db: Db,
  counter: Counter,
  passwordHash: string,
  password: string,
  now: Date,
  wrongKey: MessageKey,
): Promise<void> {
  const checked = await checkPassword(db, counter, passwordHash, password, await readLockoutPolicy(db), now, { passwordChange: true });
  if (checked.ok) return;
  if (checked.reason === 'LOCKED') throw new DomainError('LIMIT_EXCEEDED', 'auth.error.LOCKED', { minutes: checked.minutes ?? 1 });
  throw new DomainError('VALIDATION', wrongKey);
}
