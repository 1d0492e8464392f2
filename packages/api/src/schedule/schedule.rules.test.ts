import { describe, it, expect } from 'vitest';
import { SETTINGS } from '../admin/settings.registry';
import { addDays, chinaDate, chinaDateTime, createWorkCalendar, weekdayOf, type SpecialDay } from './calendar.rules';
import { CN_2023_AUTUMN, CN_2026, CONSTRUCTED_2027 } from './calendar.fixtures';
import {
  cycleSchedule,
  deliveryDate,
  orderDayForCycle,
  orderWindow,
  toScheduleSettings,
  currentCycleStart,
  cycleOfOrder,
  dueWindowReminders,
  retailerCycles,
  scheduledPublishAt,
  windowStatus,
  type ScheduleSettings,
} from './schedule.rules';

// The registry's defaults (Saturday 12:00, 23:59, 2nd working day), never retyped here.
const defaults: ScheduleSettings = toScheduleSettings({
  'schedule.windowOpenWeekday': SETTINGS['schedule.windowOpenWeekday'].default,
  'schedule.windowOpenTime': SETTINGS['schedule.windowOpenTime'].default,
  'schedule.windowCloseTime': SETTINGS['schedule.windowCloseTime'].default,
  'schedule.deliveryLagWorkingDays': SETTINGS['schedule.deliveryLagWorkingDays'].default,
  'allocation.publishWeekday': SETTINGS['allocation.publishWeekday'].default,
  'allocation.publishTime': SETTINGS['allocation.publishTime'].default,
});

const cal2026 = createWorkCalendar(CN_2026);
const cal2026and2027 = createWorkCalendar([...CN_2026, ...CONSTRUCTED_2027]);
const cal2023 = createWorkCalendar(CN_2023_AUTUMN);
const at = chinaDateTime;

describe('settings', () => {
  it('maps the registry defaults', () => {
    expect(defaults).toEqual({
      windowOpenWeekday: 6,
      windowOpenTime: '12:00',
      windowCloseTime: '23:59',
      deliveryLagWorkingDays: 2,
      policyPublishWeekday: 6,
      policyPublishTime: '12:00',
    });
  });
});

describe('an ordinary week (cycle Monday 9 March 2026), every order weekday, default settings', () => {
  // weekday, order day, window closes on, delivery
  const rows: [number, string, string, string][] = [
    [1, '2026-03-09', '2026-03-08', '2026-03-11'],
    [2, '2026-03-10', '2026-03-09', '2026-03-12'],
    [3, '2026-03-11', '2026-03-10', '2026-03-13'],
    [4, '2026-03-12', '2026-03-11', '2026-03-16'],
    [5, '2026-03-13', '2026-03-12', '2026-03-17'],
    [6, '2026-03-14', '2026-03-13', '2026-03-17'],
    [7, '2026-03-15', '2026-03-14', '2026-03-17'],
  ];
  it.each(rows)('weekday %i orders on %s, window Sat 7 March 12:00 → %s 23:59, delivery %s', (weekday, day, closeDay, delivery) => {
    const cycle = cycleSchedule('2026-03-09', weekday, cal2026, defaults);
    expect(cycle.cycleEnd).toBe('2026-03-15');
    expect(cycle.orderDay).toEqual({ scheduled: day, actual: day, moved: false, spillsIntoNextWeek: false, mergedWithNextCycle: false });
    expect(cycle.window.opensAt).toEqual(at('2026-03-07', '12:00'));
    expect(cycle.window.closesAt).toEqual(at(closeDay, '23:59'));
    expect(cycle.deliveryDate).toBe(delivery);
  });

  it('a Monday order day: opens Saturday 12:00, closes Sunday 23:59', () => {
    const window = orderWindow('2026-03-09', 1, cal2026, defaults);
    expect(window.opensAt.toISOString()).toBe('2026-03-07T04:00:00.000Z');
    expect(window.closesAt.toISOString()).toBe('2026-03-08T15:59:00.000Z');
  });
});

