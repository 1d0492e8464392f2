import { Prisma, type DbTx } from '@tobacco/db/client';
import type { z } from 'zod';
import { writeAudit } from '../admin/audit.service';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { enqueueJob } from '../jobs/jobs.service';
import { notifyRetailer } from '../notifications/notifications.service';
import { isUniqueViolation } from '../retailers/retailers.audit';
import { addDays, chinaDate, chinaDateTime } from '../schedule/calendar.rules';
import { appendPointsEntry } from './rewards.ledger';
import { rewardRunKey } from './rewards.rules';
import {
  canonicalPeriod,
  parseRuleParams,
  periodRange,
  periodSpellings,
  rulesInForce,
  sameRangeLastYear,
  UNMEASURED_KINDS,
  type RewardRuleKind,
  type RuleVersion,
} from './rewards.run.rules';
import {
  REWARDS_PAGE_SIZE,
  type ZFulfilInput,
  type ZListItemsInput,
  type ZListRedemptionsInput,
  type ZListRunsInput,
  type ZPreviewRunInput,
  type ZRejectRedemptionInput,
  type ZSaveItemInput,
  type ZSaveRuleInput,
} from './rewards.staff.schema';

// Rewards in the back office (domain.md §7). MARKETING edits the rules (each change a new version
// effective from a period), previews a period's run and starts it; the run job (rewards.jobs.ts) grants
// the points in batches. A period is run once: RewardRun.periodCode is unique and PointsEntry is unique
// on (runId, retailerId, ruleId). Redemptions are fulfilled, or rejected with the points refunded.

export const REWARD_RUN_QUEUE = 'rewards.run';

const day = (date: string) => new Date(`${date}T00:00:00Z`);

// ---------------------------------------------------------------- the grants of a period, in SQL

export type RunScope = { retailerIds?: number[]; totalVolume?: number };

/** A rule as a SQL condition on the measures row `m` (the SQL twin of rewards.run.rules.ts meetsRule). */
function ruleConditionSql(rule: { kind: RewardRuleKind; params: unknown }): Prisma.Sql {
  switch (rule.kind) {
    case 'SETTLEMENT_RATE':
    case 'PRICE_COMPLIANCE':
      // No data source for these measures in this system (UNMEASURED_KINDS).
      return Prisma.sql`false`;
    case 'INTEGRITY': {
      const p = parseRuleParams('INTEGRITY', rule.params);
      return p ? Prisma.sql`m."integrityLevel" = ANY (${p.levels}::text[])` : Prisma.sql`false`;
    }
    case 'CONTRIBUTION': {
      const p = parseRuleParams('CONTRIBUTION', rule.params);
      if (!p) return Prisma.sql`false`;
      const parts: Prisma.Sql[] = [Prisma.sql`true`];
      if (p.minShare !== undefined) parts.push(Prisma.sql`m.share >= ${p.minShare}`);
      if (p.minGrade !== undefined) parts.push(Prisma.sql`m.grade >= ${p.minGrade}`);
      return Prisma.join(parts, ' AND ');
    }
    case 'GROWTH': {
      const p = parseRuleParams('GROWTH', rule.params);
      return p
        ? Prisma.sql`(m."prevVolume" > 0 AND m.volume - m."prevVolume" >= m."prevVolume" * ${p.minGrowth}::float8 - 1e-9)`
        : Prisma.sql`false`;
    }
    case 'SURVEY_COMPLETE':
      return Prisma.sql`m."surveyComplete"`;
  }
}

/** The company's volume in the period (the denominator of every shop's share). */
export async function periodVolume(db: DbTx, periodCode: string): Promise<number> {
  const range = periodRange(periodCode);
  const rows = await db.$queryRaw<{ total: number }[]>`
    SELECT coalesce(sum("totalQuantity"), 0)::float8 AS total FROM "Order"
    WHERE status = 'CONFIRMED' AND "orderDate" BETWEEN ${day(range.from)}::date AND ${day(range.to)}::date`;
  return rows[0]?.total ?? 0;
}

