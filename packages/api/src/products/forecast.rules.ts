import { mean, sum } from 'simple-statistics';
import { addDays, mondayOf, type SpecialDay } from '../schedule/calendar.rules';

// Demand against allocation (需求预测 vs 投放): the forecast of one series — a product's confirmed orders per
// weekly order cycle, in one district or the whole company — and its back-test. Pure: the service reads the
// per-cycle summary and the calendar, these functions do the arithmetic. docs/forecast.md explains the method
// for people; the constants below are its knobs.
//
// The method, in short: expected demand of a cycle = level × factor.
// - The level is the trimmed mean of the last LEVEL_CYCLES ordinary cycles (no public holiday in the week and
//   not next to 春节 or 国庆): recent, and a single odd week moves it little.
// - The factor says how that cycle usually differs from the level. A cycle in the window of 春节 or 国庆 (the
//   weeks before, of and after the holiday, counted from the calendar, so the moving 春节 is found wherever it
//   falls) gets the ratio that the same position of the window had in the past to the level just before that
//   window; a week with another public holiday gets the ratio such weeks had; an ordinary cycle gets the ratio of
//   the same weeks a year before to their level (the season), when the history reaches back that far. Each ratio
//   is the series' own, pulled toward the ratio of all products of the scope together (SHRINK), because one
//   product has seen one 春节 a year and one week is a noisy witness.
// - Too little history (fewer than MIN_LEVEL_CYCLES ordinary cycles): the plain mean of what there is, no factor.
//   No history at all: no forecast, and the screen says so.

/** Ordinary cycles in the level. */
export const LEVEL_CYCLES = 8;
/** Below this many ordinary cycles the level is the plain mean of every cycle, without factors. */
export const MIN_LEVEL_CYCLES = 4;
/** Weight of the pooled (all products of the scope) ratio against each of the series' own past occurrences. */
export const SHRINK = 1;
/** A ratio is kept within [0, MAX_RATIO]: one odd week on a tiny level cannot multiply a forecast by 30. */
export const MAX_RATIO = 5;
/** How many closed cycles the back-test forecasts, each from only the cycles before it. */
export const BACKTEST_CYCLES = 8;
/** How many cycles ahead the screen forecasts. */
export const FORECAST_HORIZON = 4;
/** Weeks a year back for the season: the same week 52 weeks before, and one either side of it. */
const YEAR_WEEKS = 52;

export type HolidayKind = 'SPRING_FESTIVAL' | 'NATIONAL_DAY' | 'OTHER_HOLIDAY';

/** Weeks before and after the holiday's own week that belong to its window. */
export const HOLIDAY_WINDOWS = {
  // 年货: shops stock up in the weeks before 春节; the festival week orders little; the weeks after restart.
  SPRING_FESTIVAL: { before: 3, after: 2, name: '春节' },
  // 国庆 (with 中秋 when they meet): the week before stocks up, the holiday week is short, the week after catches up.
  NATIONAL_DAY: { before: 1, after: 1, name: '国庆' },
} as const;

/** Where a cycle (a week, by its Monday) stands against the holidays; null for an ordinary cycle. */
export type CycleTag = { holiday: HolidayKind; offset: number };

export const tagKey = (tag: CycleTag) => `${tag.holiday}:${tag.offset}`;

export type Calendar = {
  /** The tag of the week starting on this Monday. */
  tagOf(week: string): CycleTag | null;
};

type Block = { from: string; to: string; names: Set<string> };

/** Maximal runs of consecutive holidays (a weekend inside a holiday is itself listed as a holiday day). */
function holidayBlocks(days: readonly SpecialDay[]): Block[] {
  const holidays = days.filter((d) => d.kind === 'HOLIDAY').sort((a, b) => a.date.localeCompare(b.date));
  const blocks: Block[] = [];
  for (const d of holidays) {
    const last = blocks.at(-1);
    if (last && addDays(last.to, 1) >= d.date) {
      last.to = d.date;
      last.names.add(d.name);
    } else blocks.push({ from: d.date, to: d.date, names: new Set([d.name]) });
  }
  return blocks;
}

