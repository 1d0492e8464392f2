import type { MessageKey } from '@tobacco/i18n/messages';
import { INT4_MAX } from './ids';

// Control characters other than tab, line feed and carriage return: PostgreSQL refuses NUL in text, and
// the others have no place in anything a person types.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MAX_DEPTH = 12;

/**
 * Why a procedure's raw input must be refused before it reaches any schema or query, or null when it may
 * go on: a number outside the 32-bit range of the database's integer columns, or text with a control
 * character, anywhere in the input. One rule for every procedure, so no schema can forget it.
 */
export function unsafeInput(value: unknown, depth = 0): MessageKey | null {
  if (depth > MAX_DEPTH) return null;
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) > INT4_MAX ? 'errors.input.outOfRange' : null;
  if (typeof value === 'bigint') return 'errors.input.outOfRange';
  if (typeof value === 'string') return CONTROL.test(value) ? 'errors.input.controlCharacters' : null;
  if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return null;
  const items = Array.isArray(value) ? value : Object.entries(value).flat();
  for (const item of items) {
    const problem = unsafeInput(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}
