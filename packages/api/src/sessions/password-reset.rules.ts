import type { LockoutPolicy } from '@tobacco/auth/lockout';

// The forgotten-password code: 6 digits by SMS, valid 10 minutes, void after 5 wrong tries, used once.
// Pure rules; the service keeps the counting in one conditional UPDATE so parallel guesses cannot slip past.

export const RESET_CODE_MINUTES = 10;
export const RESET_MAX_TRIES = 5;

/** Requests per licence number (whether or not it exists, so the throttle tells nothing either). */
export const RESET_LICENCE_POLICY: LockoutPolicy = { maxAttempts: 3, windowMinutes: 60, lockMinutes: 60 };
/** Requests and code entries per address: shops behind one network share it, so it is generous. */
export const RESET_IP_POLICY: LockoutPolicy = { maxAttempts: 20, windowMinutes: 60, lockMinutes: 60 };

export type ResetCodeState = { expiresAt: Date; attempts: number; usedAt: Date | null; voidedAt: Date | null };

export function resetCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_CODE_MINUTES * 60_000);
}

/** Whether a code may still be tried: not used, not voided, not expired, tries left. */
export function isCodeUsable(code: ResetCodeState, now: Date): boolean {
  return code.usedAt === null && code.voidedAt === null && code.attempts < RESET_MAX_TRIES && now.getTime() < code.expiresAt.getTime();
}

/** After a wrong code: the tries so far, and whether the code is now void. */
export function afterWrongTry(attempts: number): { attempts: number; voided: boolean } {
  const next = attempts + 1;
  return { attempts: next, voided: next >= RESET_MAX_TRIES };
}

/** The last four digits of the phone on file match what the person typed (digits only, landlines too). */
export function phoneEndsWith(phone: string, last4: string): boolean {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 4 && /^\d{4}$/.test(last4) && digits.slice(-4) === last4;
}
