import type { z } from 'zod';
import { hasPermission } from '@tobacco/auth/permissions';
import { Prisma, type DbTx } from '@tobacco/db/client';
import type { StaffActor } from '../actor';
import { writeAudit } from '../admin/audit';
import type { RetailerDeps, StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { enqueueJob } from '../jobs/jobs.service';
import { notifyStaff } from '../notifications/notifications.service';
import { chinaDate } from '../schedule/calendar.rules';
import { alertQuestionNotice, ALERT_RUN_QUEUE } from './alerts.run';
import { canAnswer } from './alerts.rules';
import {
  ALERT_PAGE_SIZE,
  type ZAlertCountsInput,
  type ZAnswerAlertInput,
  type ZListAlertsInput,
  type ZTriageAlertInput,
} from './alerts.schema';

// The alert queue: who sees which alerts, triage with optimistic concurrency, the counts over time, and
// the retailer's own explanation. The rules themselves run in alerts.run.ts.

export type AlertAccess = { all: boolean; triage: boolean };

/**
 * What a staff member may do with alerts: MANAGER (alerts.readAll) and the staff of the 专卖 department
 * see and triage every retailer's alerts; an account manager (alerts.triage) only their own retailers';
 * anyone else none (FORBIDDEN). 专卖 is a department, not a role, so it is read from the staff member's
 * department here, in the one place that decides alert scope.
 */
export async function alertAccess(db: DbTx, actor: StaffActor): Promise<AlertAccess> {
  if (hasPermission(actor.roles, 'alerts.readAll')) return { all: true, triage: true };
  if (actor.departmentId) {
    const department = await db.department.findUnique({ where: { id: actor.departmentId }, select: { kind: true } });
    if (department?.kind === 'MONOPOLY') return { all: true, triage: true };
  }
  if (hasPermission(actor.roles, 'alerts.triage')) return { all: false, triage: true };
  throw new DomainError('FORBIDDEN');
}

/** The retailers whose alerts this person sees (the same narrowing as retailerScope, for alerts). */
export async function alertRetailerWhere(db: DbTx, actor: StaffActor): Promise<Prisma.RetailerWhereInput> {
  const access = await alertAccess(db, actor);
  return access.all ? {} : { accountManagerId: actor.userId };
}

const ALERT_SELECT = {
  id: true,
  rule: true,
  state: true,
  details: true,
  note: true,
  version: true,
  askedAt: true,
  answer: true,
  answeredAt: true,
  triagedAt: true,
  createdAt: true,
  triagedBy: { select: { name: true } },
  cycle: { select: { id: true, code: true, weekStart: true } },
  retailer: { select: { id: true, shopName: true, licenceNo: true, district: { select: { id: true, name: true, nameEn: true } } } },
} satisfies Prisma.AlertSelect;

export async function listAlerts({ db, actor }: StaffDeps, input: z.output<typeof ZListAlertsInput>) {
  const scope = await alertRetailerWhere(db, actor);
  const where: Prisma.AlertWhereInput = {
    retailer: { ...scope, ...(input.districtId ? { districtId: input.districtId } : {}) },
    ...(input.rule ? { rule: input.rule } : {}),
    ...(input.state ? { state: input.state } : {}),
    ...(input.cycleId ? { cycleId: input.cycleId } : {}),
    ...(input.retailerId ? { retailerId: input.retailerId } : {}),
  };
  const [total, items] = await Promise.all([
    db.alert.count({ where }),
    db.alert.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * ALERT_PAGE_SIZE,
      take: ALERT_PAGE_SIZE,
      select: ALERT_SELECT,
    }),
  ]);
  return { items, total, page: input.page, pages: Math.max(1, Math.ceil(total / ALERT_PAGE_SIZE)) };
}

export async function getAlert({ db, actor }: StaffDeps, input: { id: number }) {
  const scope = await alertRetailerWhere(db, actor);
  const alert = await db.alert.findFirst({ where: { id: input.id, retailer: scope }, select: ALERT_SELECT });
  if (!alert) throw notFound();
  return alert;
}