describe('国庆 2026 (1–7 October off, Sunday 20 Sep and Saturday 10 Oct worked)', () => {
  const rows: [number, string, string, boolean, boolean][] = [
    // weekday, scheduled, actual, spills into next week, merged with next cycle
    [1, '2026-09-28', '2026-09-28', false, false],
    [2, '2026-09-29', '2026-09-29', false, false],
    [3, '2026-09-30', '2026-09-30', false, false],
    [4, '2026-10-01', '2026-10-08', true, true],
    [5, '2026-10-02', '2026-10-08', true, false],
    [6, '2026-10-03', '2026-10-08', true, false],
    [7, '2026-10-04', '2026-10-08', true, false],
  ];
  it.each(rows)('cycle 28 Sep, weekday %i: %s → %s', (weekday, scheduled, actual, spills, merged) => {
    const day = orderDayForCycle('2026-09-28', weekday, cal2026);
    expect(day.scheduled).toBe(scheduled);
    expect(day.actual).toBe(actual);
    expect(day.moved).toBe(scheduled !== actual);
    expect(day.reason).toBe(scheduled !== actual ? '国庆节' : undefined);
    expect(day.spillsIntoNextWeek).toBe(spills);
    expect(day.mergedWithNextCycle).toBe(merged);
  });

  it('a Thursday shop orders once on 8 October for both cycles', () => {
    const first = cycleSchedule('2026-09-28', 4, cal2026, defaults);
    const second = cycleSchedule('2026-10-05', 4, cal2026, defaults);
    expect(first.orderDay.actual).toBe('2026-10-08');
    expect(second.orderDay).toMatchObject({ actual: '2026-10-08', moved: false, mergedWithNextCycle: false });
    expect(first.window).toEqual({ opensAt: at('2026-09-26', '12:00'), closesAt: at('2026-10-07', '23:59') });
    expect(second.window).toEqual({ opensAt: at('2026-10-03', '12:00'), closesAt: at('2026-10-07', '23:59') });
    // 9 Oct is the 1st working day after, Saturday 10 Oct (调休) the 2nd
    expect(first.deliveryDate).toBe('2026-10-10');
  });

  it('Monday 5 October moves within its own week', () => {
    const cycle = cycleSchedule('2026-10-05', 1, cal2026, defaults);
    expect(cycle.orderDay).toEqual({
      scheduled: '2026-10-05',
      actual: '2026-10-08',
      moved: true,
      reason: '国庆节',
      spillsIntoNextWeek: false,
      mergedWithNextCycle: false,
    });
    expect(cycle.window).toEqual({ opensAt: at('2026-10-03', '12:00'), closesAt: at('2026-10-07', '23:59') });
  });

  it('a Saturday shop orders on the make-up Saturday 10 October: a working day, not moved', () => {
    const cycle = cycleSchedule('2026-10-05', 6, cal2026, defaults);
    expect(cycle.orderDay).toMatchObject({ scheduled: '2026-10-10', actual: '2026-10-10', moved: false });
    expect(cycle.deliveryDate).toBe('2026-10-13');
  });

  it('delivers past the holiday: a Wednesday 30 Sep order on 9 Oct, a Tuesday 29 Sep order on 8 Oct', () => {
    expect(deliveryDate('2026-09-30', cal2026, defaults)).toBe('2026-10-09');
    expect(deliveryDate('2026-09-29', cal2026, defaults)).toBe('2026-10-08');
  });

  it('counts the make-up Sunday 20 Sep as a delivery day for a Friday 18 Sep order', () => {
    expect(cycleSchedule('2026-09-14', 5, cal2026, defaults).deliveryDate).toBe('2026-09-21');
  });

  it('moves a Friday order day off 中秋 (25 Sep) to Monday 28 Sep, delivered 30 Sep', () => {
    const cycle = cycleSchedule('2026-09-21', 5, cal2026, defaults);
    expect(cycle.orderDay).toMatchObject({ actual: '2026-09-28', reason: '中秋节', spillsIntoNextWeek: true, mergedWithNextCycle: false });
    expect(cycle.deliveryDate).toBe('2026-09-30');
  });
});

