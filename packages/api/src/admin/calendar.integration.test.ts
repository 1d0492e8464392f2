import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDepartment, createDistrict, createRetailer, createStaff, testDb, uniqueNumber } from '@tobacco/db/testing';
import { addDays, chinaDateTime, mondayOf } from '../schedule/calendar.rules';
import { backofficeCallerFor, staffActor } from '../testing/callers';

// Far in the future, so that the calendar rows these tests write never meet another test's dates.
const TODAY = '2091-03-05';
const clock = () => chinaDateTime(TODAY, '10:00');
const NEXT_MONDAY = addDays(mondayOf(TODAY), 7);
const WEDNESDAY = addDays(NEXT_MONDAY, 2);

const db = testDb();
let admin: Awaited<ReturnType<typeof createStaff>>;
let caseId: number;

beforeAll(async () => {
  const passwordHash = await hashPassword('irrelevant-1');
  admin = await createStaff(db, { roles: ['ADMIN'], passwordHash });
  const shop = await createRetailer(db, { districtId: (await createDistrict(db)).id, passwordHash, orderWeekday: 3 });
  const department = await createDepartment(db);
  const n = uniqueNumber();
  const category = await db.complaintCategory.create({
    data: { code: `CAT${n}`, name: '订货', nameEn: 'Ordering', dimension: 'ORDERING', departmentId: department.id },
  });
  // A question filed on Monday 10:00: accept by Tuesday 10:00, resolve within 3 working days, by Thursday 10:00.
  const complaint = await db.complaint.create({
    data: {
      caseNo: `T${n}`,
      retailerId: shop.id,
      kind: 'QUESTION',
      categoryId: category.id,
      departmentId: department.id,
      channel: 'PORTAL',
      subject: '订货日咨询',
      description: '测试',
      createdAt: chinaDateTime(NEXT_MONDAY, '10:00'),
      acceptDueAt: chinaDateTime(addDays(NEXT_MONDAY, 1), '10:00'),
      resolveDueAt: chinaDateTime(addDays(NEXT_MONDAY, 3), '10:00'),
    },
  });
  caseId = complaint.id;
});

const caller = () => backofficeCallerFor(db, staffActor(admin), clock);

describe('working-day calendar', () => {
  it('previews which order days and open cases’ deadlines a new holiday moves, then saves them together', async () => {
    const input = { date: WEDNESDAY, kind: 'HOLIDAY' as const, name: '临时休息日' };
    const preview = await caller().admin.calendar.previewDay(input);
    expect(preview.dates).toEqual([WEDNESDAY]);
    const wednesday = preview.orderDays.find((m) => m.orderWeekday === 3 && m.scheduled === WEDNESDAY);
    expect(wednesday).toMatchObject({ before: WEDNESDAY, after: addDays(WEDNESDAY, 1) });
    expect(wednesday!.retailers).toBeGreaterThanOrEqual(1);
    expect(preview.deadlines.filter((d) => d.id === caseId)).toEqual([
      expect.objectContaining({
        field: 'resolveDueAt',
        before: chinaDateTime(addDays(NEXT_MONDAY, 3), '10:00'),
        after: chinaDateTime(addDays(NEXT_MONDAY, 4), '10:00'),
      }),
    ]);
    // A preview changes nothing.
    expect(await db.calendarDay.count({ where: { date: new Date(`${WEDNESDAY}T00:00:00Z`) } })).toBe(0);

    await caller().admin.calendar.saveDay(input);
    expect(await db.calendarDay.findUnique({ where: { date: new Date(`${WEDNESDAY}T00:00:00Z`) } })).toMatchObject({
      kind: 'HOLIDAY',
      name: '临时休息日',
      year: 2091,
    });
    expect(await db.calendarYear.findUnique({ where: { year: 2091 } })).toMatchObject({ confirmed: false });
    const moved = await db.complaint.findUniqueOrThrow({ where: { id: caseId } });
    expect(moved.resolveDueAt).toEqual(chinaDateTime(addDays(NEXT_MONDAY, 4), '10:00'));
    expect(moved.acceptDueAt).toEqual(chinaDateTime(addDays(NEXT_MONDAY, 1), '10:00'));
    // Re-dating is nobody's action on the case: a step someone has in progress must not meet a conflict.
    expect(moved.version).toBe(0);
    const events = await db.complaintEvent.findMany({ where: { complaintId: caseId, type: 'DEADLINE_CHANGED' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      visibility: 'INTERNAL',
      actorStaffId: admin.id,
      body: null,
      messageKey: 'admin.calendar.deadlineEvent',
      params: { dates: { list: [{ date: WEDNESDAY }] } },
      data: { field: 'resolveDueAt', reason: 'calendar' },
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'CalendarDay', entityId: WEDNESDAY } });
    expect(audit).toMatchObject({
      action: 'calendar.setDay',
      before: [{ date: WEDNESDAY, kind: null }],
      after: [{ date: WEDNESDAY, kind: 'HOLIDAY', name: '临时休息日' }],
    });

    // Saving the same again changes nothing; clearing the day moves everything back.
    expect((await caller().admin.calendar.saveDay(input)).dates).toEqual([]);
    await caller().admin.calendar.saveDay({ date: WEDNESDAY, kind: null, name: '' });
    expect(await db.calendarDay.count({ where: { date: new Date(`${WEDNESDAY}T00:00:00Z`) } })).toBe(0);
    expect((await db.complaint.findUniqueOrThrow({ where: { id: caseId } })).resolveDueAt).toEqual(
      chinaDateTime(addDays(NEXT_MONDAY, 3), '10:00'),
    );
  });

  it('refuses a holiday without a name or an impossible date, saving nothing', async () => {
    await expect(caller().admin.calendar.saveDay({ date: addDays(WEDNESDAY, 7), kind: 'HOLIDAY', name: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller().admin.calendar.saveDay({ date: '2091-02-30', kind: 'HOLIDAY', name: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await db.calendarDay.count({ where: { year: 2091 } })).toBe(0);
  });

  it('shows a year with its confirmation, which an administrator sets', async () => {
    const year = await caller().admin.calendar.year({ year: 2092 });
    expect(year).toMatchObject({ year: 2092, confirmed: false, days: [], publishedDays: 0, unconfirmedYears: [2091, 2092] });
    await caller().admin.calendar.confirmYear({ year: 2092, confirmed: true });
    expect((await caller().admin.calendar.year({ year: 2092 })).confirmed).toBe(true);
    expect(await db.auditLog.count({ where: { entityType: 'CalendarYear', entityId: '2092' } })).toBe(1);
  });

  it('imports a published year from the holiday package and marks it confirmed', async () => {
    const preview = await caller().admin.calendar.previewImport({ year: 2019 });
    expect(preview.dates.length).toBeGreaterThan(20);
    expect(preview.orderDays).toEqual([]);
    await caller().admin.calendar.importYear({ year: 2019 });
    expect(await db.calendarDay.findUnique({ where: { date: new Date('2019-10-01T00:00:00Z') } })).toMatchObject({ kind: 'HOLIDAY' });
    expect(await db.calendarDay.findUnique({ where: { date: new Date('2019-09-29T00:00:00Z') } })).toMatchObject({
      kind: 'MAKEUP_WORKDAY',
    });
    expect(await db.calendarYear.findUnique({ where: { year: 2019 } })).toMatchObject({ confirmed: true });
    await expect(caller().admin.calendar.importYear({ year: 2093 })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});