/** The filters' choices: the cycles that have alerts (newest first) and the districts. */
/** Cycles that have alerts and the districts: company-wide labels, no shop's record, so any staff member may read them. */
export async function listAlertFilterOptions({ db }: StaffDeps) {
  const [cycles, districts] = await Promise.all([
    db.$queryRaw<{ id: number; code: string }[]>`
      SELECT c.id, c.code FROM "OrderCycle" c WHERE EXISTS (SELECT 1 FROM "Alert" a WHERE a."cycleId" = c.id) ORDER BY c."weekStart" DESC LIMIT 52`,
    db.district.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
  ]);
  return { cycles, districts };
}

/**
 * Confirmed, explained or false positive, with a note. Written only WHERE the alert is still open at the
 * version the person saw: someone else's triage in between is a CONFLICT, never overwritten.
 */
export async function triageAlert({ db, actor, clock }: StaffDeps, input: z.output<typeof ZTriageAlertInput>) {
  const access = await alertAccess(db, actor);
  if (!access.triage) throw new DomainError('FORBIDDEN');
  const scope: Prisma.RetailerWhereInput = access.all ? {} : { accountManagerId: actor.userId };
  const now = clock();
  return db.$transaction(async (tx) => {
    const before = await tx.alert.findFirst({
      where: { id: input.id, retailer: scope },
      select: { id: true, state: true, version: true, note: true },
    });
    if (!before) throw notFound();
    const { count } = await tx.alert.updateMany({
      where: { id: input.id, version: input.version, state: 'OPEN' },
      data: { state: input.state, note: input.note, triagedById: actor.userId, triagedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError('CONFLICT', 'alerts.error.triaged');
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'alert.triage',
      entityType: 'Alert',
      entityId: input.id,
      before: { state: before.state, note: before.note },
      after: { state: input.state, note: input.note },
    });
    return { id: input.id, state: input.state, version: input.version + 1 };
  });
}

type CountRow = {
  cycle_id: number;
  code: string;
  week_start: Date;
  rule: string;
  district_id: number;
  district: string;
  district_en: string;
  count: bigint;
};

/** Alerts per cycle × rule × district over the last `cycles` cycles that have any, for the trend table and chart. */
export async function alertCounts({ db, actor }: StaffDeps, input: z.output<typeof ZAlertCountsInput>) {
  const access = await alertAccess(db, actor);
  const own = access.all ? null : actor.userId;
  const rows = await db.$queryRaw<CountRow[]>`
    WITH recent AS (
      SELECT c.id, c.code, c."weekStart" FROM "OrderCycle" c
      WHERE EXISTS (SELECT 1 FROM "Alert" a WHERE a."cycleId" = c.id)
      ORDER BY c."weekStart" DESC LIMIT ${input.cycles})
    SELECT recent.id AS cycle_id, recent.code, recent."weekStart" AS week_start, a.rule::text AS rule,
           d.id AS district_id, d.name AS district, d."nameEn" AS district_en, count(*) AS count
    FROM recent
    JOIN "Alert" a ON a."cycleId" = recent.id
    JOIN "Retailer" r ON r.id = a."retailerId"
    JOIN "District" d ON d.id = r."districtId"
    WHERE (${own}::int IS NULL OR r."accountManagerId" = ${own}::int)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ORDER BY recent."weekStart", a.rule::text, d.name`;
  return rows.map((row) => ({
    cycleId: row.cycle_id,
    cycleCode: row.code,
    weekStart: row.week_start,
    rule: row.rule,
    districtId: row.district_id,
    district: row.district,
    districtEn: row.district_en,
    count: Number(row.count),
  }));
}

/**
 * A manager runs the rules again for a past cycle (orders imported late, a changed threshold). The run is
 * a job, as at cycle close; alerts already raised for the cycle stay as they are.
 */
export async function requestCycleRun({ db, actor, clock }: StaffDeps, input: { cycleId: number }) {
  const now = clock();
  const cycle = await db.orderCycle.findUnique({ where: { id: input.cycleId }, select: { id: true, code: true, weekEnd: true } });
  if (!cycle) throw notFound();
  if (cycle.weekEnd.toISOString().slice(0, 10) >= chinaDate(now))
    throw new DomainError('INVALID_STATE', 'alerts.error.cycleOpen', { cycle: cycle.code });
  // One run per cycle per minute, however often the button is pressed.
  await enqueueJob(db, {
    queue: ALERT_RUN_QUEUE,
    payload: { cycleId: cycle.id },
    uniqueKey: `alerts:rerun:${cycle.id}:${now.toISOString().slice(0, 16)}`,
  });
  await writeAudit(db, {
    actorStaffId: actor.userId,
    action: 'alert.rerun',
    entityType: 'OrderCycle',
    entityId: cycle.id,
    after: { code: cycle.code },
  });
  return { cycleId: cycle.id, cycleCode: cycle.code, queued: true };
}

// ---------------------------------------------------------------- the retailer's side

const QUESTION_SELECT = { id: true, rule: true, askedAt: true, answer: true, answeredAt: true, state: true } satisfies Prisma.AlertSelect;

/** The questions put to my shop, newest first: wording only, never the rule's figures or staff notes. */
export async function listMyAlertQuestions({ db, actor }: RetailerDeps) {
  const rows = await db.alert.findMany({
    where: { retailerId: actor.retailerId, askedAt: { not: null } },
    orderBy: [{ askedAt: 'desc' }, { id: 'desc' }],
    take: 20,
    select: QUESTION_SELECT,
  });
  return rows.map(toQuestion);
}

export async function getMyAlertQuestion({ db, actor }: RetailerDeps, input: { id: number }) {
  const row = await db.alert.findFirst({
    where: { id: input.id, retailerId: actor.retailerId, askedAt: { not: null } },
    select: QUESTION_SELECT,
  });
  if (!row) throw notFound();
  return toQuestion(row);
}

function toQuestion(row: Prisma.AlertGetPayload<{ select: typeof QUESTION_SELECT }>) {
  const notice = alertQuestionNotice(row.rule);
  return {
    id: row.id,
    title: notice.title,
    body: notice.body,
    askedAt: row.askedAt!,
    answer: row.answer,
    answeredAt: row.answeredAt,
    canAnswer: canAnswer(row),
  };
}

/** The retailer answers in a sentence; it shows on the alert and the account manager is told. */
export async function answerAlert({ db, actor, clock }: RetailerDeps, input: z.output<typeof ZAnswerAlertInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const alert = await tx.alert.findFirst({
      where: { id: input.id, retailerId: actor.retailerId, askedAt: { not: null } },
      select: { id: true, askedAt: true, answeredAt: true, state: true, retailer: { select: { shopName: true, accountManagerId: true } } },
    });
    if (!alert) throw notFound();
    if (!canAnswer(alert)) throw new DomainError('INVALID_STATE', 'alerts.error.notAsked');
    const { count } = await tx.alert.updateMany({
      where: { id: alert.id, answeredAt: null },
      data: { answer: input.answer, answeredAt: now, answeredByLoginId: actor.loginId },
    });
    if (count === 0) throw new DomainError('INVALID_STATE', 'alerts.error.notAsked');
    if (alert.retailer.accountManagerId) {
      await notifyStaff(tx, alert.retailer.accountManagerId, {
        kind: 'SYSTEM',
        // The shop's own words are the notice's body, shown as written.
        messageKey: 'alerts.notify.answered',
        params: { shop: alert.retailer.shopName, detail: input.answer },
        link: `/alerts?retailerId=${actor.retailerId}`,
      });
    }
    return { id: alert.id, answeredAt: now };
  });
}