/**
 * The measures of every active retailer in scope for a period, as a CTE named `m`, and the rows
 * (retailerId, ruleId, points) they earn under `rules`: one query, evaluated in the database.
 */
export function grantsSql(
  rules: readonly { id: number; kind: RewardRuleKind; params: unknown; points: number }[],
  periodCode: string,
  scope: RunScope & { totalVolume: number },
): Prisma.Sql {
  const range = periodRange(periodCode);
  const last = sameRangeLastYear(range);
  const inScope = scope.retailerIds ? Prisma.sql`AND r.id = ANY (${scope.retailerIds}::int[])` : Prisma.empty;
  const ordersInScope = scope.retailerIds ? Prisma.sql`AND o."retailerId" = ANY (${scope.retailerIds}::int[])` : Prisma.empty;
  const surveyFrom = chinaDateTime(range.from, '00:00');
  const surveyTo = chinaDateTime(addDays(range.to, 1), '00:00');
  const selects = rules.map(
    (rule) =>
      Prisma.sql`SELECT m.id AS "retailerId", ${rule.id}::int AS "ruleId", ${rule.points}::int AS points FROM m WHERE ${ruleConditionSql(rule)}`,
  );
  const union =
    selects.length > 0
      ? Prisma.join(selects, ' UNION ALL ')
      : Prisma.sql`SELECT NULL::int AS "retailerId", NULL::int AS "ruleId", NULL::int AS points WHERE false`;
  return Prisma.sql`
    WITH vol AS (
      SELECT o."retailerId", sum(o."totalQuantity")::float8 AS volume FROM "Order" o
      WHERE o.status = 'CONFIRMED' AND o."orderDate" BETWEEN ${day(range.from)}::date AND ${day(range.to)}::date ${ordersInScope}
      GROUP BY o."retailerId"
    ), prev AS (
      SELECT o."retailerId", sum(o."totalQuantity")::float8 AS volume FROM "Order" o
      WHERE o.status = 'CONFIRMED' AND o."orderDate" BETWEEN ${day(last.from)}::date AND ${day(last.to)}::date ${ordersInScope}
      GROUP BY o."retailerId"
    ), m AS (
      SELECT r.id, r.grade, r."integrityLevel"::text AS "integrityLevel",
        coalesce(vol.volume, 0) AS volume, coalesce(prev.volume, 0) AS "prevVolume",
        CASE WHEN ${scope.totalVolume}::float8 > 0 THEN coalesce(vol.volume, 0) / ${scope.totalVolume}::float8 ELSE 0 END AS share,
        EXISTS (SELECT 1 FROM "SurveyResponse" s WHERE s."retailerId" = r.id AND s.state = 'SUBMITTED'
          AND s."submittedAt" >= ${surveyFrom} AND s."submittedAt" < ${surveyTo}) AS "surveyComplete"
      FROM "Retailer" r
      LEFT JOIN vol ON vol."retailerId" = r.id
      LEFT JOIN prev ON prev."retailerId" = r.id
      WHERE r.status = 'ACTIVE' ${inScope}
    ), g AS (${union})`;
}

