import type { DbTx } from '@tobacco/db/client';
import type { z } from 'zod';
import { businessHoursOf, COMPLAINT_SLA_SETTING_KEYS, toComplaintSlaSettings } from '../complaints/complaints.sla.rules';
import type { StaffDeps } from '../deps';
import { DomainError } from '../errors';
import { addDays, chinaDate, chinaDateTime, type SpecialDay } from '../schedule/calendar.rules';
import { SCHEDULE_SETTING_KEYS, toScheduleSettings } from '../schedule/schedule.rules';
import { writeAudit } from './audit';
import {
  calendarsForEdit,
  changedDates,
  deadlineMoves,
  orderDayMoves,
  type CalendarEdit,
  type DeadlineMove,
} from './calendar-change.rules';
import type { ZCalendarDayInput, ZCalendarYearInput, ZCalendarYearQuery, ZConfirmYearInput } from './calendar.schema';
import { PUBLISHED_SOURCE, publishedSpecialDays } from './calendar.source';
import { getSettings } from './settings.service';

// The working-day calendar: one row per public holiday or make-up working day; every other date follows the
// week. Edits are previewed (which order days and which open cases' deadlines move) and, when saved, move
// those deadlines in the same transaction, with an audit row and an event on each case's timeline.

const toDate = (date: string) => new Date(`${date}T00:00:00Z`);
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

async function loadSpecialDays(db: DbTx): Promise<SpecialDay[]> {
  const rows = await db.calendarDay.findMany({ orderBy: { date: 'asc' }, select: { date: true, kind: true, name: true } });
  return rows.map((row) => ({ date: isoDate(row.date), kind: row.kind, name: row.name }));
}

/** The years a warning is due for: this year and next, when not confirmed by the State Council's notice. */
export async function unconfirmedYears(db: DbTx, today: string): Promise<number[]> {
  const year = Number(today.slice(0, 4));
  const rows = await db.calendarYear.findMany({ where: { year: { in: [year, year + 1] } }, select: { year: true, confirmed: true } });
  return [year, year + 1].filter((y) => !rows.find((row) => row.year === y)?.confirmed);
}

export async function getCalendarYear({ db, clock }: StaffDeps, query: z.output<typeof ZCalendarYearQuery>) {
  const input = { year: query.year ?? Number(chinaDate(clock()).slice(0, 4)) };
  const [row, days, warnings] = await Promise.all([
    db.calendarYear.findUnique({ where: { year: input.year } }),
    db.calendarDay.findMany({ where: { year: input.year }, orderBy: { date: 'asc' }, select: { date: true, kind: true, name: true } }),
    unconfirmedYears(db, chinaDate(clock())),
  ]);
  return {
    year: input.year,
    today: chinaDate(clock()),
    confirmed: row?.confirmed ?? false,
    source: row?.source ?? null,
    updatedAt: row?.updatedAt ?? null,
    days: days.map((d) => ({ date: isoDate(d.date), kind: d.kind, name: d.name })),
    publishedDays: publishedSpecialDays(input.year).length,
    unconfirmedYears: warnings,
  };
}

type Plan = Awaited<ReturnType<typeof planEdit>>;

