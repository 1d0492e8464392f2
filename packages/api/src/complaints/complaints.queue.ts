import { Prisma } from '@tobacco/db/client';
import type { CaseChannel, CaseKind, CaseState } from '@tobacco/db/enums';
import type { z } from 'zod';
import type { StaffActor } from '../actor';
import type { StaffDeps } from '../deps';
import { retailerScope } from '../retailers/retailers.scope';
import { addDays, chinaDate, chinaDateTime } from '../schedule/calendar.rules';
import { COUNTED_STATES, QUEUE_STATES } from './complaints.constants';
import type { ZOverviewInput, ZQueueInput } from './complaints.schema';
import { CLOCK_RUNS_SQL, overdueSql, RESOLVE_CLOCK_STATES } from './complaints.rules';

// The staff queue and the service overview: reads in SQL, filtered and counted by the database on indexed
// columns (bench/complaint-queue holds the queue to p95 ≤ 30 ms over 100,000 cases).
//
// "Overdue" is complaints.rules.ts's (overdueSql); a case waiting for the retailer is paused, never overdue.
// The queue sorts by the resolve deadline, which every open case has and the indexes serve.

const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;

/** Due today: a deadline (accept while submitted, resolve while open and not paused) falls on today's China date. */
function dueTodaySql(start: Date, end: Date): Prisma.Sql {
  return Prisma.sql`(${CLOCK_RUNS_SQL} AND ((c."resolveDueAt" >= ${ts(start)} AND c."resolveDueAt" < ${ts(end)}) OR (c.state = 'SUBMITTED' AND c."acceptDueAt" >= ${ts(start)} AND c."acceptDueAt" < ${ts(end)})))`;
}

export type QueueInput = z.output<typeof ZQueueInput>;

function todayBounds(now: Date) {
  const today = chinaDate(now);
  return { start: chinaDateTime(today, '00:00'), end: chinaDateTime(addDays(today, 1), '00:00') };
}

/** Conditions of every filter but the state (and, for the counts, but overdue / due today). */
function filterConditions(
  actor: StaffActor,
  input: QueueInput,
  now: Date,
  withFlags: boolean,
): { conds: Prisma.Sql[]; needsRetailer: boolean } {
  const conds: Prisma.Sql[] = [];
  let needsRetailer = false;
  const scope = retailerScope(actor);
  // The case carries its shop's account manager (kept by triggers), so a manager's queue is a range of
  // Complaint_manager_open_queue_idx rather than a walk over every open case with a look-up of its shop.
  if (scope.accountManagerId !== undefined) conds.push(Prisma.sql`c."accountManagerId" = ${scope.accountManagerId}`);
  if (input.kind) conds.push(Prisma.sql`c.kind = ${input.kind}::"CaseKind"`);
  if (input.categoryId) conds.push(Prisma.sql`c."categoryId" = ${input.categoryId}`);
  if (input.departmentId) conds.push(Prisma.sql`c."departmentId" = ${input.departmentId}`);
  if (input.owner === 'me') conds.push(Prisma.sql`c."ownerId" = ${actor.userId}`);
  else if (input.owner === 'none') conds.push(Prisma.sql`c."ownerId" IS NULL`);
  else if (typeof input.owner === 'number') conds.push(Prisma.sql`c."ownerId" = ${input.owner}`);
  if (input.channel) conds.push(Prisma.sql`c.channel = ${input.channel}::"CaseChannel"`);
  // The case carries its shop's district too (triggers), so a district's history is a range of
  // Complaint_district_history_idx and the open views read it from Complaint_open_queue_idx.
  if (input.districtId) conds.push(Prisma.sql`c."districtId" = ${input.districtId}`);
  if (input.q) {
    const q = input.q;
    if (/^\d{3,12}$/.test(q)) {
      conds.push(Prisma.sql`(r."licenceNo" LIKE ${`${q}%`} OR c."caseNo" LIKE ${`%${q}%`})`);
      needsRetailer = true;
    } else if (/^[A-Za-z]{2}\d+$/.test(q)) {
      conds.push(Prisma.sql`c."caseNo" = ${q.toUpperCase()}`);
    } else {
      conds.push(
        Prisma.sql`(c.subject ILIKE ${`%${q.replace(/[\\%_]/g, '\\$&')}%`} OR r."shopName" ILIKE ${`%${q.replace(/[\\%_]/g, '\\$&')}%`})`,
      );
      needsRetailer = true;
    }
  }
  if (withFlags) {
    if (input.overdue) conds.push(overdueSql(now));
    if (input.dueToday) {
      const { start, end } = todayBounds(now);
      conds.push(dueTodaySql(start, end));
    }
  }
  return { conds, needsRetailer };
}

