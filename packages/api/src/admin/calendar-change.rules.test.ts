import { describe, expect, it } from 'vitest';
import { chinaDateTime, createWorkCalendar, type SpecialDay } from '../schedule/calendar.rules';
import { CN_2026 } from '../schedule/calendar.fixtures';
import {
  applyCalendarEdit,
  calendarsForEdit,
  changedDates,
  deadlineMoves,
  orderDayMoves,
  type OpenCaseClock,
} from './calendar-change.rules';

const settings = {
  windowOpenWeekday: 6,
  windowOpenTime: '12:00',
  windowCloseTime: '23:59',
  deliveryLagWorkingDays: 2,
  policyPublishWeekday: 6,
  policyPublishTime: '12:00',
};
const hours = { start: '08:30', end: '17:30' };
const holiday = (date: string, name = '临时休息'): SpecialDay => ({ date, kind: 'HOLIDAY', name });

describe('calendar edits', () => {
  it('knows which dates an edit really changes', () => {
    const days = [holiday('2026-12-01', 'A')];
    expect(changedDates(days, { set: [holiday('2026-12-01', 'A')], clear: [] })).toEqual([]);
    expect(changedDates(days, { set: [holiday('2026-12-01', 'B')], clear: ['2026-12-09'] })).toEqual(['2026-12-01']);
    expect(changedDates(days, { set: [], clear: ['2026-12-01'] })).toEqual(['2026-12-01']);
    expect(applyCalendarEdit(days, { set: [holiday('2026-12-02')], clear: ['2026-12-01'] })).toEqual([holiday('2026-12-02')]);
  });

  it('refuses a date that is not one', () => {
    expect(() => calendarsForEdit([], { set: [holiday('2026-02-30')], clear: [] })).toThrow(RangeError);
  });
});

describe('orderDayMoves', () => {
  it('moves the Wednesday order day of a new holiday to Thursday, and its delivery', () => {
    const { before, after } = calendarsForEdit(CN_2026, { set: [holiday('2026-12-02')], clear: [] });
    const moves = orderDayMoves({ today: '2026-11-23', dates: ['2026-12-02'], settings }, before, after);
    const wednesday = moves.find((m) => m.orderWeekday === 3);
    expect(wednesday).toEqual({
      orderWeekday: 3,
      cycleStart: '2026-11-30',
      scheduled: '2026-12-02',
      before: '2026-12-02',
      after: '2026-12-03',
      deliveryBefore: '2026-12-04',
      deliveryAfter: '2026-12-07',
    });
    // Monday and Tuesday shops keep their order day; their delivery crosses the new holiday and moves.
    const monday = moves.find((m) => m.orderWeekday === 1 && m.cycleStart === '2026-11-30');
    expect(monday).toMatchObject({ before: '2026-11-30', after: '2026-11-30', deliveryBefore: '2026-12-02', deliveryAfter: '2026-12-03' });
    expect(moves.every((m) => m.before !== m.after || m.deliveryBefore !== m.deliveryAfter)).toBe(true);
  });

  it('lists nothing for a change in the past, and nothing for a change that moves nothing', () => {
    const past = calendarsForEdit(CN_2026, { set: [holiday('2026-03-04')], clear: [] });
    expect(orderDayMoves({ today: '2026-11-23', dates: ['2026-03-04'], settings }, past.before, past.after)).toEqual([]);
    const none = calendarsForEdit(CN_2026, { set: [], clear: [] });
    expect(orderDayMoves({ today: '2026-11-23', dates: [], settings }, none.before, none.after)).toEqual([]);
  });

  it('brings an order day back when a holiday is cleared', () => {
    const days = [...CN_2026, holiday('2026-12-02')];
    const { before, after } = calendarsForEdit(days, { set: [], clear: ['2026-12-02'] });
    const wednesday = orderDayMoves({ today: '2026-11-23', dates: ['2026-12-02'], settings }, before, after).find(
      (m) => m.orderWeekday === 3,
    );
    expect(wednesday).toMatchObject({ before: '2026-12-03', after: '2026-12-02' });
  });
});

describe('deadlineMoves', () => {
  const filed = chinaDateTime('2026-11-30', '10:00');
  const open: OpenCaseClock = {
    id: 1,
    state: 'SUBMITTED',
    createdAt: filed,
    acceptedAt: null,
    resolvedAt: null,
    // Accept by the same time the next working day, resolve in 3 working days (a question).
    acceptDueAt: chinaDateTime('2026-12-01', '10:00'),
    resolveDueAt: chinaDateTime('2026-12-03', '10:00'),
    followUpDueAt: null,
  };

  it('moves the deadlines of an open case by the new holiday, keeping its working time', () => {
    const { before, after } = calendarsForEdit(CN_2026, { set: [holiday('2026-12-01')], clear: [] });
    expect(deadlineMoves([open], before, after, hours)).toEqual([
      { id: 1, field: 'acceptDueAt', before: open.acceptDueAt, after: chinaDateTime('2026-12-02', '10:00') },
      { id: 1, field: 'resolveDueAt', before: open.resolveDueAt, after: chinaDateTime('2026-12-04', '10:00') },
    ]);
  });

  it('leaves the accept deadline of an accepted case, and cases the change does not reach', () => {
    const accepted = { ...open, state: 'IN_PROGRESS', acceptedAt: chinaDateTime('2026-11-30', '11:00') };
    const { before, after } = calendarsForEdit(CN_2026, { set: [holiday('2026-12-02')], clear: [] });
    expect(deadlineMoves([accepted], before, after, hours).map((m) => m.field)).toEqual(['resolveDueAt']);
    const later = calendarsForEdit(CN_2026, { set: [holiday('2026-12-10')], clear: [] });
    expect(deadlineMoves([open], later.before, later.after, hours)).toEqual([]);
  });

  it('moves the follow-up call of a resolved case to the next working day', () => {
    const resolved: OpenCaseClock = {
      ...open,
      state: 'RESOLVED',
      resolvedAt: chinaDateTime('2026-11-30', '15:00'),
      followUpDueAt: chinaDateTime('2026-12-01', '17:30'),
    };
    const { before, after } = calendarsForEdit(CN_2026, { set: [holiday('2026-12-01')], clear: [] });
    expect(deadlineMoves([resolved], before, after, hours)).toEqual([
      { id: 1, field: 'followUpDueAt', before: resolved.followUpDueAt, after: chinaDateTime('2026-12-02', '17:30') },
    ]);
    expect(createWorkCalendar(CN_2026).isWorkingDay('2026-12-01')).toBe(true);
  });
});
