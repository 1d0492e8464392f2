import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';
import type { Locale } from './locale';
import { translate } from './messages';
import { formatList, renderNotice, renderStored } from './stored';

const t = (locale: Locale) => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate(locale, key, params);

describe('stored texts', () => {
  it('renders one stored notice in each reader’s language, with nested messages and lists', () => {
    const stored = {
      messageKey: 'admin.changeRequests.notify.approved',
      params: { fields: { list: [{ key: 'admin.changeRequests.field.phone' }, { key: 'admin.changeRequests.field.address' }] } },
    };
    expect(renderNotice(t('zh-CN'), 'zh-CN', stored)).toEqual({
      title: '资料变更已通过',
      body: '您申请变更的电话和地址已审核通过并更新。',
    });
    expect(renderNotice(t('en'), 'en', stored)).toEqual({
      title: 'Detail change approved',
      body: 'Your change of phone and address was approved and is now on your record.',
    });
  });

  it('shows what a person wrote as written, and no body where the notice has none', () => {
    expect(
      renderNotice(t('en'), 'en', { messageKey: 'complaints.notify.accepted', params: { caseNo: 'TS-1', detail: '送货晚了' } }),
    ).toEqual({ title: 'Your case TS-1 has been accepted', body: '送货晚了' });
    expect(renderNotice(t('en'), 'en', { messageKey: 'complaints.notify.assigned', params: { caseNo: 'TS-2' } }).body).toBe('');
  });

  it('keeps rows written before the change readable', () => {
    expect(
      renderNotice(t('en'), 'en', { messageKey: 'notifications.stored', params: { title: '本季度档位已发布', detail: '请查看。' } }),
    ).toEqual({ title: '本季度档位已发布', body: '请查看。' });
  });

  it('formats dates in the reader’s style and joins lists without Chinese punctuation in English', () => {
    const params = { dates: { list: [{ date: '2026-10-01' }, { date: '2026-10-08' }] } };
    expect(renderStored(t('zh-CN'), 'zh-CN', 'admin.calendar.deadlineEvent', params)).toContain('2026-10-01和2026-10-08');
    const en = renderStored(t('en'), 'en', 'admin.calendar.deadlineEvent', params);
    expect(en).toContain('01/10/2026 and 08/10/2026');
    expect(en).not.toMatch(/[、：（）]/);
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
  });

  it('ignores parameters that are not an object (a damaged JSON column)', () => {
    expect(renderStored(t('en'), 'en', 'complaints.event.acceptedDefault', ['x'])).toBe(
      translate('en', 'complaints.event.acceptedDefault'),
    );
  });
});

describe('one date style', () => {
  it('writes zh-CN dates as 2026-12-04 in China time, whatever the server zone', () => {
    expect(formatDate('2026-12-03T16:30:00Z', 'zh-CN')).toBe('2026-12-04');
    expect(formatDateTime('2026-12-03T16:30:00Z', 'zh-CN')).toBe('2026-12-04 00:30');
    expect(formatDateTime('2026-12-03T16:30:00Z', 'en')).toBe('04/12/2026 00:30');
  });
});