describe('国庆 in the constructed 2027 (1–7 October Fri–Thu off, Sunday 26 Sep and Saturday 9 Oct worked)', () => {
  it('moves a Friday order day to Friday 8 October, where it meets the next cycle', () => {
    const day = orderDayForCycle('2027-09-27', 5, cal2026and2027);
    expect(day).toEqual({
      scheduled: '2027-10-01',
      actual: '2027-10-08',
      moved: true,
      reason: '国庆节',
      spillsIntoNextWeek: true,
      mergedWithNextCycle: true,
    });
  });

  it('delivers a Thursday 30 Sep order on 9 Oct (make-up Saturday is the 2nd working day)', () => {
    expect(cycleSchedule('2027-09-27', 4, cal2026and2027, defaults).deliveryDate).toBe('2027-10-09');
  });
});

describe('春节 2026 (15–23 February off, Saturdays 14 and 28 Feb worked)', () => {
  it('moves a Monday shop of two cycles to Tuesday 24 Feb, once', () => {
    const first = orderDayForCycle('2026-02-16', 1, cal2026);
    const second = orderDayForCycle('2026-02-23', 1, cal2026);
    expect(first).toEqual({
      scheduled: '2026-02-16',
      actual: '2026-02-24',
      moved: true,
      reason: '春节',
      spillsIntoNextWeek: true,
      mergedWithNextCycle: true,
    });
    expect(second).toEqual({
      scheduled: '2026-02-23',
      actual: '2026-02-24',
      moved: true,
      reason: '春节',
      spillsIntoNextWeek: false,
      mergedWithNextCycle: false,
    });
  });

  it('keeps the window of a moved cycle open until the day before the moved day', () => {
    const window = orderWindow('2026-02-16', 5, cal2026, defaults);
    expect(window).toEqual({ opensAt: at('2026-02-14', '12:00'), closesAt: at('2026-02-23', '23:59') });
    expect(cycleSchedule('2026-02-16', 5, cal2026, defaults).deliveryDate).toBe('2026-02-26');
  });

  it('lets a Saturday shop order on the make-up Saturday 14 Feb, delivered after the holiday', () => {
    const cycle = cycleSchedule('2026-02-09', 6, cal2026, defaults);
    expect(cycle.orderDay).toMatchObject({ actual: '2026-02-14', moved: false });
    expect(cycle.window).toEqual({ opensAt: at('2026-02-07', '12:00'), closesAt: at('2026-02-13', '23:59') });
    expect(cycle.deliveryDate).toBe('2026-02-25');
  });

  it('moves a Saturday shop off the holiday Saturday 21 Feb, not onto the next cycle (28 Feb is worked)', () => {
    expect(orderDayForCycle('2026-02-16', 6, cal2026)).toMatchObject({
      actual: '2026-02-24',
      spillsIntoNextWeek: true,
      mergedWithNextCycle: false,
    });
    expect(orderDayForCycle('2026-02-23', 6, cal2026)).toMatchObject({ actual: '2026-02-28', moved: false });
  });

  it('delivers a Thursday 12 Feb order on the make-up Saturday 14 Feb', () => {
    expect(cycleSchedule('2026-02-09', 4, cal2026, defaults).deliveryDate).toBe('2026-02-14');
  });
});

