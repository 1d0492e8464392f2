import { describe, expect, it } from 'vitest';
import { messages, translate } from './messages';
import { createTranslator, interpolate } from './translator';

describe('createTranslator', () => {
  it('translates from the dictionary it was given and fills placeholders', () => {
    const t = createTranslator(messages['zh-CN']);
    expect(t('common.gradeValue', { grade: 24 })).toBe('24 档');
    expect(t('auth.error.LOCKED', { minutes: 15 })).toContain('15 分钟');
  });

  it('agrees with the server-side translate', () => {
    const t = createTranslator(messages.en);
    expect(t('common.pageOf', { page: 2, pages: 5, total: 93 })).toBe(translate('en', 'common.pageOf', { page: 2, pages: 5, total: 93 }));
  });

  it('shows the key for a message missing from a partial dictionary, so the gap is visible', () => {
    expect(createTranslator({})('common.retry')).toBe('common.retry');
  });
});

describe('interpolate', () => {
  it('leaves an unknown placeholder as written', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('messages', () => {
  it('has every key in both languages, none empty', () => {
    const zh = Object.keys(messages['zh-CN']).sort();
    expect(Object.keys(messages.en).sort()).toEqual(zh);
    for (const key of zh) {
      expect(messages.en[key as keyof typeof messages.en].trim(), key).not.toBe('');
      expect(messages['zh-CN'][key as keyof typeof messages.en].trim(), key).not.toBe('');
    }
  });
});
