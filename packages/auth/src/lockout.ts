// Lockout after repeated wrong passwords (issue: 5 wrong within 15 minutes lock the account for 15 minutes).
// Pure rules over the counters kept on each login row, so every sign-in path agrees and tests need no clock.

export type LockoutPolicy = { maxAttempts: number; windowMinutes: number; lockMinutes: number };
// The defaults of the settings auth.lockout*; an administrator changes them on the settings screen.
export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxAttempts: 5, windowMinutes: 15, lockMinutes: 15 };

export type LockoutState = { failedLoginCount: number; firstFailedAt: Date | null; lockedUntil: Date | null };

const MINUTE = 60_000;

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** Whole minutes until the lock ends, rounded up, for the message shown to the person. */
export function minutesUntilUnlock(state: LockoutState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / MINUTE));
}

export function afterFailedAttempt(state: LockoutState, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): LockoutState {
  const windowOpen =
    state.firstFailedAt !== null && now.getTime() - state.firstFailedAt.getTime() < policy.windowMinutes * MINUTE && !lockExpired(state, now);
  const failedLoginCount = windowOpen ? state.failedLoginCount + 1 : 1;
  const firstFailedAt = windowOpen ? state.firstFailedAt : now;
  const lockedUntil = failedLoginCount >= policy.maxAttempts ? new Date(now.getTime() + policy.lockMinutes * MINUTE) : null;
  return { failedLoginCount, firstFailedAt, lockedUntil };
}

export const CLEARED_LOCKOUT: LockoutState = { failedLoginCount: 0, firstFailedAt: null, lockedUntil: null };

// After a lock has run out the count starts again, so one more mistake does not lock at once.
function lockExpired(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
}
