import { describe, expect, it } from 'vitest';
import {
  articlePlainText,
  canTransition,
  excerpt,
  highlight,
  likePattern,
  rankArticles,
  sanitizeArticleBody,
  searchTerms,
  visibleToRetailers,
  MIN_SUGGESTION_SCORE,
  type TSearchArticle,
} from './knowledge.rules';

// A fixed article set, written as the demo seed writes them: plain text of both languages and tags.
const ARTICLES: TSearchArticle[] = [
  {
    id: 1,
    titleZh: '如何申请开具增值税发票',
    titleEn: 'How to request a VAT invoice',
    textZh: '每月结算完成后，可在“订单”页选择需要开票的订单，提交开票申请。发票抬头须与许可证上的名称一致。',
    textEn: 'After the monthly settlement, choose the orders to invoice on the Orders page and submit a request.',
    tags: ['发票', '开票', 'invoice'],
  },
  {
    id: 2,
    titleZh: '网上订货的时间和步骤',
    titleEn: 'When and how to order online',
    textZh: '订货窗口为每周六中午 12:00 至订货日前一天 23:59。在“货源”页查看限量后下单。',
    textEn: 'The order window opens on Saturday at 12:00 and closes at 23:59 the day before your order day.',
    tags: ['订货', 'order'],
  },
  {
    id: 3,
    titleZh: '忘记密码怎么办',
    titleEn: 'Forgot your password',
    textZh: '在登录页点击“忘记密码”，或请客户经理为您重置密码。重置后首次登录须修改密码。',
    textEn: 'Tap “Forgot password” on the sign-in page, or ask your account manager to reset it.',
    tags: ['密码', '登录'],
  },
  {
    id: 4,
    titleZh: '电子结算扣款失败的处理',
    titleEn: 'When an electronic settlement payment fails',
    textZh: '扣款失败时请检查银行卡余额。结算成功后可申请发票。',
    textEn: 'Check your bank card balance. Once settled you can request an invoice.',
    tags: ['结算'],
  },
  {
    id: 5,
    titleZh: '送货时间说明',
    titleEn: 'Delivery times',
    textZh: '送货一般在订货日后第 2 个工作日。',
    textEn: 'Delivery is normally on the second working day after your order day.',
    tags: ['送货'],
  },
];

const ids = (query: string, limit = 5, min = 0) => rankArticles(ARTICLES, query, limit, min).map((a) => a.id);

describe('Chinese search ranking on a fixed article set', () => {
  it('puts the article whose title holds the word first, then those that only mention it', () => {
    expect(ids('发票')).toEqual([1, 4]);
  });

  it('finds words inside unspaced Chinese text (substring, not whole words)', () => {
    expect(ids('订货日')).toEqual([2, 5]);
    expect(ids('扣款')).toEqual([4]);
  });

  it('cuts a typed sentence into bigrams, drops the filler, and ranks by the share of pieces matched', () => {
    const terms = searchTerms('我想问一下怎么开发票');
    expect(terms).toContain('发票');
    expect(terms).not.toContain('我想');
    expect(terms).not.toContain('一下');
    expect(ids('我想问一下怎么开发票', 3, MIN_SUGGESTION_SCORE)[0]).toBe(1);
    expect(ids('密码忘了登录不上去', 3, MIN_SUGGESTION_SCORE)).toEqual([3]);
  });

  it('matches English case-insensitively and full-width letters as ASCII', () => {
    expect(ids('INVOICE')[0]).toBe(1);
    expect(ids('ｉｎｖｏｉｃｅ')[0]).toBe(1);
  });

  it('lets tags the author chose lift an article', () => {
    // 登录 appears in article 3's text and tags only; its tag puts it above nothing else that mentions it.
    expect(ids('登录')).toEqual([3]);
  });

  it('uses trigram similarity to break ties and to keep near misses', () => {
    const withSimilarity = ARTICLES.map((a) => ({ ...a, titleSimilarity: a.id === 4 ? 0.9 : 0 }));
    expect(rankArticles(withSimilarity, '发票', 5).map((a) => a.id)).toEqual([1, 4]);
    const typo = ARTICLES.map((a) => ({ ...a, titleSimilarity: a.id === 1 ? 0.7 : 0 }));
    expect(rankArticles(typo, 'invioce', 5).map((a) => a.id)).toEqual([1]);
  });

  it('returns nothing for a query with no usable term, and at most the limit', () => {
    expect(ids('？！')).toEqual([]);
    // A single character typed alone is searched as itself.
    expect(ids('票')).toEqual([1, 4]);
    expect(ids('发票', 1)).toEqual([1]);
  });
});

describe('search terms', () => {
  it('keeps short Chinese words whole, splits mixed scripts, and caps the count', () => {
    expect(searchTerms('修改密码')).toEqual(['修改密码']);
    expect(searchTerms('app登录')).toEqual(['app', '登录']);
    expect(searchTerms('发票 invoice')).toEqual(['发票', 'invoice']);
    expect(searchTerms('一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯').length).toBe(16);
  });

  it('escapes LIKE wildcards typed by a person', () => {
    expect(likePattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});

describe('highlighting and excerpts', () => {
  it('marks every occurrence of every term, as plain pieces', () => {
    expect(highlight('申请发票和开票', ['发票', '开票'])).toEqual([
      { text: '申请', match: false },
      { text: '发票', match: true },
      { text: '和', match: false },
      { text: '开票', match: true },
    ]);
    expect(
      highlight('<b>x</b>', ['x'])
        .map((p) => p.text)
        .join(''),
    ).toBe('<b>x</b>');
  });

  it('cuts the body around its first match', () => {
    const text = `${'甲'.repeat(100)}发票${'乙'.repeat(100)}`;
    const cut = excerpt(text, ['发票'], 40);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut).toContain('发票');
    expect(excerpt('短文本', ['无'], 40)).toBe('短文本');
  });
});

describe('rich text, visibility and lifecycle', () => {
  it('sanitises the body and keeps a plain-text copy with paragraphs apart', () => {
    const html = sanitizeArticleBody('<p>第一段<script>alert(1)</script></p><p onclick="x()">第二段</p>');
    expect(html).toBe('<p>第一段</p><p>第二段</p>');
    expect(articlePlainText(html)).toBe('第一段 第二段');
  });

  it('shows retailers only published articles meant for them', () => {
    expect(visibleToRetailers({ state: 'PUBLISHED', audience: 'RETAILERS' })).toBe(true);
    expect(visibleToRetailers({ state: 'PUBLISHED', audience: 'BOTH' })).toBe(true);
    expect(visibleToRetailers({ state: 'PUBLISHED', audience: 'STAFF' })).toBe(false);
    expect(visibleToRetailers({ state: 'DRAFT', audience: 'RETAILERS' })).toBe(false);
    expect(visibleToRetailers({ state: 'RETIRED', audience: 'BOTH' })).toBe(false);
  });

  it('publishes drafts and retired articles, retires only published ones', () => {
    expect(canTransition('DRAFT', 'publish')).toBe(true);
    expect(canTransition('RETIRED', 'publish')).toBe(true);
    expect(canTransition('PUBLISHED', 'publish')).toBe(false);
    expect(canTransition('PUBLISHED', 'retire')).toBe(true);
    expect(canTransition('DRAFT', 'retire')).toBe(false);
  });
});
