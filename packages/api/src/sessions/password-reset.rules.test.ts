import { describe, expect, it } from 'vitest';
import { afterWrongTry, isCodeUsable, phoneEndsWith, RESET_MAX_TRIES, resetCodeExpiry } from './password-reset.rules';

const issued = new Date('2027-03-01T02:00:00Z');
const fresh = { expiresAt: resetCodeExpiry(issued), attempts: 0, usedAt: null, voidedAt: null };

describe('the reset code', () => {
  it('expires 10 minutes after it is issued', () => {
    expect(fresh.expiresAt.toISOString()).toBe('2027-03-01T02:10:00.000Z');
    expect(isCodeUsable(fresh, new Date('2027-03-01T02:09:59Z'))).toBe(true);
    expect(isCodeUsable(fresh, new Date('2027-03-01T02:10:00Z'))).toBe(false);
  });

  it('is void after the fifth wrong try, and not before', () => {
    let attempts = 0;
    const voided: boolean[] = [];
    for (let i = 0; i < RESET_MAX_TRIES; i += 1) {
      const next = afterWrongTry(attempts);
      attempts = next.attempts;
      voided.push(next.voided);
    }
    expect(voided).toEqual([false, false, false, false, true]);
    expect(isCodeUsable({ ...fresh, attempts: 4 }, issued)).toBe(true);
    expect(isCodeUsable({ ...fresh, attempts: 5 }, issued)).toBe(false);
  });

  it('works once: a used or voided code is refused', () => {
    expect(isCodeUsable({ ...fresh, usedAt: issued }, issued)).toBe(false);
    expect(isCodeUsable({ ...fresh, voidedAt: issued }, issued)).toBe(false);
  });

  it('matches the last 4 digits of the phone on file', () => {
    expect(phoneEndsWith('13912345678', '5678')).toBe(true);
    expect(phoneEndsWith('0571-87654321', '4321')).toBe(true);
    expect(phoneEndsWith('13912345678', '1234')).toBe(false);
    expect(phoneEndsWith('13912345678', '678')).toBe(false);
  });
});
