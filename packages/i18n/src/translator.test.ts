import { describe, expect, it, vi } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { messages, translate, type MessageKey } from './messages';
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

  it('joins a list parameter the way the language of the message joins lists, and counts it in a plural', () => {
    const licences = ['330100000001', '330100000002', '330100000003'];
    expect(translate('zh-CN', 'promotions.staff.errors.unknownLicences', { licences })).toContain(
      '330100000001、330100000002和330100000003',
    );
    const en = translate('en', 'promotions.staff.errors.unknownLicences', { licences });
    expect(en).toContain('330100000001, 330100000002 and 330100000003');
    expect(en).not.toMatch(/[、：（）]/);
    expect(interpolate('{n, plural, one {# item} other {# items}}', { n: ['a', 'b'] }, 'en')).toBe('2 items');
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

  it('puts a count before an English noun in the right plural form', () => {
    const t = createTranslator(messages.en, 'en');
    expect(t('allocation.staff.pendingBanner', { n: 1 })).toBe('1 policy version is waiting for approval.');
    expect(t('allocation.staff.pendingBanner', { n: 2 })).toBe('2 policy versions are waiting for approval.');
    expect(t('alerts.queue.total', { total: 1 })).toBe('1 alert');
    expect(t('alerts.queue.total', { total: '12,345' })).toBe('12,345 alerts');
    expect(t('knowledge.staff.total', { n: '1' })).toBe('1 article');
    expect(t('knowledge.staff.total', { n: 40 })).toBe('40 articles');
    expect(t('imports.counts', { total: 1, valid: 1, invalid: 0, errors: 0 })).toBe('1 row: 1 valid, 0 with problems (0 problems).');
    expect(t('imports.counts', { total: '1,200', valid: '1,199', invalid: 1, errors: 1 })).toBe(
      '1,200 rows: 1,199 valid, 1 with problems (1 problem).',
    );
    expect(t('imports.applied', { count: 1, at: '04/12/2026 10:00' })).toBe('1 row written at 04/12/2026 10:00.');
    expect(t('imports.applied', { count: 3, at: '04/12/2026 10:00' })).toBe('3 rows written at 04/12/2026 10:00.');
    expect(t('imports.applyConfirm', { count: 1 })).toBe('Write this 1 row?');
    expect(t('imports.applyConfirm', { count: 25 })).toBe('Write these 25 rows?');
    expect(t('imports.report.kept', { kept: 1, total: 1 })).toBe('The report keeps the first 1 of 1 problem.');
    expect(t('imports.report.kept', { kept: '1,000', total: '2,500' })).toBe('The report keeps the first 1,000 of 2,500 problems.');
    expect(t('allocation.staff.compare.caption', { a: '2026-W10 v1', b: '2026-W10 v2', n: 1 })).toBe(
      '2026-W10 v1 against 2026-W10 v2 (1 difference)',
    );
    expect(t('allocation.staff.compare.caption', { a: '2026-W10 v1', b: '2026-W10 v2', n: 7 })).toBe(
      '2026-W10 v1 against 2026-W10 v2 (7 differences)',
    );
    expect(t('grading.staff.explain.band', { grade: 12, min: '61.5', max: '63', count: 1 })).toBe('Grade 12: scores 61.5–63 (1 retailer)');
    expect(t('grading.staff.explain.band', { grade: 12, min: '61.5', max: '63', count: 310 })).toBe(
      'Grade 12: scores 61.5–63 (310 retailers)',
    );
    expect(t('complaints.portal.waitingBanner', { n: 1 })).toContain('1 of your requests is waiting');
    expect(t('surveys.analytics.hiddenGroups', { count: 1, threshold: 5 })).toBe(
      '1 more group has fewer than 5 responses and is hidden to protect the respondents.',
    );
    // A signed adjustment keeps its sign and still agrees with its number.
    expect(t('allocation.why.adjustment', { delta: '+1', reason: 'x' })).toBe('Adjusted by +1 carton: x');
    expect(t('allocation.why.adjustment', { delta: -3, reason: 'x' })).toBe('Adjusted by -3 cartons: x');
  });

  it('says the count in Chinese for the messages English pluralises', () => {
    const t = createTranslator(messages['zh-CN'], 'zh-CN');
    expect(t('allocation.staff.pendingBanner', { n: 1 })).toBe('有 1 个投放策略版本等待审批。');
    expect(t('alerts.queue.total', { total: '12,345' })).toBe('共 12,345 条预警');
    expect(t('imports.applyConfirm', { count: 1 })).toBe('确定写入这 1 行数据？');
    expect(t('imports.report.kept', { kept: 3, total: 9 })).toBe('报告保存前 3 个问题，共 9 个。');
    expect(t('allocation.why.adjustment', { delta: '+1', reason: 'x' })).toBe('单独调整 +1 条：x');
  });

  it('changes the English words, not only the number, between a count of 1 and of 2', () => {
    // Every message that puts a count before an English noun or verb: rendered with every parameter 1 and
    // then 2, the words must differ ("1 row" / "2 rows"), so a message that loses its plural fails here.
    const counted: MessageKey[] = [
      'admin.assign.bulkHint',
      'admin.calendar.previewSummary',
      'admin.categories.days',
      'alerts.figures.LARGE_RETAILER',
      'alerts.figures.MONTH_SPIKE',
      'alerts.figures.ORDER_SPIKE',
      'alerts.figures.PRICE_SPIKE',
      'alerts.figures.STOPPED_ORDERING',
      'alerts.queue.total',
      'alerts.trends.byDistrict',
      'alerts.trends.description',
      'allocation.staff.compare.caption',
      'allocation.staff.grid.tickedRows',
      'allocation.staff.pendingBanner',
      'allocation.summary.body',
      'allocation.why.adjustment',
      'allocation.why.band',
      'allocation.why.effective',
      'analysis.capability.intervals',
      'analysis.capability.span',
      'analysis.capability.varietyValue',
      'analysis.capability.volumeValue',
      'auth.error.RATE_LIMITED',
      'auth.reset.sent',
      'auth.reset.smsBody',
      'common.charLimit',
      'common.pasteCut',
      'complaints.case.order',
      'complaints.portal.orderOption',
      'complaints.portal.orderShort',
      'complaints.error.tooManyFiles',
      'complaints.form.attachmentsHint',
      'complaints.portal.waitingBanner',
      'complaints.queue.captionCapped',
      'dashboard.grades.totals',
      'dashboard.grades.totalsWithPrevious',
      'dashboard.satisfaction.hidden',
      'dashboard.satisfaction.source',
      'dashboard.sla.overall',
      'grading.appeal.intro',
      'grading.errors.cyclesOpen',
      'grading.integrity.errors.batchSize',
      'grading.score.valueTiao',
      'grading.staff.appeals.peers',
      'grading.staff.explain.amount',
      'grading.staff.explain.classShare',
      'grading.staff.explain.variety',
      'grading.staff.explain.volume',
      'grading.staff.explain.band',
      'grading.staff.explain.total',
      'grading.staff.review.how',
      'grading.staff.review.totals',
      'grading.staff.runs.openCycles',
      'grading.staff.shares.previewTitle',
      'grading.why.band',
      'imports.allValid',
      'imports.applied',
      'imports.applyConfirm',
      'imports.applyValid',
      'imports.applyValidConfirm',
      'imports.counts',
      'imports.progress.checking',
      'imports.reject.tooManyRows',
      'imports.report.kept',
      'knowledge.staff.insights.daysOption',
      'knowledge.staff.total',
      'notifications.unreadBadge',
      'products.demand.forecast',
      'products.demand.limit',
      'products.demand.room',
      'products.demand.short',
      'products.volumeTiao',
      'products.demand.mape.period',
      'products.demand.method.fallback',
      'products.demand.method.level',
      'products.demand.plainLevel',
      'products.demand.source',
      'products.pareto.summary',
      'products.reachMonth',
      'products.total',
      'promotions.home.more',
      'promotions.staff.list.status',
      'promotions.staff.reach.unknown',
      'report.scarce.text',
      'report.summary.firstMonth',
      'report.summary.up',
      'report.summary.down',
      'report.summary.same',
      'retailer360.event.ORDER',
      'retailer360.event.REDEMPTION',
      'retailer360.limits',
      'retailer360.orderedValue',
      'rewards.redeem.confirmBody',
      'rewards.redeem.done',
      'rewards.redeem.notEnough',
      'rewards.staff.notify.rejectedBody',
      'rewards.staff.runs.processed',
      'rewards.tier.next',
      'schedule.orders.cycleTotal',
      'schedule.upcoming.title',
      'surveys.analytics.anonNote',
      'surveys.analytics.hiddenGroups',
      'surveys.analytics.suppressed',
      'surveys.detail.counts',
      'surveys.form.ratingValue',
      'surveys.plan.beforeOpen',
    ];
    const words = (key: MessageKey, value: number) => {
      const text = messages.en[key];
      const params = Object.fromEntries([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => [m[1], value]));
      return translate('en', key, params).replace(/\d/g, '');
    };
    for (const key of counted) expect(words(key, 1), key).not.toBe(words(key, 2));
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

describe('formatting without IntlMessageFormat instances', () => {
  // Sample values by parameter: a count for plurals and numbers, text for the rest.
  const sample = (text: string, locale: 'zh-CN' | 'en') => {
    const values: Record<string, string | number> = {};
    const walk = (nodes: { type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }[]) => {
      for (const n of nodes) {
        if (n.type !== 0 && n.type !== 7 && typeof n.value === 'string') values[n.value] = n.type === 1 ? `«${n.value}»` : 2;
        for (const o of Object.values(n.options ?? {})) walk(o.value as never);
      }
    };
    walk(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).getAst() as never);
    return values;
  };

  it('renders every message in both languages exactly as IntlMessageFormat does', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [key, text] of Object.entries(messages[locale])) {
        const values = sample(text, locale);
        const expected = String(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).format(values));
        expect(interpolate(text, values, locale), `${locale} ${key}`).toBe(expected);
      }
    }
  });

  it('keeps ICU escapes and reports invalid ICU as written', () => {
    expect(interpolate("It''s '{'literal'}' {n}", { n: 3 }, 'en')).toBe("It's {literal} 3");
    expect(interpolate('{broken', { n: 1 }, 'en')).toBe('{broken');
  });

  it('does not resolve the locale against every locale the engine knows, which costs a page its start-up', () => {
    const resolve = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    try {
      // Texts no other test formats, so nothing is cached from before.
      expect(interpolate('请稍候（未缓存）', undefined, 'zh-CN')).toBe('请稍候（未缓存）');
      expect(interpolate('第 {page} 页，共 {total} 条（未缓存）', { page: 2, total: 93 }, 'zh-CN')).toBe('第 2 页，共 93 条（未缓存）');
      expect(interpolate('{n, plural, other {# 个活动}}待审批（未缓存）', { n: 7 }, 'zh-CN')).toBe('7 个活动待审批（未缓存）');
      expect(resolve).not.toHaveBeenCalled();
    } finally {
      resolve.mockRestore();
    }
  });
});