function stateCondition(state: QueueInput['state']): Prisma.Sql | null {
  if (state === 'all') return null;
  if (state === 'open') return Prisma.sql`c.state <> 'CLOSED'`;
  // A literal, not a parameter: the planner then knows an open state implies the open-cases partial index.
  return Prisma.raw(`c.state = '${QUEUE_STATES.find((s) => s === state)}'`);
}

const where = (conds: Prisma.Sql[]) => (conds.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conds, ' AND ')}` : Prisma.empty);

type QueueRow = {
  id: number;
  caseNo: string;
  kind: CaseKind;
  state: CaseState;
  channel: CaseChannel;
  subject: string;
  createdAt: Date;
  acceptDueAt: Date;
  resolveDueAt: Date;
  followUpDueAt: Date | null;
  pausedAt: Date | null;
  breachedAt: Date | null;
  ownerId: number | null;
  ownerName: string | null;
  categoryId: number;
  departmentId: number;
  retailerId: number;
  shopName: string;
  licenceNo: string;
  districtId: number;
  overdue: boolean;
};

/** Counting history (closed cases, or every state) stops here: "more than 1,000 — narrow the filters". */
export const HISTORY_COUNT_CAP = 1000;

/**
 * One page of the queue, its total, and the counts per state, overdue and due today under the other filters.
 * For open cases (the queue proper) everything comes from the partial index on open cases, in two
 * statements: the page, and one grouped count that also gives the page's total. Closed history is counted
 * only up to HISTORY_COUNT_CAP, so a broad search of three years of cases costs no more than a narrow one.
 */
export async function listQueue({ db, actor, clock }: StaffDeps, input: QueueInput) {
  const now = clock();
  const page = filterConditions(actor, input, now, true);
  const state = stateCondition(input.state);
  const pageConds = state ? [state, ...page.conds] : page.conds;
  const counts = filterConditions(actor, input, now, false);
  const countConds = [Prisma.sql`c.state <> 'CLOSED'`, ...counts.conds];
  const flags = page.conds.slice(counts.conds.length);
  const matching = [state ?? Prisma.sql`true`, ...flags];
  const openSelection = input.state !== 'CLOSED' && input.state !== 'all';
  // History pages stop at the counting cap too: nobody pages through a thousand closed cases.
  const pageNo = openSelection ? input.page : Math.min(input.page, Math.ceil(HISTORY_COUNT_CAP / input.pageSize));
  const { start, end } = todayBounds(now);
  const joinPage = page.needsRetailer ? Prisma.sql`JOIN "Retailer" r ON r.id = c."retailerId"` : Prisma.empty;
  const joinCounts = counts.needsRetailer ? Prisma.sql`JOIN "Retailer" r ON r.id = c."retailerId"` : Prisma.empty;

  const [rows, countRows, capped] = await Promise.all([
    db.$queryRaw<QueueRow[]>`
      SELECT c.id, c."caseNo", c.kind, c.state, c.channel, c.subject, c."createdAt", c."acceptDueAt", c."resolveDueAt", c."followUpDueAt",
             c."pausedAt", c."breachedAt", c."ownerId", o.name AS "ownerName", c."categoryId", c."departmentId", c."retailerId",
             r."shopName", r."licenceNo", r."districtId", ${overdueSql(now)} AS overdue
      FROM "Complaint" c JOIN "Retailer" r ON r.id = c."retailerId" LEFT JOIN "StaffUser" o ON o.id = c."ownerId"
      ${where(pageConds)}
      ORDER BY c."resolveDueAt" ASC, c.id ASC
      LIMIT ${input.pageSize} OFFSET ${(pageNo - 1) * input.pageSize}`,
    db.$queryRaw<{ state: CaseState; n: number; overdue: number; due_today: number; matching: number }[]>`
      SELECT c.state, count(*)::int AS n,
             count(*) FILTER (WHERE ${overdueSql(now)})::int AS overdue,
             count(*) FILTER (WHERE ${dueTodaySql(start, end)})::int AS due_today,
             count(*) FILTER (WHERE ${Prisma.join(matching, ' AND ')})::int AS matching
      FROM "Complaint" c ${joinCounts}
      ${where(countConds)}
      GROUP BY c.state`,
    openSelection
      ? Promise.resolve(null)
      : db.$queryRaw<
          { n: number }[]
        >`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Complaint" c ${joinPage} ${where(pageConds)} LIMIT ${HISTORY_COUNT_CAP + 1}) t`,
  ]);

  const byState = Object.fromEntries(COUNTED_STATES.map((s) => [s, 0])) as Record<(typeof COUNTED_STATES)[number], number>;
  let overdue = 0;
  let dueToday = 0;
  let openMatching = 0;
  for (const row of countRows) {
    byState[row.state as (typeof COUNTED_STATES)[number]] = row.n;
    overdue += row.overdue;
    dueToday += row.due_today;
    openMatching += row.matching;
  }
  const open = byState.SUBMITTED + byState.ACCEPTED + byState.IN_PROGRESS + byState.WAITING_RETAILER + byState.RESOLVED;
  const counted = capped ? (capped[0]?.n ?? 0) : openMatching;
  const totalCapped = capped !== null && counted > HISTORY_COUNT_CAP;
  const total = totalCapped ? HISTORY_COUNT_CAP : counted;
  const soon = now.getTime() + 24 * 3_600_000;
  return {
    // Due within a day: an open, running clock whose next deadline is less than 24 hours away.
    items: rows.map((r) => ({
      ...r,
      dueSoon:
        !r.overdue && RESOLVE_CLOCK_STATES.includes(r.state) && (r.state === 'SUBMITTED' ? r.acceptDueAt : r.resolveDueAt).getTime() < soon,
    })),
    total,
    totalCapped,
    page: pageNo,
    pageSize: input.pageSize,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
    counts: { byState, open, overdue, dueToday },
  };
}