/**
 * The calendar of the forecast from the admin-kept special days: each run of holidays named 春节 (or 国庆,
 * which may include 中秋) is anchored on the week of its middle day, and the weeks of its window are tagged by
 * their distance from that week (−2 is two weeks before). Any other week holding a public holiday is
 * OTHER_HOLIDAY. Weeks with nothing are ordinary.
 */
export function forecastCalendar(days: readonly SpecialDay[]): Calendar {
  const tags = new Map<string, CycleTag>();
  const windows: { week: string; tag: CycleTag }[] = [];
  for (const block of holidayBlocks(days)) {
    const kind = (Object.keys(HOLIDAY_WINDOWS) as (keyof typeof HOLIDAY_WINDOWS)[]).find((k) =>
      [...block.names].some((n) => n.includes(HOLIDAY_WINDOWS[k].name)),
    );
    if (!kind) {
      for (let d = block.from; d <= block.to; d = addDays(d, 1))
        windows.push({ week: mondayOf(d), tag: { holiday: 'OTHER_HOLIDAY', offset: 0 } });
      continue;
    }
    const length = (Date.parse(block.to) - Date.parse(block.from)) / 86_400_000;
    const anchor = mondayOf(addDays(block.from, Math.floor(length / 2)));
    const { before, after } = HOLIDAY_WINDOWS[kind];
    for (let k = -before; k <= after; k++) windows.push({ week: addDays(anchor, 7 * k), tag: { holiday: kind, offset: k } });
  }
  // 春节 and 国庆 windows win over another holiday in the same week.
  for (const w of windows) if (w.tag.holiday === 'OTHER_HOLIDAY' && !tags.has(w.week)) tags.set(w.week, w.tag);
  for (const w of windows) if (w.tag.holiday !== 'OTHER_HOLIDAY') tags.set(w.week, w.tag);
  return { tagOf: (week) => tags.get(week) ?? null };
}

/** One closed cycle of a series: its Monday and the 条 ordered (0 when nothing was). Cycles not computed are absent. */
export type Point = { week: string; quantity: number };

export type Level = { value: number; cycles: number };

/**
 * The trimmed mean of the last LEVEL_CYCLES ordinary cycles before `before` (the highest and the lowest left out
 * once there are five or more); null with fewer than MIN_LEVEL_CYCLES.
 */
export function levelBefore(points: readonly Point[], before: string, calendar: Calendar): Level | null {
  const recent: number[] = [];
  for (let i = points.length - 1; i >= 0 && recent.length < LEVEL_CYCLES; i--) {
    const p = points[i]!;
    if (p.week < before && !calendar.tagOf(p.week)) recent.push(p.quantity);
  }
  if (recent.length < MIN_LEVEL_CYCLES) return null;
  const sorted = [...recent].sort((a, b) => a - b);
  const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  return { value: mean(kept), cycles: recent.length };
}

const clampRatio = (r: number) => Math.min(MAX_RATIO, Math.max(0, r));

// Week arithmetic runs thousands of times a request (every back-test cycle of every product): the validated
// addDays is kept for the calendar, and weeks move by a cached shift.
const shifted = new Map<string, string>();
function shiftWeeks(week: string, n: number): string {
  const key = `${week}|${n}`;
  let out = shifted.get(key);
  if (out === undefined) {
    if (shifted.size > 50_000) shifted.clear();
    out = addDays(week, 7 * n);
    shifted.set(key, out);
  }
  return out;
}

/** The first Monday of the window a tagged week belongs to: the level of an occurrence is taken before it. */
function windowStart(week: string, tag: CycleTag): string {
  const before = tag.holiday === 'OTHER_HOLIDAY' ? 0 : HOLIDAY_WINDOWS[tag.holiday].before;
  return shiftWeeks(week, -(tag.offset + before));
}