/** Works out an edit against the stored calendar: the days it changes, the order days and deadlines it moves. */
async function planEdit(db: DbTx, now: Date, edit: CalendarEdit) {
  const today = chinaDate(now);
  const days = await loadSpecialDays(db);
  const dates = changedDates(days, edit);
  const { before, after } = calendarsForEdit(days, edit);
  if (dates.length === 0)
    return { days, dates, orderDays: [], moves: [] as DeadlineMove[], cases: new Map<number, { caseNo: string; subject: string }>() };

  const [scheduleValues, slaValues, byWeekday] = await Promise.all([
    getSettings(db, SCHEDULE_SETTING_KEYS),
    getSettings(db, COMPLAINT_SLA_SETTING_KEYS),
    db.retailer.groupBy({ by: ['orderWeekday'], where: { status: 'ACTIVE' }, _count: { _all: true } }),
  ]);
  const retailers = new Map(byWeekday.map((row) => [row.orderWeekday, row._count._all]));
  const orderDays = orderDayMoves({ today, dates, settings: toScheduleSettings(scheduleValues) }, before, after).map((move) => ({
    ...move,
    retailers: retailers.get(move.orderWeekday) ?? 0,
  }));

  // Only a case filed by the last changed date, with a deadline on or after the first, can move.
  const from = chinaDateTime(dates[0]!, '00:00');
  const to = chinaDateTime(addDays(dates.at(-1)!, 1), '00:00');
  const open = await db.complaint.findMany({
    where: {
      state: { in: ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER', 'RESOLVED'] },
      createdAt: { lt: to },
      OR: [{ acceptDueAt: { gte: from } }, { resolveDueAt: { gte: from } }, { followUpDueAt: { gte: from } }],
    },
    select: {
      id: true,
      caseNo: true,
      subject: true,
      state: true,
      createdAt: true,
      acceptedAt: true,
      resolvedAt: true,
      acceptDueAt: true,
      resolveDueAt: true,
      followUpDueAt: true,
    },
  });
  const moves = deadlineMoves(open, before, after, businessHoursOf(toComplaintSlaSettings(slaValues)));
  const cases = new Map(open.map((c) => [c.id, { caseNo: c.caseNo, subject: c.subject }]));
  return { days, dates, orderDays, moves, cases };
}

const PREVIEW_CASES = 50;

function presentPlan(plan: Plan) {
  const caseIds = new Set(plan.moves.map((m) => m.id));
  return {
    dates: plan.dates,
    orderDays: plan.orderDays,
    // Retailers whose schedule changes: those of every order weekday with a move, each counted once.
    affectedRetailers: [...new Map(plan.orderDays.map((m) => [m.orderWeekday, m.retailers])).values()].reduce((sum, n) => sum + n, 0),
    caseCount: caseIds.size,
    deadlines: plan.moves.slice(0, PREVIEW_CASES).map((move) => ({ ...move, ...(plan.cases.get(move.id) ?? { caseNo: '', subject: '' }) })),
  };
}

function dayEdit(input: z.output<typeof ZCalendarDayInput>): CalendarEdit {
  return input.kind === null
    ? { set: [], clear: [input.date] }
    : { set: [{ date: input.date, kind: input.kind, name: input.name }], clear: [] };
}

function importEdit(days: readonly SpecialDay[], year: number): CalendarEdit {
  const published = publishedSpecialDays(year);
  if (published.length === 0) throw new DomainError('INVALID_STATE', 'admin.calendar.error.notPublished', { year });
  const keep = new Set(published.map((d) => d.date));
  return { set: published, clear: days.filter((d) => d.date.startsWith(`${year}-`) && !keep.has(d.date)).map((d) => d.date) };
}

export async function previewCalendarDay({ db, clock }: StaffDeps, input: z.output<typeof ZCalendarDayInput>) {
  return presentPlan(await planEdit(db, clock(), dayEdit(input)));
}

export async function previewCalendarImport({ db, clock }: StaffDeps, input: z.output<typeof ZCalendarYearInput>) {
  const days = await loadSpecialDays(db);
  return presentPlan(await planEdit(db, clock(), importEdit(days, input.year)));
}

// Calendar edits run one at a time, so two previews never race into one saved state.
const CALENDAR_LOCK = 7_310_002;

async function applyEdit(
  tx: DbTx,
  deps: StaffDeps,
  build: (days: SpecialDay[]) => CalendarEdit,
  audit: { action: string; entityId: string },
) {
  const now = deps.clock();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`;
  const edit = build(await loadSpecialDays(tx));
  const plan = await planEdit(tx, now, edit);
  if (plan.dates.length === 0) return presentPlan(plan);

  const byDate = new Map(plan.days.map((d) => [d.date, d]));
  const changed = new Set(plan.dates);
  const clear = edit.clear.filter((date) => changed.has(date));
  const set = edit.set.filter((day) => changed.has(day.date));
  if (clear.length > 0) await tx.calendarDay.deleteMany({ where: { date: { in: clear.map(toDate) } } });
  for (const day of set) {
    const year = Number(day.date.slice(0, 4));
    await tx.calendarDay.upsert({
      where: { date: toDate(day.date) },
      create: { date: toDate(day.date), kind: day.kind, name: day.name, year },
      update: { kind: day.kind, name: day.name },
    });
  }
  for (const year of new Set(plan.dates.map((date) => Number(date.slice(0, 4))))) {
    await tx.calendarYear.upsert({ where: { year }, create: { year, confirmed: false }, update: {} });
  }
  await writeAudit(tx, {
    actorStaffId: deps.actor.userId,
    action: audit.action,
    entityType: 'CalendarDay',
    entityId: audit.entityId,
    before: plan.dates.map((date) => byDate.get(date) ?? { date, kind: null }),
    after: plan.dates.map((date) => set.find((d) => d.date === date) ?? { date, kind: null }),
  });
  await moveDeadlines(tx, deps.actor.userId, now, plan.moves, plan.dates);
  return presentPlan(plan);
}

/**
 * Saves the new deadlines and puts a DEADLINE_CHANGED event on each case's timeline: two statements, whatever
 * the number of cases. The cases' versions stay as they are: re-dating is nobody's action on the case, so it
 * must not turn an agent's or a retailer's step in progress into a "changed by someone else" conflict.
 */
async function moveDeadlines(tx: DbTx, actorStaffId: number, now: Date, moves: readonly DeadlineMove[], dates: readonly string[]) {
  if (moves.length === 0) return;
  const byCase = new Map<number, Partial<Record<DeadlineMove['field'], string>>>();
  for (const move of moves) byCase.set(move.id, { ...byCase.get(move.id), [move.field]: move.after.toISOString() });
  const ids = [...byCase.keys()];
  const accept = ids.map((id) => byCase.get(id)?.acceptDueAt ?? null);
  const resolve = ids.map((id) => byCase.get(id)?.resolveDueAt ?? null);
  const followUp = ids.map((id) => byCase.get(id)?.followUpDueAt ?? null);
  await tx.$executeRaw`
    UPDATE "Complaint" c SET
      "acceptDueAt" = COALESCE(v.accept::timestamptz AT TIME ZONE 'UTC', c."acceptDueAt"),
      "resolveDueAt" = COALESCE(v.resolve::timestamptz AT TIME ZONE 'UTC', c."resolveDueAt"),
      "followUpDueAt" = COALESCE(v.follow::timestamptz AT TIME ZONE 'UTC', c."followUpDueAt"),
      "updatedAt" = ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(${ids}::int[], ${accept}::text[], ${resolve}::text[], ${followUp}::text[]) AS v(id, accept, resolve, follow)
    WHERE c.id = v.id`;
  // The event's text is a message key: each reader sees the dates in their own language.
  const params = JSON.stringify({ dates: { list: dates.map((date) => ({ date })) } });
  const eventIds = moves.map((m) => m.id);
  const data = moves.map((m) =>
    JSON.stringify({ reason: 'calendar', field: m.field, before: m.before.toISOString(), after: m.after.toISOString(), dates }),
  );
  await tx.$executeRaw`
    INSERT INTO "ComplaintEvent" ("complaintId", type, visibility, "messageKey", params, "actorStaffId", data, "createdAt")
    SELECT v.id, 'DEADLINE_CHANGED'::"ComplaintEventType", 'INTERNAL'::"EventVisibility", 'admin.calendar.deadlineEvent', ${params}::jsonb, ${actorStaffId}, v.data::jsonb, ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(${eventIds}::int[], ${data}::text[]) AS v(id, data)`;
}

export async function saveCalendarDay(deps: StaffDeps, input: z.output<typeof ZCalendarDayInput>) {
  return deps.db.$transaction((tx) => applyEdit(tx, deps, () => dayEdit(input), { action: 'calendar.setDay', entityId: input.date }), {
    timeout: 30_000,
  });
}

/** Replaces a year's special days with the published ones and marks the year confirmed. */
export async function importCalendarYear(deps: StaffDeps, input: z.output<typeof ZCalendarYearInput>) {
  return deps.db.$transaction(
    async (tx) => {
      const result = await applyEdit(tx, deps, (days) => importEdit(days, input.year), {
        action: 'calendar.import',
        entityId: String(input.year),
      });
      const before = await tx.calendarYear.findUnique({ where: { year: input.year } });
      await tx.calendarYear.upsert({
        where: { year: input.year },
        create: { year: input.year, confirmed: true, source: PUBLISHED_SOURCE },
        update: { confirmed: true, source: PUBLISHED_SOURCE },
      });
      await writeAudit(tx, {
        actorStaffId: deps.actor.userId,
        action: 'calendar.confirmYear',
        entityType: 'CalendarYear',
        entityId: input.year,
        before,
        after: { confirmed: true, source: PUBLISHED_SOURCE },
      });
      return result;
    },
    { timeout: 30_000 },
  );
}

/** Marks a year as entered from the State Council's notice (or takes the mark back). */
export async function setCalendarYearConfirmed({ db, actor }: StaffDeps, input: z.output<typeof ZConfirmYearInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.calendarYear.findUnique({ where: { year: input.year } });
    // The source is stored as a message key where we wrote it, so the editor shows it in the reader's language.
    const source = input.confirmed ? 'admin.calendar.sourceManual' : (before?.source ?? null);
    await tx.calendarYear.upsert({
      where: { year: input.year },
      create: { year: input.year, confirmed: input.confirmed, source },
      update: { confirmed: input.confirmed, source },
    });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'calendar.confirmYear',
      entityType: 'CalendarYear',
      entityId: input.year,
      before,
      after: { confirmed: input.confirmed, source },
    });
    return { year: input.year, confirmed: input.confirmed };
  });
}
