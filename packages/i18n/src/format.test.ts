import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatFen, formatNumber, formatPercent, formatWeekday } from './format';
import { formatList } from './translator';

// 2026-12-04 17:05 UTC is 2026-12-05 01:05 in Beijing: every date is shown in China's time zone.
const LATE_EVENING_UTC = '2026-12-04T17:05:00Z';

describe('formatting for people', () => {
  it('writes dates and times in China time, one style per language', () => {
    expect(formatDate(LATE_EVENING_UTC, 'zh-CN')).toBe('2026-12-05');
    expect(formatDate(LATE_EVENING_UTC, 'en')).toBe('05/12/2026');
    expect(formatDateTime(LATE_EVENING_UTC, 'zh-CN')).toBe('2026-12-05 01:05');
    expect(formatDateTime(LATE_EVENING_UTC, 'en')).toBe('05/12/2026 01:05');
    expect(formatWeekday(LATE_EVENING_UTC, 'zh-CN')).toBe('周六');
    expect(formatWeekday(LATE_EVENING_UTC, 'en')).toBe('Sat');
  });

  it('keeps formatters with different options apart although each is built once', () => {
    // The same call twice, and calls that differ only in options, interleaved: a formatter reused for the
    // wrong options would show up here.
    expect(formatPercent(0.12345, 'zh-CN')).toBe('12.3%');
    expect(formatPercent(0.12345, 'zh-CN', 0)).toBe('12%');
    expect(formatPercent(0.12345, 'zh-CN')).toBe('12.3%');
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatFen(123450, 'zh-CN')).toBe('¥1,234.50');
    expect(formatFen(123450, 'en')).toBe('CN¥1,234.50');
    expect(formatDate(LATE_EVENING_UTC, 'zh-CN')).toBe('2026-12-05');
    expect(formatDateTime(LATE_EVENING_UTC, 'zh-CN')).toBe('2026-12-05 01:05');
  });

  it('joins lists in the reader’s language', () => {
    expect(formatList(['甲', '乙', '丙'], 'zh-CN')).toBe('甲、乙和丙');
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(formatList(['甲', '乙'], 'zh-CN')).toBe('甲和乙');
  });
});