/** What a history says about factors: each holiday position's past ratios, and the season of a given week. */
export type Ratios = {
  holiday: Map<string, number[]>;
  /** The ratio of the weeks a year before `week` (ordinary ones among 53, 52 and 51 weeks back) to their level; null without them. */
  season(week: string): number | null;
};

export function ratiosOf(points: readonly Point[], calendar: Calendar): Ratios {
  const holiday = new Map<string, number[]>();
  // A window's weeks share the level before it: computed once per window.
  const levels = new Map<string, Level | null>();
  const levelAt = (before: string) => {
    if (!levels.has(before)) levels.set(before, levelBefore(points, before, calendar));
    return levels.get(before)!;
  };
  for (const p of points) {
    const tag = calendar.tagOf(p.week);
    if (!tag) continue;
    const level = levelAt(windowStart(p.week, tag));
    if (!level || level.value <= 0) continue;
    const key = tagKey(tag);
    const ratios = holiday.get(key);
    if (ratios) ratios.push(clampRatio(p.quantity / level.value));
    else holiday.set(key, [clampRatio(p.quantity / level.value)]);
  }
  const byWeek = new Map(points.map((p) => [p.week, p.quantity]));
  return {
    holiday,
    season(week) {
      const back = shiftWeeks(week, -YEAR_WEEKS);
      const around = [shiftWeeks(back, -1), back, shiftWeeks(back, 1)].filter((w) => byWeek.has(w) && !calendar.tagOf(w));
      if (around.length === 0) return null;
      // The level just before that week, as the target's own level is the one just before the target.
      const level = levelAt(back);
      if (!level || level.value <= 0) return null;
      return clampRatio(mean(around.map((w) => byWeek.get(w)!)) / level.value);
    },
  };
}

export type FactorSource = 'own' | 'blend' | 'pooled' | 'none';
export type Factor = { value: number; source: FactorSource; occurrences: number };

/** The series' own ratios pulled toward the pooled one: (Σ own + SHRINK × pooled) / (n + SHRINK). */
export function blendFactor(own: readonly number[], pooled: number | null | undefined): Factor {
  if (own.length > 0 && pooled != null)
    return { value: (sum(own) + SHRINK * pooled) / (own.length + SHRINK), source: 'blend', occurrences: own.length };
  if (own.length > 0) return { value: mean(own), source: 'own', occurrences: own.length };
  if (pooled != null) return { value: pooled, source: 'pooled', occurrences: 0 };
  return { value: 1, source: 'none', occurrences: 0 };
}

export type Method = 'seasonal' | 'plainLevel' | 'noHistory';

export type TargetForecast = {
  week: string;
  /** Expected 条; null when the series has no history. */
  quantity: number | null;
  tag: CycleTag | null;
  factor: Factor | null;
};

export type SeriesForecast = {
  method: Method;
  level: number | null;
  /** Ordinary cycles in the level (seasonal), or every cycle averaged (plain level). */
  levelCycles: number;
  targets: TargetForecast[];
};

/** The series from its first cycle with an order on: before it the product was not sold here. */
export function fromFirstOrder(points: readonly Point[]): Point[] {
  const first = points.findIndex((p) => p.quantity > 0);
  return first < 0 ? [] : points.slice(first);
}

/**
 * Forecasts the cycles `targets` (Mondays after the history) from `history` (ascending, closed cycles only).
 * `pooled` are the ratios of all products of the scope together over the same history.
 */