describe('the year end', () => {
  it('cycle 29 Dec 2025 – 4 Jan 2026: a Thursday order day on 元旦 moves to the make-up Sunday 4 Jan', () => {
    const cycle = cycleSchedule('2025-12-29', 4, cal2026, defaults);
    expect(cycle.cycleEnd).toBe('2026-01-04');
    expect(cycle.orderDay).toEqual({
      scheduled: '2026-01-01',
      actual: '2026-01-04',
      moved: true,
      reason: '元旦',
      spillsIntoNextWeek: false,
      mergedWithNextCycle: false,
    });
    expect(cycle.window).toEqual({ opensAt: at('2025-12-27', '12:00'), closesAt: at('2026-01-03', '23:59') });
    expect(cycle.deliveryDate).toBe('2026-01-06');
  });

  it('a Wednesday 31 Dec order is delivered on Monday 5 Jan, counting the make-up Sunday', () => {
    expect(cycleSchedule('2025-12-29', 3, cal2026, defaults).deliveryDate).toBe('2026-01-05');
  });

  it('cycle 28 Dec 2026: Friday 1 Jan 2027 is a working day while 2027 is not entered (weekends only)', () => {
    expect(orderDayForCycle('2026-12-28', 5, cal2026)).toMatchObject({ actual: '2027-01-01', moved: false });
  });

  it('cycle 28 Dec 2026: with 2027 entered, Friday 1 Jan moves into the next week and year', () => {
    const cycle = cycleSchedule('2026-12-28', 5, cal2026and2027, defaults);
    expect(cycle.orderDay).toEqual({
      scheduled: '2027-01-01',
      actual: '2027-01-04',
      moved: true,
      reason: '元旦',
      spillsIntoNextWeek: true,
      mergedWithNextCycle: false,
    });
    expect(cycle.window).toEqual({ opensAt: at('2026-12-26', '12:00'), closesAt: at('2027-01-03', '23:59') });
    expect(cycle.deliveryDate).toBe('2027-01-06');
  });

  it('a Thursday 31 Dec 2026 order, cycle 28 Dec: window closes on 30 Dec, delivery in 2027', () => {
    const cycle = cycleSchedule('2026-12-28', 4, cal2026and2027, defaults);
    expect(cycle.window.closesAt).toEqual(at('2026-12-30', '23:59'));
    expect(cycle.deliveryDate).toBe('2027-01-05');
  });
});

describe('a moved order day landing on a make-up Saturday (中秋国庆 2023: 29 Sep – 6 Oct off, 7–8 Oct worked)', () => {
  it('a Friday shop: 29 Sep moves to Saturday 7 Oct, shared with the next cycle', () => {
    const cycle = cycleSchedule('2023-09-25', 5, cal2023, defaults);
    expect(cycle.orderDay).toEqual({
      scheduled: '2023-09-29',
      actual: '2023-10-07',
      moved: true,
      reason: '中秋节、国庆节',
      spillsIntoNextWeek: true,
      mergedWithNextCycle: true,
    });
    expect(weekdayOf(cycle.orderDay.actual)).toBe(6);
    expect(cycle.window).toEqual({ opensAt: at('2023-09-23', '12:00'), closesAt: at('2023-10-06', '23:59') });
    // Sunday 8 Oct (worked) is the 1st working day after, Monday 9 Oct the 2nd
    expect(cycle.deliveryDate).toBe('2023-10-09');
  });

  it.each([1, 2, 3, 4, 5])('every weekday %i of the week of 2 Oct orders on Saturday 7 Oct', (weekday) => {
    expect(orderDayForCycle('2023-10-02', weekday, cal2023)).toMatchObject({
      actual: '2023-10-07',
      moved: true,
      spillsIntoNextWeek: false,
    });
  });
});