async function loadRules(db: DbTx): Promise<(RuleVersion & { createdAt: Date })[]> {
  const rows = await db.rewardRule.findMany({ orderBy: [{ kind: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => ({ ...r, kind: r.kind as RewardRuleKind }));
}

async function existingRun(db: DbTx, canonical: string) {
  return db.rewardRun.findFirst({ where: { periodCode: { in: periodSpellings(canonical) } } });
}

function parsePeriod(code: string): string {
  try {
    return canonicalPeriod(code);
  } catch {
    throw new DomainError('VALIDATION', 'rewards.staff.validation.period');
  }
}

/**
 * What a run of the period would grant, without writing anything: totals per rule, how many shops
 * earn something, and a page of who gets what (most points first).
 */
export async function previewRun({ db, clock }: StaffDeps, input: z.output<typeof ZPreviewRunInput>) {
  const periodCode = parsePeriod(input.periodCode);
  const range = periodRange(periodCode);
  const [rules, run, totalVolume] = await Promise.all([loadRules(db), existingRun(db, periodCode), periodVolume(db, periodCode)]);
  const inForce = rulesInForce(rules, periodCode);
  const grants = grantsSql(inForce, periodCode, { totalVolume });
  const [perRule, summary, page] = await Promise.all([
    db.$queryRaw<{ ruleId: number; retailers: number; points: number }[]>`${grants}
      SELECT "ruleId", count(*)::int AS retailers, sum(points)::int AS points FROM g GROUP BY "ruleId"`,
    db.$queryRaw<{ eligible: number; earning: number; points: number }[]>`${grants}
      SELECT (SELECT count(*) FROM m)::int AS eligible, (SELECT count(DISTINCT "retailerId") FROM g)::int AS earning, coalesce((SELECT sum(points) FROM g), 0)::int AS points`,
    db.$queryRaw<
      { retailerId: number; licenceNo: string; shopName: string; grade: number | null; points: number; ruleIds: number[] }[]
    >`${grants}
      SELECT g."retailerId", r."licenceNo", r."shopName", r.grade, sum(g.points)::int AS points, array_agg(g."ruleId" ORDER BY g."ruleId") AS "ruleIds"
      FROM g JOIN "Retailer" r ON r.id = g."retailerId"
      GROUP BY g."retailerId", r."licenceNo", r."shopName", r.grade
      ORDER BY points DESC, r."licenceNo"
      LIMIT ${REWARDS_PAGE_SIZE} OFFSET ${(input.page - 1) * REWARDS_PAGE_SIZE}`,
  ]);
  const counts = new Map(perRule.map((r) => [r.ruleId, r]));
  const totals = summary[0] ?? { eligible: 0, earning: 0, points: 0 };
  return {
    periodCode,
    range,
    periodOver: range.to < chinaDate(clock()),
    run: run ? { id: run.id, state: run.state, periodCode: run.periodCode, processed: run.processed, total: run.total } : null,
    rules: inForce.map((rule) => ({
      id: rule.id,
      kind: rule.kind,
      name: rule.name,
      nameEn: rule.nameEn,
      points: rule.points,
      effectiveFrom: rule.effectiveFrom,
      unmeasured: UNMEASURED_KINDS.includes(rule.kind),
      retailers: counts.get(rule.id)?.retailers ?? 0,
      totalPoints: counts.get(rule.id)?.points ?? 0,
    })),
    ...totals,
    items: page,
    page: input.page,
    pages: Math.max(1, Math.ceil(totals.earning / REWARDS_PAGE_SIZE)),
  };
}

/**
 * Starts the run of a period that has ended: the run row (unique per period) and its job, in one
 * transaction with the audit row. A second start of the same period, in any spelling, is CONFLICT.
 */
export async function startRun({ db, actor, clock }: StaffDeps, input: { periodCode: string }) {
  const periodCode = parsePeriod(input.periodCode);
  const now = clock();
  if (periodRange(periodCode).to >= chinaDate(now)) throw new DomainError('INVALID_STATE', 'rewards.staff.errors.periodNotOver');
  const inForce = rulesInForce(await loadRules(db), periodCode);
  if (inForce.length === 0) throw new DomainError('INVALID_STATE', 'rewards.staff.errors.noRules');
  if (await existingRun(db, periodCode)) throw new DomainError('CONFLICT', 'rewards.staff.errors.alreadyRun', { period: periodCode });
  try {
    return await db.$transaction(async (tx) => {
      const total = await tx.retailer.count({ where: { status: 'ACTIVE' } });
      const run = await tx.rewardRun.create({
        data: { periodCode, state: 'RUNNING', total, processed: 0, startedAt: now, createdById: actor.userId },
      });
      await enqueueJob(tx, { queue: REWARD_RUN_QUEUE, payload: { runId: run.id }, uniqueKey: rewardRunKey(periodCode) });
      await writeAudit(tx, {
        actor,
        action: 'rewardRun.start',
        entityType: 'RewardRun',
        entityId: run.id,
        after: { periodCode, total, rules: inForce.map((r) => ({ id: r.id, kind: r.kind, points: r.points })) },
      });
      return { id: run.id, periodCode };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'rewards.staff.errors.alreadyRun', { period: periodCode });
    throw error;
  }
}

export async function listRuns({ db }: StaffDeps, input: z.output<typeof ZListRunsInput>) {
  const [total, rows] = await Promise.all([
    db.rewardRun.count(),
    db.$queryRaw<
      {
        id: number;
        periodCode: string;
        state: string;
        processed: number;
        total: number;
        startedAt: Date;
        finishedAt: Date | null;
        createdBy: string | null;
        retailers: number;
        points: number;
      }[]
    >`
      SELECT run.id, run."periodCode", run.state::text AS state, run.processed, run.total, run."startedAt", run."finishedAt", s.name AS "createdBy",
        coalesce(e.retailers, 0)::int AS retailers, coalesce(e.points, 0)::int AS points
      FROM "RewardRun" run
      LEFT JOIN "StaffUser" s ON s.id = run."createdById"
      LEFT JOIN LATERAL (SELECT count(DISTINCT "retailerId") AS retailers, sum(points) AS points FROM "PointsEntry" WHERE "runId" = run.id) e ON true
      ORDER BY run."startedAt" DESC, run.id DESC
      LIMIT ${REWARDS_PAGE_SIZE} OFFSET ${(input.page - 1) * REWARDS_PAGE_SIZE}`,
  ]);
  return { items: rows, total, page: input.page, pages: Math.max(1, Math.ceil(total / REWARDS_PAGE_SIZE)) };
}

export async function getRun({ db }: StaffDeps, input: { id: number }) {
  const run = await db.rewardRun.findUnique({ where: { id: input.id } });
  if (!run) throw notFound();
  return run;
}

// ---------------------------------------------------------------- rules

/** Every version of every rule, with the one in force for the current quarter marked. */
export async function listRules({ db, clock }: StaffDeps) {
  const rules = await loadRules(db);
  const today = chinaDate(clock());
  const current = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  const inForce = new Set(rulesInForce(rules, current).map((r) => r.id));
  const used = await db.pointsEntry.groupBy({ by: ['ruleId'], where: { ruleId: { in: rules.map((r) => r.id) } }, _count: { _all: true } });
  const usedBy = new Map(used.map((u) => [u.ruleId, u._count._all]));
  return {
    currentPeriod: current,
    rules: rules.map((r) => ({
      ...r,
      inForce: inForce.has(r.id),
      grants: usedBy.get(r.id) ?? 0,
      unmeasured: UNMEASURED_KINDS.includes(r.kind),
    })),
  };
}

/**
 * Saves a rule's version effective from a period. A version of that kind and period that has granted
 * nothing yet is changed in place; otherwise a new version is added, so points already granted keep the
 * rule they were granted by. A period already run cannot be changed retroactively.
 */
export async function saveRule({ db, actor }: StaffDeps, input: z.output<typeof ZSaveRuleInput>) {
  const effectiveFrom = parsePeriod(input.effectiveFrom);
  const params = parseRuleParams(input.kind, input.params);
  if (!params) throw new DomainError('VALIDATION', 'rewards.staff.validation.params');
  const start = periodRange(effectiveFrom).from;
  return db.$transaction(async (tx) => {
    const runs = await tx.rewardRun.findMany({ select: { periodCode: true } });
    const ranAfter = runs.find((r) => {
      try {
        return periodRange(r.periodCode).to >= start;
      } catch {
        return false;
      }
    });
    if (ranAfter) throw new DomainError('INVALID_STATE', 'rewards.staff.errors.periodAlreadyRun', { period: ranAfter.periodCode });
    const sameVersion = await tx.rewardRule.findFirst({
      where: { kind: input.kind, effectiveFrom: { in: periodSpellings(effectiveFrom) }, entries: { none: {} } },
      orderBy: { id: 'desc' },
    });
    const data = {
      kind: input.kind,
      name: input.name,
      nameEn: input.nameEn,
      params: params as Prisma.InputJsonValue,
      points: input.points,
      active: input.active,
      effectiveFrom,
    };
    const view = (r: { name: string; params: unknown; points: number; active: boolean; effectiveFrom: string }) => ({
      name: r.name,
      params: r.params,
      points: r.points,
      active: r.active,
      effectiveFrom: r.effectiveFrom,
    });
    if (sameVersion) {
      const updated = await tx.rewardRule.update({ where: { id: sameVersion.id }, data });
      await writeAudit(tx, {
        actor,
        action: 'rewardRule.update',
        entityType: 'RewardRule',
        entityId: updated.id,
        before: view(sameVersion),
        after: view(updated),
      });
      return { id: updated.id, created: false };
    }
    const previous = rulesInForce(await loadRules(tx), effectiveFrom).find((r) => r.kind === input.kind) ?? null;
    const created = await tx.rewardRule.create({ data });
    await writeAudit(tx, {
      actor,
      action: 'rewardRule.create',
      entityType: 'RewardRule',
      entityId: created.id,
      before: previous ? { id: previous.id, ...view(previous) } : null,
      after: view(created),
    });
    return { id: created.id, created: true };
  });
}

// ---------------------------------------------------------------- catalogue

export async function listItems({ db }: StaffDeps, input: z.output<typeof ZListItemsInput>) {
  const where: Prisma.RewardItemWhereInput = input.q
    ? { OR: [{ name: { contains: input.q } }, { nameEn: { contains: input.q, mode: 'insensitive' } }] }
    : {};
  const [total, items, waiting] = await Promise.all([
    db.rewardItem.count({ where }),
    db.rewardItem.findMany({
      where,
      orderBy: [{ active: 'desc' }, { points: 'asc' }, { id: 'asc' }],
      skip: (input.page - 1) * REWARDS_PAGE_SIZE,
      take: REWARDS_PAGE_SIZE,
    }),
    db.redemption.groupBy({ by: ['itemId'], where: { state: 'REQUESTED' }, _count: { _all: true } }),
  ]);
  const waitingBy = new Map(waiting.map((w) => [w.itemId, w._count._all]));
  return {
    items: items.map((item) => ({ ...item, waiting: waitingBy.get(item.id) ?? 0 })),
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / REWARDS_PAGE_SIZE)),
  };
}

export async function saveItem({ db, actor }: StaffDeps, input: z.output<typeof ZSaveItemInput>) {
  const { id, ...data } = input;
  return db.$transaction(async (tx) => {
    if (id === undefined) {
      const created = await tx.rewardItem.create({ data });
      await writeAudit(tx, { actor, action: 'rewardItem.create', entityType: 'RewardItem', entityId: created.id, after: data });
      return { id: created.id };
    }
    const before = await tx.rewardItem.findUnique({ where: { id } });
    if (!before) throw notFound();
    await tx.rewardItem.update({ where: { id }, data });
    await writeAudit(tx, { actor, action: 'rewardItem.update', entityType: 'RewardItem', entityId: id, before, after: { id, ...data } });
    return { id };
  });
}

// ---------------------------------------------------------------- fulfilment queue

export async function listRedemptions({ db }: StaffDeps, input: z.output<typeof ZListRedemptionsInput>) {
  const where: Prisma.RedemptionWhereInput = {
    state: input.state,
    ...(input.licenceNo ? { retailer: { licenceNo: { startsWith: input.licenceNo } } } : {}),
  };
  const [total, items, counts] = await Promise.all([
    db.redemption.count({ where }),
    db.redemption.findMany({
      where,
      // Oldest first while waiting (a queue); newest first once handled.
      orderBy: [{ createdAt: input.state === 'REQUESTED' ? 'asc' : 'desc' }, { id: 'asc' }],
      skip: (input.page - 1) * REWARDS_PAGE_SIZE,
      take: REWARDS_PAGE_SIZE,
      select: {
        id: true,
        quantity: true,
        points: true,
        state: true,
        createdAt: true,
        handledAt: true,
        note: true,
        retailer: { select: { licenceNo: true, shopName: true, phone: true, address: true } },
        item: { select: { name: true, nameEn: true, kind: true } },
        handledBy: { select: { name: true } },
      },
    }),
    db.redemption.groupBy({ by: ['state'], _count: { _all: true } }),
  ]);
  return {
    items,
    total,
    counts: Object.fromEntries(counts.map((c) => [c.state, c._count._all])) as Partial<
      Record<'REQUESTED' | 'FULFILLED' | 'REJECTED', number>
    >,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / REWARDS_PAGE_SIZE)),
  };
}

