import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCKOUT_POLICY, isLocked, lockSeconds, minutesUntilUnlock } from './lockout';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 1, 0) + minutes * 60_000);

describe('lockout after wrong passwords', () => {
  it('waits nothing below the limit, then a minute, doubling each round up to the lock minutes', () => {
    expect([1, 4].map((n) => lockSeconds(n, DEFAULT_LOCKOUT_POLICY))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9, 10, 50].map((n) => lockSeconds(n, DEFAULT_LOCKOUT_POLICY) / 60)).toEqual([1, 2, 4, 8, 15, 15, 15]);
    expect(lockSeconds(3, { maxAttempts: 3, windowMinutes: 10, lockMinutes: 30 })).toBe(60);
  });

  it('is locked until the time, and tells the minutes left rounded up', () => {
    const state = { lockedUntil: at(15) };
    expect(isLocked(state, at(14))).toBe(true);
    expect(isLocked(state, at(15))).toBe(false);
    expect(minutesUntilUnlock(state, at(0))).toBe(15);
    expect(minutesUntilUnlock(state, at(14.5))).toBe(1);
    expect(minutesUntilUnlock({ lockedUntil: null }, at(0))).toBe(0);
  });
});