describe('window when the opening would not be before the closing', () => {
  const sunday = (openTime: string, closeTime: string): ScheduleSettings => ({
    ...defaults,
    windowOpenWeekday: 7,
    windowOpenTime: openTime,
    windowCloseTime: closeTime,
  });

  it('a Sunday 12:00 opening and an unmoved Monday order day: the same Sunday, 12:00 → 23:59', () => {
    expect(orderWindow('2026-03-09', 1, cal2026, sunday('12:00', '23:59'))).toEqual({
      opensAt: at('2026-03-08', '12:00'),
      closesAt: at('2026-03-08', '23:59'),
    });
  });

  it('opening 18:00 after a closing at 12:00 on the same Sunday: opens a week earlier', () => {
    const window = orderWindow('2026-03-09', 1, cal2026, sunday('18:00', '12:00'));
    expect(window).toEqual({ opensAt: at('2026-03-01', '18:00'), closesAt: at('2026-03-08', '12:00') });
    // and it does not overlap the previous cycle's window
    expect(orderWindow('2026-03-02', 1, cal2026, sunday('18:00', '12:00')).closesAt.getTime()).toBeLessThanOrEqual(
      window.opensAt.getTime(),
    );
  });

  it('opening and closing at the same minute: opens a week earlier rather than never', () => {
    expect(orderWindow('2026-03-09', 1, cal2026, sunday('12:00', '12:00')).opensAt).toEqual(at('2026-03-01', '12:00'));
  });

  it('a Tuesday order day with the same settings needs no fallback', () => {
    expect(orderWindow('2026-03-09', 2, cal2026, sunday('18:00', '12:00'))).toEqual({
      opensAt: at('2026-03-08', '18:00'),
      closesAt: at('2026-03-09', '12:00'),
    });
  });

  it('for every opening weekday, order weekday and time pair: opens before it closes, within two weeks before the cycle', () => {
    for (const openWeekday of [1, 2, 3, 4, 5, 6, 7]) {
      for (const [openTime, closeTime] of [
        ['12:00', '23:59'],
        ['23:00', '00:30'],
        ['08:00', '08:00'],
      ] as const) {
        const settings: ScheduleSettings = {
          ...defaults,
          windowOpenWeekday: openWeekday,
          windowOpenTime: openTime,
          windowCloseTime: closeTime,
        };
        for (const orderWeekday of [1, 2, 3, 4, 5, 6, 7]) {
          const { opensAt, closesAt } = orderWindow('2026-03-09', orderWeekday, cal2026, settings);
          const label = `open ${openWeekday} ${openTime}, close ${closeTime}, order ${orderWeekday}`;
          expect(opensAt.getTime(), label).toBeLessThan(closesAt.getTime());
          expect(chinaDate(opensAt) >= '2026-02-23' && chinaDate(opensAt) <= '2026-03-08', label).toBe(true);
          expect(weekdayOf(chinaDate(opensAt)), label).toBe(openWeekday);
        }
      }
    }
  });

  it('a Wednesday opening for a Monday order day: Wednesday of the week before → Sunday', () => {
    const window = orderWindow('2026-03-09', 1, cal2026, { ...defaults, windowOpenWeekday: 3 });
    expect(window).toEqual({ opensAt: at('2026-03-04', '12:00'), closesAt: at('2026-03-08', '23:59') });
  });
});

describe('delivery lag setting', () => {
  it('0 working days: the order day itself, or the next working day for a weekend order day', () => {
    const sameDay = { ...defaults, deliveryLagWorkingDays: 0 };
    expect(deliveryDate('2026-03-11', cal2026, sameDay)).toBe('2026-03-11');
    expect(deliveryDate('2026-03-14', cal2026, sameDay)).toBe('2026-03-16');
    expect(deliveryDate('2026-10-10', cal2026, sameDay)).toBe('2026-10-10');
  });

  it('1 working day across 国庆', () => {
    expect(deliveryDate('2026-09-30', cal2026, { ...defaults, deliveryLagWorkingDays: 1 })).toBe('2026-10-08');
  });
});

