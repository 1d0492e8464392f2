import { describe, expect, it } from 'vitest';
import { publishedSpecialDays } from '../admin/calendar.source';
import { addDays } from '../schedule/calendar.rules';
import {
  backtest,
  blendFactor,
  forecastCalendar,
  forecastSeries,
  fromFirstOrder,
  levelBefore,
  MAX_RATIO,
  ratiosOf,
  totalSeries,
  weightedMape,
  type Calendar,
  type Point,
} from './forecast.rules';

const NO_HOLIDAYS: Calendar = forecastCalendar([]);
const CALENDAR = forecastCalendar([...publishedSpecialDays(2024), ...publishedSpecialDays(2025), ...publishedSpecialDays(2026)]);

/** Weekly points from a Monday on, one value a week. */
const weekly = (from: string, values: readonly number[]): Point[] =>
  values.map((quantity, i) => ({ week: addDays(from, 7 * i), quantity }));
const weeksFrom = (from: string, to: string) => {
  const weeks: string[] = [];
  for (let w = from; w <= to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
};

describe('the forecast calendar', () => {
  it('anchors 春节 and 国庆 on the week of the holiday’s middle day and tags the weeks of their windows', () => {
    // 春节 2026: 15–23 February, middle day Thursday 19th, week of Monday 16th.
    expect(
      ['2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09'].map(CALENDAR.tagOf),
    ).toEqual([
      null,
      { holiday: 'SPRING_FESTIVAL', offset: -3 },
      { holiday: 'SPRING_FESTIVAL', offset: -2 },
      { holiday: 'SPRING_FESTIVAL', offset: -1 },
      { holiday: 'SPRING_FESTIVAL', offset: 0 },
      { holiday: 'SPRING_FESTIVAL', offset: 1 },
      { holiday: 'SPRING_FESTIVAL', offset: 2 },
      null,
    ]);
    // 春节 2025 fell three weeks earlier in the year: the same positions, other dates.
    expect(CALENDAR.tagOf('2025-01-27')).toEqual({ holiday: 'SPRING_FESTIVAL', offset: 0 });
    // 国庆 2025 (1–8 October, with 中秋 on the 6th inside it) is one holiday; 中秋 2026 the week before 国庆 is its window.
    expect(['2025-09-22', '2025-09-29', '2025-10-06', '2025-10-13'].map(CALENDAR.tagOf)).toEqual([
      { holiday: 'NATIONAL_DAY', offset: -1 },
      { holiday: 'NATIONAL_DAY', offset: 0 },
      { holiday: 'NATIONAL_DAY', offset: 1 },
      null,
    ]);
    expect(CALENDAR.tagOf('2026-09-21')).toEqual({ holiday: 'NATIONAL_DAY', offset: -1 });
    // 清明 2026 (4–6 April) touches two weeks; 劳动节 one.
    expect(['2026-03-30', '2026-04-06', '2026-04-27', '2026-05-04'].map(CALENDAR.tagOf)).toEqual([
      { holiday: 'OTHER_HOLIDAY', offset: 0 },
      { holiday: 'OTHER_HOLIDAY', offset: 0 },
      { holiday: 'OTHER_HOLIDAY', offset: 0 },
      { holiday: 'OTHER_HOLIDAY', offset: 0 },
    ]);
  });
});

describe('the level', () => {
  it('is the mean of the last eight ordinary cycles without the highest and the lowest', () => {
    const points = weekly('2026-06-01', [999, 10, 20, 30, 40, 50, 60, 70, 80]);
    // The last eight are 10 … 80; 10 and 80 are left out: mean of 20 … 70.
    expect(levelBefore(points, '2026-12-31', NO_HOLIDAYS)).toEqual({ value: 45, cycles: 8 });
    // Four ordinary cycles are the least; fewer give no level.
    expect(levelBefore(points.slice(0, 4), '2026-12-31', NO_HOLIDAYS)).toEqual({ value: (999 + 10 + 20 + 30) / 4, cycles: 4 });
    expect(levelBefore(points.slice(0, 3), '2026-12-31', NO_HOLIDAYS)).toBeNull();
  });

  it('skips the weeks of holidays', () => {
    // 2026-09-14 … 2026-10-19: 国庆's window (21 Sep, 28 Sep, 5 Oct) is left out of the level.
    const points = weekly('2026-08-10', [100, 100, 100, 100, 100, 100, 300, 500, 20, 400, 100]);
    expect(levelBefore(points, '2026-12-31', CALENDAR)!.value).toBe(100);
  });
});

describe('the forecast on a synthetic seasonal series with a known answer', () => {
  // Nineteen months of a district's weekly orders of one product: 100 条 in an ordinary week, and around 春节 and 国庆 the
  // multiples below; a week with another public holiday sells 80 %.
  const SPRING = { [-3]: 1.2, [-2]: 1.5, [-1]: 1.8, 0: 0.4, 1: 0.7, 2: 0.9 } as Record<number, number>;
  const NATIONAL = { [-1]: 1.3, 0: 0.6, 1: 1.1 } as Record<number, number>;
  const truth = (week: string) => {
    const tag = CALENDAR.tagOf(week);
    if (!tag) return 100;
    if (tag.holiday === 'SPRING_FESTIVAL') return 100 * SPRING[tag.offset]!;
    if (tag.holiday === 'NATIONAL_DAY') return 100 * NATIONAL[tag.offset]!;
    return 80;
  };
  const history = weeksFrom('2024-06-03', '2026-01-12').map((week) => ({ week, quantity: truth(week) }));

  it('forecasts each week of the next 春节 window from the last one, whatever its date', () => {
    const targets = weeksFrom('2026-01-19', '2026-03-09');
    const f = forecastSeries(history, targets, CALENDAR, ratiosOf(history, CALENDAR));
    expect(f.method).toBe('seasonal');
    expect(f.level).toBe(100);
    expect(f.levelCycles).toBe(8);
    expect(f.targets.map((t) => t.quantity)).toEqual(targets.map((w) => expect.closeTo(truth(w), 9)));
    expect(f.targets.map((t) => t.quantity)).toEqual([100, 120, 150, 180, 40, 70, 90, 100].map((x) => expect.closeTo(x, 9)));
    expect(f.targets[3]).toMatchObject({ tag: { holiday: 'SPRING_FESTIVAL', offset: -1 }, factor: { source: 'blend', occurrences: 1 } });
  });

  it('forecasts 国庆 and the other holidays the same way', () => {
    const before = history.filter((p) => p.week < '2025-09-15');
    const f = forecastSeries(before, weeksFrom('2025-09-15', '2025-10-13'), CALENDAR, null);
    expect(f.targets.map((t) => t.quantity)).toEqual([100, 130, 60, 110, 100].map((x) => expect.closeTo(x, 9)));
    // 国庆 2024 is the series' own only occurrence; no pooled ratios were given.
    expect(f.targets[1]!.factor).toEqual({ value: expect.closeTo(1.3, 9), source: 'own', occurrences: 1 });
    const labour = forecastSeries(
      history.filter((p) => p.week < '2026-01-05'),
      ['2026-01-05'],
      forecastCalendar([
        { date: '2026-01-06', kind: 'HOLIDAY', name: '元旦' },
        ...publishedSpecialDays(2025),
        ...publishedSpecialDays(2024),
      ]),
      null,
    );
    expect(labour.targets[0]!.quantity).toBeCloseTo(80, 9);
  });

  it('applies the season of the same weeks a year before to an ordinary week, when the history reaches back', () => {
    // No holidays; a saw-tooth year: 52 weeks rising 60 → 162 by 2 a week, then again. The mean of the three
    // weeks around the same week a year before, over their level, times today's level, is the week itself.
    const values = Array.from({ length: 52 * 2 + 10 }, (_, i) => 60 + 2 * (i % 52));
    const series = weekly('2024-01-01', values);
    const at = 52 + 30; // a week on a straight stretch of the tooth
    const f = forecastSeries(series.slice(0, at), [series[at]!.week], NO_HOLIDAYS, null);
    expect(f.targets[0]!.factor!.source).toBe('own');
    expect(f.targets[0]!.quantity).toBeCloseTo(values[at]!, 9);
    // Without a year of history the season is unknown: the level alone.
    const short = forecastSeries(series.slice(40, at), [series[at]!.week], NO_HOLIDAYS, null);
    expect(short.targets[0]!.factor).toEqual({ value: 1, source: 'none', occurrences: 0 });
    const last8 = values
      .slice(at - 8, at)
      .sort((a, b) => a - b)
      .slice(1, -1);
    expect(short.targets[0]!.quantity).toBeCloseTo(last8.reduce((s, x) => s + x, 0) / 6, 9);
  });

  it('borrows the ratio of all products together for a product that has not seen the holiday yet', () => {
    // Launched in June 2025: it never saw 春节. The scope's total did (its ratio at −1 is 1.8).
    const young = history.filter((p) => p.week >= '2025-06-02').map((p) => ({ ...p, quantity: p.quantity / 2 }));
    const f = forecastSeries(young, ['2026-02-09'], CALENDAR, ratiosOf(history, CALENDAR));
    expect(f.targets[0]!.factor).toEqual({ value: expect.closeTo(1.8, 9), source: 'pooled', occurrences: 0 });
    expect(f.targets[0]!.quantity).toBeCloseTo(90, 9);
    // Its own ratio and the pooled one are averaged, the own one counting once per occurrence.
    expect(blendFactor([2], 1)).toEqual({ value: 1.5, source: 'blend', occurrences: 1 });
    expect(blendFactor([2, 2, 2], 1).value).toBe(1.75);
    expect(blendFactor([], null)).toEqual({ value: 1, source: 'none', occurrences: 0 });
  });

  it('keeps a ratio within bounds when the level before a holiday was tiny', () => {
    const points = weekly(
      '2025-10-27',
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    );
    const spiked = points.map((p) => (p.week === '2026-02-09' ? { ...p, quantity: 60 } : p));
    expect(ratiosOf(spiked, CALENDAR).holiday.get('SPRING_FESTIVAL:-1')).toEqual([MAX_RATIO]);
  });
});

describe('too little history', () => {
  it('a product with no history has no forecast, and says so by its method', () => {
    expect(forecastSeries([], ['2026-12-07'], CALENDAR, null)).toEqual({
      method: 'noHistory',
      level: null,
      levelCycles: 0,
      targets: [{ week: '2026-12-07', quantity: null, tag: null, factor: null }],
    });
    // Rows of nothing ordered (limited, never bought) are no history either.
    expect(forecastSeries(weekly('2026-10-05', [0, 0, 0]), ['2026-12-07'], CALENDAR, null).method).toBe('noHistory');
  });

  it('fewer than four ordinary cycles: the plain mean of every cycle since the first order, no factor', () => {
    const f = forecastSeries(weekly('2026-11-02', [0, 0, 30, 60, 30]), ['2026-12-07', '2026-12-14'], CALENDAR, null);
    expect(f).toMatchObject({ method: 'plainLevel', level: 40, levelCycles: 3 });
    expect(f.targets.map((t) => [t.quantity, t.factor])).toEqual([
      [40, null],
      [40, null],
    ]);
    expect(fromFirstOrder(weekly('2026-11-02', [0, 0, 30]))).toEqual([{ week: '2026-11-16', quantity: 30 }]);
  });
});

describe('the back-test', () => {
  // Twenty ordinary weeks of 100, then eight tested weeks; no holidays.
  const tested = [100, 100, 100, 0, 100, 100, 100, 50];
  const series = weekly('2026-01-05', [...Array.from({ length: 20 }, () => 100), ...tested]);
  const weeks = series.slice(-8).map((p) => p.week);

  it('forecasts each cycle from the cycles before it only, and measures the error', () => {
    const result = backtest(series, weeks, NO_HOLIDAYS, () => null);
    // Every forecast is 100: the trimmed level leaves the one empty week out.
    expect(result.points.map((p) => p.forecast)).toEqual(Array.from({ length: 8 }, () => 100));
    expect(result.points.map((p) => p.actual)).toEqual(tested);
    // The week of 0 is left out (and counted); the week of 50 was 100 % off; the six others exact.
    expect(result.skippedZero).toBe(1);
    expect(result.skippedNoForecast).toBe(0);
    expect(result.mape).toBeCloseTo(1 / 7, 12);
    expect(result.absError).toBe(50);
    expect(result.actual).toBe(650);
    expect(weightedMape([result])).toBeCloseTo(50 / 650, 12);
  });

  it('does not peek: a change in a tested week moves only the forecasts after it', () => {
    const changed = series.map((p, i) => (i === series.length - 2 ? { ...p, quantity: 1000 } : p));
    const a = backtest(series, weeks, NO_HOLIDAYS, () => null);
    const b = backtest(changed, weeks, NO_HOLIDAYS, () => null);
    expect(b.points.slice(0, 7).map((p) => p.forecast)).toEqual(a.points.slice(0, 7).map((p) => p.forecast));
  });

  it('a series that starts inside the tested cycles is forecast from where it has history', () => {
    const young = weekly('2026-05-04', [0, 0, 0, 0, 20, 20, 20, 20]);
    const result = backtest(
      young,
      young.map((p) => p.week),
      NO_HOLIDAYS,
      () => null,
    );
    // Nothing before the first order: no forecast and nothing to count; after it, the plain mean.
    expect(result.points.map((p) => p.forecast)).toEqual([null, null, null, null, null, 20, 20, 20]);
    expect(result.skippedNoForecast).toBe(1);
    expect(result.mape).toBe(0);
  });

  it('weights many series by their volume; nothing counted is no figure rather than 0 %', () => {
    expect(
      weightedMape([
        { absError: 10, actual: 100 },
        { absError: 30, actual: 100 },
      ]),
    ).toBeCloseTo(0.2, 12);
    expect(weightedMape([{ absError: 0, actual: 0 }])).toBeNull();
    expect(weightedMape([])).toBeNull();
    expect(backtest([], weeks, NO_HOLIDAYS, () => null).mape).toBeNull();
  });

  it('adds series into the scope total cycle by cycle', () => {
    expect(totalSeries([weekly('2026-01-05', [1, 2]), weekly('2026-01-12', [10, 20])])).toEqual(weekly('2026-01-05', [1, 12, 20]));
  });
});