/** Takes a waiting redemption for handling: locks it, and refuses one already handled. */
async function waitingRedemption(tx: DbTx, id: number) {
  const rows = await tx.$queryRaw<{ id: number; retailerId: number; itemId: number; quantity: number; points: number; state: string }[]>`
    SELECT id, "retailerId", "itemId", quantity, points, state::text AS state FROM "Redemption" WHERE id = ${id} FOR UPDATE`;
  const redemption = rows[0];
  if (!redemption) throw notFound();
  if (redemption.state !== 'REQUESTED') throw new DomainError('INVALID_STATE', 'rewards.staff.errors.handled');
  return redemption;
}

export async function fulfilRedemption({ db, actor, clock }: StaffDeps, input: z.output<typeof ZFulfilInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const redemption = await waitingRedemption(tx, input.id);
    const item = await tx.rewardItem.findUniqueOrThrow({ where: { id: redemption.itemId }, select: { name: true } });
    await tx.redemption.update({
      where: { id: redemption.id },
      data: { state: 'FULFILLED', handledById: actor.userId, handledAt: now, note: input.note || null },
    });
    await notifyRetailer(tx, redemption.retailerId, {
      kind: 'REDEMPTION_UPDATE',
      messageKey: 'rewards.staff.notify.fulfilled',
      params: { item: item.name, ...(input.note ? { detail: input.note } : {}) },
      link: '/rewards',
    });
    await writeAudit(tx, {
      actor,
      action: 'redemption.fulfil',
      entityType: 'Redemption',
      entityId: redemption.id,
      before: { state: 'REQUESTED' },
      after: { state: 'FULFILLED', note: input.note || null },
    });
    return { id: redemption.id, state: 'FULFILLED' as const };
  });
}

