import { describe, expect, it } from 'vitest';
import { messages } from '@tobacco/i18n/messages';
import { clientDictionary } from './i18n-server';

describe('clientDictionary', () => {
  it('keeps only the messages under the given prefixes, in the one locale', () => {
    const picked = clientDictionary('en', ['common.', 'errors.']);
    const keys = Object.keys(picked);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith('common.') || k.startsWith('errors.'))).toBe(true);
    expect(keys.length).toBe(Object.keys(messages.en).filter((k) => k.startsWith('common.') || k.startsWith('errors.')).length);
    expect(picked['common.retry' as keyof typeof picked]).toBe(messages.en['common.retry' as keyof typeof messages.en]);
  });

  it('selects once per locale and prefixes, then answers the same frozen object', () => {
    const first = clientDictionary('zh-CN', ['auth.']);
    expect(clientDictionary('zh-CN', ['auth.'])).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(clientDictionary('en', ['auth.'])).not.toBe(first);
    expect(clientDictionary('zh-CN', ['auth.', 'common.'])).not.toBe(first);
  });

  it('leaves out what an outer provider already sends, and the two together are the whole selection', () => {
    const outer = clientDictionary('en', ['common.', 'admin.validation.']);
    const inner = clientDictionary('en', ['admin.'], ['common.', 'admin.validation.']);
    const innerKeys = Object.keys(inner);
    expect(innerKeys.length).toBeGreaterThan(0);
    expect(innerKeys.some((k) => k.startsWith('admin.validation.'))).toBe(false);
    expect(innerKeys.filter((k) => k in outer)).toEqual([]);
    const admin = Object.keys(messages.en).filter((k) => k.startsWith('admin.'));
    expect(new Set([...innerKeys, ...Object.keys(outer).filter((k) => k.startsWith('admin.'))])).toEqual(new Set(admin));
  });
});