describe('currentCycleStart: one current cycle for the whole company', () => {
  // Week of Monday 30 Nov 2026 (2026-W49); its successor starts Monday 7 Dec (W50), published Sat 5 Dec 12:00.
  const rows: [string, string, string][] = [
    ['Monday 00:00', at('2026-11-30', '00:00').toISOString(), '2026-11-30'],
    ['Wednesday 23:59', at('2026-12-02', '23:59').toISOString(), '2026-11-30'],
    ['Friday evening', at('2026-12-04', '20:00').toISOString(), '2026-11-30'],
    ['Saturday 00:40', at('2026-12-05', '00:40').toISOString(), '2026-11-30'],
    ['Saturday 11:59', at('2026-12-05', '11:59').toISOString(), '2026-11-30'],
    ['Saturday 12:00 (publish time)', at('2026-12-05', '12:00').toISOString(), '2026-12-07'],
    ['Saturday 12:30', at('2026-12-05', '12:30').toISOString(), '2026-12-07'],
    ['Sunday 10:00', at('2026-12-06', '10:00').toISOString(), '2026-12-07'],
    ['Sunday 23:59', at('2026-12-06', '23:59').toISOString(), '2026-12-07'],
  ];
  it.each(rows)('%s → %s', (_label, iso, expected) => {
    expect(currentCycleStart(new Date(iso), defaults)).toBe(expected);
  });

  it('follows the publish setting (Friday 18:00)', () => {
    const friday = { policyPublishWeekday: 5, policyPublishTime: '18:00' };
    expect(currentCycleStart(at('2026-12-04', '17:59'), friday)).toBe('2026-11-30');
    expect(currentCycleStart(at('2026-12-04', '18:00'), friday)).toBe('2026-12-07');
  });

  it('a Monday publish day means a week ahead', () => {
    const monday = { policyPublishWeekday: 1, policyPublishTime: '09:00' };
    expect(scheduledPublishAt('2026-12-07', 1, '09:00')).toEqual(at('2026-11-30', '09:00'));
    expect(currentCycleStart(at('2026-11-30', '08:59'), monday)).toBe('2026-11-30');
    expect(currentCycleStart(at('2026-11-30', '09:00'), monday)).toBe('2026-12-07');
  });

  it('the current cycle is always one whose publish time has come, and the next one’s has not', () => {
    for (let ms = at('2026-11-28', '00:00').getTime(); ms < at('2026-12-14', '00:00').getTime(); ms += 17 * 60_000) {
      const now = new Date(ms);
      const start = currentCycleStart(now, defaults);
      expect(scheduledPublishAt(start, 6, '12:00').getTime()).toBeLessThanOrEqual(ms);
      expect(scheduledPublishAt(addDays(start, 7), 6, '12:00').getTime()).toBeGreaterThan(ms);
    }
  });
});

