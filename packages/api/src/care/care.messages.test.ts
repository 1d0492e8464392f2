import { describe, expect, it } from 'vitest';
import { messages } from '@tobacco/i18n/messages';
import { renderNotice } from '@tobacco/i18n/stored';
import { createTranslator } from '@tobacco/i18n/translator';

// The greetings as a shop reads them, in both languages, with and without points.
const render = (locale: 'zh-CN' | 'en', messageKey: string, params: Record<string, number>) =>
  renderNotice(createTranslator(messages[locale], locale), locale, { messageKey, params });

describe('greeting notices', () => {
  it('name the anniversary and the points, if any', () => {
    expect(render('zh-CN', 'care.anniversary', { years: 3, points: 0 })).toEqual({
      title: '开业 3 周年快乐！',
      body: '感谢您 3 年来的支持，祝生意红火！',
    });
    expect(render('en', 'care.anniversary', { years: 2, points: 50 })).toEqual({
      title: 'Happy 2nd shop anniversary!',
      body: 'Thank you for 2 years together. We have added 50 points to your account.',
    });
    expect(render('en', 'care.anniversary', { years: 11, points: 0 })).toEqual({
      title: 'Happy 11th shop anniversary!',
      body: 'Thank you for 11 years together.',
    });
    expect(render('zh-CN', 'care.birthday', { points: 20 }).body).toBe('祝您生日快乐，生意兴隆！我们为您送上 20 积分。');
  });
});
