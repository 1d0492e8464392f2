import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, CLEARED_LOCKOUT, isLocked, minutesUntilUnlock, type LockoutState } from './lockout';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 1, 0) + minutes * 60_000);

function fail(times: number, everyMinutes = 1, from: LockoutState = CLEARED_LOCKOUT, start = 0) {
  let state = from;
  for (let i = 0; i < times; i += 1) state = afterFailedAttempt(state, at(start + i * everyMinutes));
  return state;
}

describe('lockout after wrong passwords', () => {
  it('does not lock after four mistakes', () => {
    const state = fail(4);
    expect(state.failedLoginCount).toBe(4);
    expect(isLocked(state, at(4))).toBe(false);
  });

  it('locks for 15 minutes on the fifth mistake within 15 minutes', () => {
    const state = fail(5, 3); // mistakes at 0, 3, 6, 9, 12 minutes
    expect(isLocked(state, at(12))).toBe(true);
    expect(minutesUntilUnlock(state, at(12))).toBe(15);
    expect(isLocked(state, at(26))).toBe(true);
    expect(isLocked(state, at(27))).toBe(false);
  });

  it('starts counting again when the window has passed', () => {
    const state = fail(5, 4); // 0, 4, 8, 12, 16: the fifth falls outside the first window
    expect(isLocked(state, at(16))).toBe(false);
    expect(state.failedLoginCount).toBe(1);
  });

  it('after a lock runs out, one more mistake does not lock again at once', () => {
    const locked = fail(5);
    const after = afterFailedAttempt(locked, at(30));
    expect(isLocked(after, at(30))).toBe(false);
    expect(after.failedLoginCount).toBe(1);
  });

  it('rounds the minutes left up', () => {
    const state = fail(5);
    expect(minutesUntilUnlock(state, at(4 + 14.5))).toBe(1);
  });
});