describe('retailerCycles: a shop’s current cycle and those after it', () => {
  const starts = (now: Date, weekday: number, count = 2, calendar = cal2026) =>
    retailerCycles(now, count, weekday, calendar, defaults).map((c) => c.cycleStart);

  it('a Wednesday shop across one week: the window closes, the cycle stays current until the Saturday publish', () => {
    expect(starts(at('2026-12-01', '10:00'), 3)).toEqual(['2026-11-30', '2026-12-07']);
    expect(starts(at('2026-12-02', '23:59'), 3)).toEqual(['2026-11-30', '2026-12-07']);
    expect(starts(at('2026-12-04', '20:00'), 3)).toEqual(['2026-11-30', '2026-12-07']);
    expect(starts(at('2026-12-05', '00:40'), 3)).toEqual(['2026-11-30', '2026-12-07']);
    expect(starts(at('2026-12-05', '11:59'), 3)).toEqual(['2026-11-30', '2026-12-07']);
    expect(starts(at('2026-12-05', '12:00'), 3)).toEqual(['2026-12-07', '2026-12-14']);
    expect(starts(at('2026-12-06', '10:00'), 3)).toEqual(['2026-12-07', '2026-12-14']);
  });

  it('matches the company’s current cycle for every weekday except a shop whose order day is still ahead', () => {
    const now = at('2026-12-05', '00:40');
    for (const weekday of [1, 2, 3, 4, 5]) expect(starts(now, weekday, 1)).toEqual(['2026-11-30']);
    // Saturday and Sunday shops still order for this week's cycle today and tomorrow.
    expect(starts(now, 6, 1)).toEqual(['2026-11-30']);
    expect(starts(at('2026-12-05', '12:30'), 7, 1)).toEqual(['2026-11-30']);
    expect(starts(at('2026-12-07', '00:10'), 7, 1)).toEqual(['2026-12-07']);
  });

  it('on 30 Sep 2026 a Thursday shop sees the moved cycle first, flagged as shared', () => {
    const cycles = retailerCycles(at('2026-09-30', '10:00'), 3, 4, cal2026, defaults);
    expect(cycles.map((c) => [c.cycleStart, c.orderDay.actual, c.orderDay.mergedWithNextCycle])).toEqual([
      ['2026-09-28', '2026-10-08', true],
      ['2026-10-05', '2026-10-08', false],
      ['2026-10-12', '2026-10-15', false],
    ]);
  });

  it('a holiday-moved order day keeps its cycle current past the next publish time', () => {
    // Constructed 2027: Friday 1 Jan is 元旦; the Friday shop's cycle of 28 Dec orders on Monday 4 Jan.
    const cal = cal2026and2027;
    expect(currentCycleStart(at('2027-01-02', '13:00'), defaults)).toBe('2027-01-04');
    expect(starts(at('2027-01-02', '13:00'), 5, 2, cal)).toEqual(['2026-12-28', '2027-01-04']);
    expect(starts(at('2027-01-04', '23:59'), 5, 2, cal)).toEqual(['2026-12-28', '2027-01-04']);
    expect(starts(at('2027-01-05', '00:00'), 5, 2, cal)).toEqual(['2027-01-04', '2027-01-11']);
    // A Monday shop is not held back: its cycles did not move.
    expect(starts(at('2027-01-02', '13:00'), 1, 1, cal)).toEqual(['2027-01-04']);
  });

  it('includes the cycle whose (moved) order day is today', () => {
    expect(starts(at('2026-10-08', '09:00'), 4, 1)).toEqual(['2026-09-28']);
    expect(starts(at('2026-10-09', '09:00'), 4, 1)).toEqual(['2026-10-05']);
  });

  it('on 24 Feb 2026 a Monday shop sees the two 春节 cycles on that day', () => {
    const cycles = retailerCycles(at('2026-02-24', '09:00'), 3, 1, cal2026, defaults);
    expect(cycles.map((c) => [c.cycleStart, c.orderDay.actual])).toEqual([
      ['2026-02-16', '2026-02-24'],
      ['2026-02-23', '2026-02-24'],
      ['2026-03-02', '2026-03-02'],
    ]);
  });

  it('finds cycles from weeks back after a holiday of several weeks', () => {
    const long: SpecialDay[] = [];
    for (let d = '2026-07-01'; d <= '2026-07-20'; d = addDays(d, 1)) long.push({ date: d, kind: 'HOLIDAY', name: 'long' });
    const cycles = retailerCycles(at('2026-07-20', '09:00'), 4, 3, createWorkCalendar(long), defaults);
    expect(cycles.map((c) => [c.cycleStart, c.orderDay.actual, c.orderDay.mergedWithNextCycle])).toEqual([
      ['2026-06-29', '2026-07-21', true],
      ['2026-07-06', '2026-07-21', true],
      ['2026-07-13', '2026-07-21', false],
      ['2026-07-20', '2026-07-22', false],
    ]);
  });

  it('returns nothing for 0 and refuses a bad count', () => {
    expect(retailerCycles(at('2026-03-09', '09:00'), 0, 3, cal2026, defaults)).toEqual([]);
    expect(() => retailerCycles(at('2026-03-09', '09:00'), -1, 3, cal2026, defaults)).toThrow(RangeError);
    expect(() => retailerCycles(at('2026-03-09', '09:00'), 1.5, 3, cal2026, defaults)).toThrow(RangeError);
  });
});

describe('cycleOfOrder: the cycle an incoming order belongs to', () => {
  it('an order on or before the order day goes to that cycle, after it to the next', () => {
    expect(cycleOfOrder(at('2026-03-11', '09:00'), 3, cal2026)).toBe('2026-03-09');
    expect(cycleOfOrder(at('2026-03-07', '13:00'), 3, cal2026)).toBe('2026-03-09');
    expect(cycleOfOrder(at('2026-03-12', '09:00'), 3, cal2026)).toBe('2026-03-16');
  });
  it('follows a holiday-moved order day, and the earlier of two merged cycles', () => {
    // Thursday shop: 1 Oct 2026 is 国庆, the cycle of 28 Sep orders on Thursday 8 Oct with the next one.
    expect(cycleOfOrder(at('2026-10-08', '10:00'), 4, cal2026)).toBe('2026-09-28');
    expect(cycleOfOrder(at('2026-10-09', '10:00'), 4, cal2026)).toBe('2026-10-12');
    // Friday shop over 元旦 2027 (constructed): Friday 1 Jan moves to Monday 4 Jan.
    expect(cycleOfOrder(at('2027-01-04', '08:00'), 5, cal2026and2027)).toBe('2026-12-28');
    expect(cycleOfOrder(at('2027-01-05', '08:00'), 5, cal2026and2027)).toBe('2027-01-04');
  });
  it('uses the China date of the instant, not the machine’s', () => {
    // 23:30 UTC on Tuesday 10 March is Wednesday 11 March 07:30 in China: the Wednesday shop's order day.
    expect(cycleOfOrder(new Date('2026-03-10T23:30:00Z'), 3, cal2026)).toBe('2026-03-09');
    expect(cycleOfOrder(new Date('2026-03-11T16:30:00Z'), 3, cal2026)).toBe('2026-03-16');
  });
});

