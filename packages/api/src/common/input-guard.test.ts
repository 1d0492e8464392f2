import { describe, expect, it } from 'vitest';
import { unsafeInput } from './input-guard';

describe('the input guard every procedure passes', () => {
  it('refuses numbers beyond the 32-bit integer columns, anywhere in the input', () => {
    expect(unsafeInput({ id: 2 ** 31 })).toBe('errors.input.outOfRange');
    expect(unsafeInput({ filter: { ids: [1, -(2 ** 31) - 1] } })).toBe('errors.input.outOfRange');
    expect(unsafeInput({ id: 2 ** 31 - 1, delta: -(2 ** 31 - 1), price: 12.5 })).toBeNull();
  });

  it('refuses NUL and other control characters in text, in keys too, but keeps tabs and line breaks', () => {
    expect(unsafeInput({ body: 'a\u0000b' })).toBe('errors.input.controlCharacters');
    expect(unsafeInput({ list: ['ok', 'bell\u0007'] })).toBe('errors.input.controlCharacters');
    expect(unsafeInput({ ['k\u001b']: 1 })).toBe('errors.input.controlCharacters');
    expect(unsafeInput({ body: '第一行\r\n第二行\t缩进' })).toBeNull();
  });

  it('leaves dates and file bytes alone', () => {
    expect(unsafeInput({ at: new Date(), bytes: new Uint8Array([0, 1, 2]) })).toBeNull();
  });
});