export function forecastSeries(
  history: readonly Point[],
  targets: readonly string[],
  calendar: Calendar,
  pooled: Ratios | null,
): SeriesForecast {
  const points = fromFirstOrder(history);
  if (points.length === 0)
    return {
      method: 'noHistory',
      level: null,
      levelCycles: 0,
      targets: targets.map((week) => ({ week, quantity: null, tag: calendar.tagOf(week), factor: null })),
    };
  const level = levelBefore(points, targets[0] ?? '9999-12-31', calendar);
  if (!level) {
    const plain = mean(points.map((p) => p.quantity));
    return {
      method: 'plainLevel',
      level: plain,
      levelCycles: points.length,
      targets: targets.map((week) => ({ week, quantity: plain, tag: calendar.tagOf(week), factor: null })),
    };
  }
  const own = ratiosOf(points, calendar);
  return {
    method: 'seasonal',
    level: level.value,
    levelCycles: level.cycles,
    targets: targets.map((week) => {
      const tag = calendar.tagOf(week);
      const factor = tag
        ? blendFactor(own.holiday.get(tagKey(tag)) ?? [], pooledHoliday(pooled, tag))
        : blendFactor(nonNull([own.season(week)]), pooled?.season(week));
      return { week, quantity: level.value * factor.value, tag, factor };
    }),
  };
}

function pooledHoliday(pooled: Ratios | null, tag: CycleTag): number | null {
  const ratios = pooled?.holiday.get(tagKey(tag));
  return ratios?.length ? mean(ratios) : null;
}

const nonNull = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

/** The scope's total: every series added up cycle by cycle (the pooled ratios are read from it). */
export function totalSeries(series: readonly (readonly Point[])[]): Point[] {
  const byWeek = new Map<string, number>();
  for (const s of series) for (const p of s) byWeek.set(p.week, (byWeek.get(p.week) ?? 0) + p.quantity);
  return [...byWeek.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, quantity]) => ({ week, quantity }));
}

export type BacktestPoint = { week: string; actual: number; forecast: number | null };

export type Backtest = {
  points: BacktestPoint[];
  /** Mean of |actual − forecast| / actual over the cycles with an actual above 0 and a forecast; null when none. */
  mape: number | null;
  /** Cycles left out because nothing was ordered (a percentage of 0 has no meaning). */
  skippedZero: number;
  /** Cycles left out because there was no history before them. */
  skippedNoForecast: number;
  /** Σ |actual − forecast| and Σ actual over the cycles counted: weighted MAPE over many series is their ratio. */
  absError: number;
  actual: number;
};

/**
 * Forecasts each of `weeks` (closed cycles of the history) from only the cycles before it, as the screen would
 * have forecast it one cycle ahead, and measures the error. `pooledAt(week)` gives the pooled ratios of the
 * history before that week.
 */
export function backtest(
  history: readonly Point[],
  weeks: readonly string[],
  calendar: Calendar,
  pooledAt: (week: string) => Ratios | null,
): Backtest {
  const byWeek = new Map(history.map((p) => [p.week, p.quantity]));
  const points: BacktestPoint[] = [];
  let skippedZero = 0;
  let skippedNoForecast = 0;
  const errors: number[] = [];
  let absError = 0;
  let actual = 0;
  for (const week of weeks) {
    if (!byWeek.has(week)) continue;
    const a = byWeek.get(week)!;
    const before = history.filter((p) => p.week < week);
    const f = forecastSeries(before, [week], calendar, pooledAt(week)).targets[0]!.quantity;
    points.push({ week, actual: a, forecast: f });
    if (f === null) {
      // A series that had not started yet has nothing to be wrong about; one that had is.
      if (a > 0) skippedNoForecast++;
      continue;
    }
    if (a <= 0) {
      skippedZero++;
      continue;
    }
    errors.push(Math.abs(a - f) / a);
    absError += Math.abs(a - f);
    actual += a;
  }
  return { points, mape: errors.length ? mean(errors) : null, skippedZero, skippedNoForecast, absError, actual };
}

/** Weighted MAPE of many back-tests: Σ |actual − forecast| / Σ actual (big series count for more); null when nothing counted. */
export function weightedMape(tests: readonly Pick<Backtest, 'absError' | 'actual'>[]): number | null {
  const actual = sum(tests.map((t) => t.actual));
  return actual > 0 ? sum(tests.map((t) => t.absError)) / actual : null;
}

/** The Monday `n` weeks after `week`. */
export const weeksAfter = (week: string, n: number) => shiftWeeks(week, n);