/** Rejects a waiting redemption: the points go back to the ledger and the items back to stock, with the audit row, in one transaction. */
export async function rejectRedemption({ db, actor, clock }: StaffDeps, input: z.output<typeof ZRejectRedemptionInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const redemption = await waitingRedemption(tx, input.id);
    const item = await tx.rewardItem.findUniqueOrThrow({ where: { id: redemption.itemId }, select: { name: true } });
    await tx.redemption.update({
      where: { id: redemption.id },
      data: { state: 'REJECTED', handledById: actor.userId, handledAt: now, note: input.reason },
    });
    const entry =
      redemption.points > 0
        ? await appendPointsEntry(tx, {
            retailerId: redemption.retailerId,
            points: redemption.points,
            reason: 'REDEMPTION_REFUND',
            redemptionId: redemption.id,
            note: input.reason,
          })
        : null;
    await tx.rewardItem.update({ where: { id: redemption.itemId }, data: { stock: { increment: redemption.quantity } } });
    await notifyRetailer(tx, redemption.retailerId, {
      kind: 'REDEMPTION_UPDATE',
      messageKey: 'rewards.staff.notify.rejected',
      params: { item: item.name, reason: input.reason, points: redemption.points },
      link: '/rewards',
    });
    await writeAudit(tx, {
      actor,
      action: 'redemption.reject',
      entityType: 'Redemption',
      entityId: redemption.id,
      before: { state: 'REQUESTED' },
      after: { state: 'REJECTED', reason: input.reason, refunded: redemption.points, balanceAfter: entry?.balanceAfter ?? null },
    });
    return { id: redemption.id, state: 'REJECTED' as const, refunded: redemption.points };
  });
}