describe('dueWindowReminders', () => {
  const both = { dayBefore: 1, atOpening: 1 };
  const due = (now: Date, enabled = both) => dueWindowReminders(now, defaults, enabled).map((r) => [r.cycleStart, r.kind]);
  // The window of the cycle of Monday 7 Dec 2026 opens Saturday 5 Dec 12:00.
  it('the day before the opening, from 24 hours ahead', () => {
    expect(due(at('2026-12-04', '11:59'))).toEqual([]);
    expect(due(at('2026-12-04', '12:00'))).toEqual([['2026-12-07', 'dayBefore']]);
    expect(due(at('2026-12-05', '11:59'))).toEqual([['2026-12-07', 'dayBefore']]);
  });
  it('at the opening, for one day, then nothing', () => {
    expect(due(at('2026-12-05', '12:00'))).toEqual([['2026-12-07', 'atOpening']]);
    expect(due(at('2026-12-06', '11:59'))).toEqual([['2026-12-07', 'atOpening']]);
    expect(due(at('2026-12-06', '12:00'))).toEqual([]);
    expect(due(at('2026-12-09', '10:00'))).toEqual([]);
  });
  it('follows the setting', () => {
    expect(due(at('2026-12-04', '13:00'), { dayBefore: 0, atOpening: 1 })).toEqual([]);
    expect(due(at('2026-12-05', '13:00'), { dayBefore: 1, atOpening: 0 })).toEqual([]);
  });
});

describe('windowStatus', () => {
  const window = { opensAt: at('2026-03-07', '12:00'), closesAt: at('2026-03-10', '23:59') };

  it('before the opening, counting down to it', () => {
    expect(windowStatus(at('2026-03-07', '11:00'), window)).toEqual({ status: 'before', msRemaining: 3_600_000 });
  });

  it('open from the opening instant, counting down to the close', () => {
    expect(windowStatus(at('2026-03-07', '12:00'), window)).toEqual({
      status: 'open',
      msRemaining: window.closesAt.getTime() - window.opensAt.getTime(),
    });
    expect(windowStatus(at('2026-03-10', '23:58'), window)).toEqual({ status: 'open', msRemaining: 60_000 });
  });

  it('closed from the closing instant', () => {
    expect(windowStatus(at('2026-03-10', '23:59'), window)).toEqual({ status: 'closed', msRemaining: 0 });
    expect(windowStatus(at('2026-03-11', '09:00'), window)).toEqual({ status: 'closed', msRemaining: 0 });
  });
});

describe('input checks', () => {
  it('refuses a cycle that does not start on a Monday', () => {
    expect(() => orderDayForCycle('2026-03-10', 3, cal2026)).toThrow(/Monday/);
  });

  it('refuses an order weekday outside 1–7', () => {
    expect(() => orderDayForCycle('2026-03-09', 0, cal2026)).toThrow(RangeError);
    expect(() => orderDayForCycle('2026-03-09', 8, cal2026)).toThrow(RangeError);
    expect(() => orderDayForCycle('2026-03-09', 2.5, cal2026)).toThrow(RangeError);
  });

  it('refuses a window opening weekday outside 1–7', () => {
    expect(() => orderWindow('2026-03-09', 3, cal2026, { ...defaults, windowOpenWeekday: 0 })).toThrow(RangeError);
  });
});
