import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
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

describe('ICU messages', () => {
  it('chooses the English plural form by the count', () => {
    const t = createTranslator(messages.en, 'en');
    expect(t('promotions.staff.pendingBanner', { n: 1 })).toBe('1 promotion is waiting for approval.');
    expect(t('promotions.staff.pendingBanner', { n: 3 })).toBe('3 promotions are waiting for approval.');
    expect(t('promotions.staff.pendingBanner', { n: 0 })).toBe('0 promotions are waiting for approval.');
    expect(translate('en', 'admin.import.reportTitle', { count: 1, lines: 2 })).toBe('1 problem found (on 2 rows)');
    expect(translate('en', 'rewards.staff.rules.grants', { n: 1 })).toBe('Granted once');
    expect(translate('en', 'rewards.staff.rules.grants', { n: 4 })).toBe('Granted 4 times');
  });

  it('says the count once in Chinese, which has no plural forms', () => {
    const t = createTranslator(messages['zh-CN'], 'zh-CN');
    expect(t('promotions.staff.pendingBanner', { n: 1 })).toBe(translate('zh-CN', 'promotions.staff.pendingBanner', { n: 1 }));
    expect(t('promotions.staff.pendingBanner', { n: 1 })).toContain('1');
    expect(interpolate('{n, plural, other {# 个活动}}待审批', { n: 1 }, 'zh-CN')).toBe('1 个活动待审批');
    expect(interpolate('{n, plural, other {# 个活动}}待审批', { n: 12 }, 'zh-CN')).toBe('12 个活动待审批');
  });

  it('chooses by a count given already formatted, with the number shown in the locale', () => {
    expect(translate('en', 'complaints.queue.caption', { total: '1' })).toBe('1 case');
    expect(translate('en', 'complaints.queue.caption', { total: '12,345' })).toBe('12,345 cases');
  });

  it('selects a branch by a parameter', () => {
    const text = '{kind, select, retailer {Your shop} other {The company}} sent it';
    expect(interpolate(text, { kind: 'retailer' }, 'en')).toBe('Your shop sent it');
    expect(interpolate(text, { kind: 'staff' }, 'en')).toBe('The company sent it');
  });

  it('writes every message in valid ICU, with the same parameters in both languages', () => {
    const names = (text: string, locale: string) => {
      const found = new Set<string>();
      const walk = (nodes: { type: number; value?: unknown; options?: Record<string, { value: never[] }> }[]) => {
        for (const n of nodes) {
          if (n.type !== 0 && n.type !== 7 && typeof n.value === 'string') found.add(n.value);
          for (const o of Object.values(n.options ?? {})) walk(o.value);
        }
      };
      walk(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).getAst() as never);
      return [...found].sort();
    };
    for (const key of Object.keys(messages['zh-CN']) as (keyof typeof messages.en)[]) {
      expect(names(messages.en[key], 'en'), key).toEqual(names(messages['zh-CN'][key], 'zh-CN'));
    }
  });
});
