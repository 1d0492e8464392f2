import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Messages } from '@tobacco/i18n/messages';
import { I18nProvider, useT } from './i18n';

// An area's provider sends only its own messages; the root's stay readable beneath it.
function Both() {
  const t = useT();
  return h('p', null, `${t('common.retry')}|${t('complaints.queue.open')}`);
}

const rootMessages = { 'common.retry': '重试' } as Partial<Messages>;
const areaMessages = { 'complaints.queue.open': '未办结' } as Partial<Messages>;

describe('I18nProvider', () => {
  it('adds an inner provider’s messages to the outer one’s', () => {
    const html = renderToStaticMarkup(
      h(I18nProvider, {
        locale: 'zh-CN',
        messages: rootMessages,
        children: h(I18nProvider, { locale: 'zh-CN', messages: areaMessages, children: h(Both) }),
      }),
    );
    expect(html).toBe('<p>重试|未办结</p>');
  });

  it('keeps an outer provider’s messages out of another language', () => {
    const html = renderToStaticMarkup(
      h(I18nProvider, {
        locale: 'zh-CN',
        messages: rootMessages,
        children: h(I18nProvider, { locale: 'en', messages: areaMessages, children: h(Both) }),
      }),
    );
    expect(html).not.toContain('重试');
    expect(html).toContain('未办结');
  });
});
