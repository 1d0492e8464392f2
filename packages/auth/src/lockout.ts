// Lockout after repeated wrong passwords: 5 attempts within 15 minutes, then a wait that doubles with each
// further round, up to the lock minutes (settings auth.lockout*). The counting itself is one SQL statement
// per counter (throttle.ts), so parallel attempts cannot slip past it; these are the pure parts.

export type LockoutPolicy = { maxAttempts: number; windowMinutes: number; lockMinutes: number };
// The defaults of the settings auth.lockout*; an administrator changes them on the settings screen.
export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxAttempts: 5, windowMinutes: 15, lockMinutes: 15 };

export type LockoutState = { failedLoginCount: number; firstFailedAt: Date | null; lockedUntil: Date | null };

const MINUTE = 60_000;
/** The first wait once the attempts are used up; each further round doubles it. */
export const FIRST_DELAY_SECONDS = 60;

export function isLocked(state: Pick<LockoutState, 'lockedUntil'>, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** Whole minutes until the lock ends, rounded up, for the message shown to the person. */
export function minutesUntilUnlock(state: Pick<LockoutState, 'lockedUntil'>, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / MINUTE));
}

/** The wait after the attempt numbered `count` (the same rule as the SQL in throttle.ts), 0 below the limit. */
export function lockSeconds(count: number, policy: LockoutPolicy): number {
  if (count < policy.maxAttempts) return 0;
  return Math.min(policy.lockMinutes * 60, FIRST_DELAY_SECONDS * 2 ** (count - policy.maxAttempts));
}

export const CLEARED_LOCKOUT: LockoutState = { failedLoginCount: 0, firstFailedAt: null, lockedUntil: null };