/** The queue's filter choices: categories, departments, owners and districts (an account manager: only their own districts' shops anyway). */
export async function getQueueFilterOptions({ db }: StaffDeps) {
  const [categories, departments, owners, districts] = await Promise.all([
    db.complaintCategory.findMany({ where: { active: true }, orderBy: { id: 'asc' }, select: { id: true, name: true, nameEn: true } }),
    db.department.findMany({ where: { active: true }, orderBy: { id: 'asc' }, select: { id: true, name: true, nameEn: true } }),
    db.staffUser.findMany({
      where: { active: true, roles: { some: { role: { in: ['SERVICE_AGENT', 'MANAGER'] } } } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    db.district.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
  ]);
  return { categories, departments, owners, districts };
}

// ---------------------------------------------------------------- the service overview

type GroupRow = { dim: 'state' | 'category' | 'department' | 'rating' | 'kind'; key: string | null; n: number };
type SlaRow = {
  total: number;
  accepted: number;
  accepted_in_time: number;
  resolved: number;
  resolved_in_time: number;
  breached: number;
  mean_accept_hours: number | null;
  mean_resolve_hours: number | null;
  closed: number;
  rated: number;
  mean_rating: number | null;
  follow_ups: number;
};

export const OVERVIEW_DEFAULT_DAYS = 90;

/**
 * Cases filed in [from, to] (China dates): by state, kind, category and department, SLA compliance, mean
 * times to accept and resolve, and satisfaction after closing. Two grouped statements, whatever the volume.
 */
export async function getOverview({ db, actor, clock }: StaffDeps, input: z.output<typeof ZOverviewInput>) {
  const today = chinaDate(clock());
  const to = input.to ?? today;
  const from = input.from && input.from <= to ? input.from : addDays(to, -(OVERVIEW_DEFAULT_DAYS - 1));
  const start = chinaDateTime(from, '00:00');
  const end = chinaDateTime(addDays(to, 1), '00:00');
  const { accountManagerId } = retailerScope(actor);
  const mine = accountManagerId !== undefined ? Prisma.sql` AND c."accountManagerId" = ${accountManagerId}` : Prisma.empty;
  const range = Prisma.sql`c."createdAt" >= ${ts(start)} AND c."createdAt" < ${ts(end)}${mine}`;

  const [groups, [sla], categories, departments] = await Promise.all([
    db.$queryRaw<GroupRow[]>`
      SELECT CASE WHEN GROUPING(c.state) = 0 THEN 'state' WHEN GROUPING(c.kind) = 0 THEN 'kind' WHEN GROUPING(c."categoryId") = 0 THEN 'category'
                  WHEN GROUPING(c."departmentId") = 0 THEN 'department' ELSE 'rating' END AS dim,
             COALESCE(c.state::text, c.kind::text, c."categoryId"::text, c."departmentId"::text, c.rating::text) AS key,
             count(*)::int AS n
      FROM "Complaint" c
      WHERE ${range}
      GROUP BY GROUPING SETS ((c.state), (c.kind), (c."categoryId"), (c."departmentId"), (c.rating))`,
    db.$queryRaw<SlaRow[]>`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE c."acceptedAt" IS NOT NULL)::int AS accepted,
             count(*) FILTER (WHERE c."acceptedAt" <= c."acceptDueAt")::int AS accepted_in_time,
             count(*) FILTER (WHERE c."resolvedAt" IS NOT NULL)::int AS resolved,
             count(*) FILTER (WHERE c."resolvedAt" <= c."resolveDueAt")::int AS resolved_in_time,
             count(*) FILTER (WHERE c."breachedAt" IS NOT NULL)::int AS breached,
             (avg(EXTRACT(EPOCH FROM c."acceptedAt" - c."createdAt")) / 3600)::float8 AS mean_accept_hours,
             (avg(EXTRACT(EPOCH FROM c."resolvedAt" - c."createdAt")) / 3600)::float8 AS mean_resolve_hours,
             count(*) FILTER (WHERE c.state = 'CLOSED')::int AS closed,
             count(c.rating) FILTER (WHERE c.state = 'CLOSED')::int AS rated,
             (avg(c.rating) FILTER (WHERE c.state = 'CLOSED'))::float8 AS mean_rating,
             (SELECT count(DISTINCT e."complaintId")::int FROM "ComplaintEvent" e JOIN "Complaint" c ON c.id = e."complaintId"
               WHERE e.type = 'FOLLOW_UP' AND ${range}) AS follow_ups
      FROM "Complaint" c
      WHERE ${range}`,
    db.complaintCategory.findMany({ select: { id: true, name: true, nameEn: true } }),
    db.department.findMany({ select: { id: true, name: true, nameEn: true } }),
  ]);

  const pick = (dim: GroupRow['dim']) => groups.filter((g) => g.dim === dim && g.key !== null);
  const categoryName = new Map(categories.map((c) => [String(c.id), c]));
  const departmentName = new Map(departments.map((d) => [String(d.id), d]));
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const s =
    sla ??
    ({
      total: 0,
      accepted: 0,
      accepted_in_time: 0,
      resolved: 0,
      resolved_in_time: 0,
      breached: 0,
      mean_accept_hours: null,
      mean_resolve_hours: null,
      closed: 0,
      rated: 0,
      mean_rating: null,
      follow_ups: 0,
    } satisfies SlaRow);
  return {
    from,
    to,
    total: s.total,
    byState: pick('state').map((g) => ({ state: g.key as CaseState, n: g.n })),
    byKind: pick('kind').map((g) => ({ kind: g.key as CaseKind, n: g.n })),
    byCategory: pick('category')
      .map((g) => ({
        id: Number(g.key),
        name: categoryName.get(g.key!)?.name ?? g.key!,
        nameEn: categoryName.get(g.key!)?.nameEn ?? g.key!,
        n: g.n,
      }))
      .sort((a, b) => b.n - a.n),
    byDepartment: pick('department')
      .map((g) => ({
        id: Number(g.key),
        name: departmentName.get(g.key!)?.name ?? g.key!,
        nameEn: departmentName.get(g.key!)?.nameEn ?? g.key!,
        n: g.n,
      }))
      .sort((a, b) => b.n - a.n),
    ratings: [1, 2, 3, 4, 5].map((rating) => ({ rating, n: pick('rating').find((g) => g.key === String(rating))?.n ?? 0 })),
    sla: {
      accepted: s.accepted,
      acceptedInTime: s.accepted_in_time,
      acceptedInTimeRate: ratio(s.accepted_in_time, s.accepted),
      resolved: s.resolved,
      resolvedInTime: s.resolved_in_time,
      resolvedInTimeRate: ratio(s.resolved_in_time, s.resolved),
      breached: s.breached,
      meanAcceptHours: s.mean_accept_hours,
      meanResolveHours: s.mean_resolve_hours,
    },
    satisfaction: { closed: s.closed, rated: s.rated, meanRating: s.mean_rating, followUps: s.follow_ups },
  };
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;
