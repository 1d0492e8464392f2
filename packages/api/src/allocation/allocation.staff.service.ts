import { Prisma, type DbTx } from '@tobacco/db/client';
import { hasPermission } from '@tobacco/auth/permissions';
import type { z } from 'zod';
import { listEntityAudit, writeAudit } from '../admin/audit.service';
import { getSettings } from '../admin/settings.service';
import { retailerScope } from '../retailers/retailers.scope';
import type { StaffActor } from '../actor';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { enqueueJob } from '../jobs/jobs.service';
import { addDays, chinaDate, weekdayOf } from '../schedule/calendar.rules';
import { companyCurrentCycle, loadScheduleSettings } from '../schedule/schedule.service';
import { limitForGrade, validateBands, type LimitBand } from './allocation.rules';
import { getPublishedPolicy } from './allocation.service';
import {
  ADJUSTMENT_PAGE_SIZE,
  CYCLE_PAGE_SIZE,
  type TLimitRow,
  type ZAdjustInput,
  type ZAllocationProductsInput,
  type ZApprovePolicyInput,
  type ZComparePoliciesInput,
  type ZCreatePolicyInput,
  type ZListAdjustmentsInput,
  type ZListCyclesInput,
  type ZRejectPolicyInput,
  type ZSaveLimitsInput,
} from './allocation.staff.schema';
import {
  diffPolicies,
  isoWeekCode,
  nextPolicyState,
  publishAtFor,
  scheduledPublishAt,
  type PolicyState,
} from './allocation.versions.rules';

// Allocation policies in the back office (domain.md §4). MARKETING starts a version of a cycle's policy
// from the last one, edits it in the grid or by CSV, and submits it; a MANAGER other than the author
// approves it, and the publish job (allocation.jobs.ts) makes it the version in force at the scheduled
// time, superseding the one before. Versions are never deleted, so any two can be compared.

export const ALLOCATION_PUBLISH_QUEUE = 'allocation.publish';

const day = (date: string) => new Date(`${date}T00:00:00Z`);
const isoDate = (value: Date) => value.toISOString().slice(0, 10);

// ---------------------------------------------------------------- cycles and versions

/**
 * Cycles newest first, each with its versions; the next four weeks are listed even when their cycle row
 * does not exist yet, so a policy can be started for them.
 */
export async function listCycles({ db, clock }: StaffDeps, input: z.output<typeof ZListCyclesInput>) {
  const now = clock();
  const today = chinaDate(now);
  const { current: currentMonday, next: nextMonday } = await companyCurrentCycle(db, now);
  const horizon = addDays(currentMonday, 28);
  const where = { weekStart: { lte: day(horizon) } };
  const [total, cycles, pending] = await Promise.all([
    db.orderCycle.count({ where }),
    db.orderCycle.findMany({
      where,
      orderBy: { weekStart: 'desc' },
      skip: (input.page - 1) * CYCLE_PAGE_SIZE,
      take: CYCLE_PAGE_SIZE,
      select: {
        id: true,
        code: true,
        weekStart: true,
        weekEnd: true,
        policies: {
          orderBy: { version: 'desc' },
          select: {
            id: true,
            version: true,
            state: true,
            publishAt: true,
            publishedAt: true,
            createdAt: true,
            carriedFromId: true,
            createdBy: { select: { name: true } },
            _count: { select: { limits: true } },
          },
        },
      },
    }),
    db.allocationPolicy.count({ where: { state: 'PENDING_APPROVAL' } }),
  ]);
  const known = new Set(cycles.map((c) => isoDate(c.weekStart)));
  // The upcoming weeks are all on the first page (newest first, at most five weeks ahead).
  const missing = input.page === 1 ? [0, 7, 14, 21, 28].map((n) => addDays(currentMonday, n)).filter((monday) => !known.has(monday)) : [];
  const items = [
    ...missing.map((monday) => ({ id: null, code: isoWeekCode(monday), weekStart: monday, weekEnd: addDays(monday, 6), policies: [] })),
    ...cycles.map((c) => ({ ...c, weekStart: isoDate(c.weekStart), weekEnd: isoDate(c.weekEnd) })),
  ].sort((a, b) => (a.weekStart < b.weekStart ? 1 : -1));
  return {
    today,
    currentMonday,
    nextMonday,
    pending,
    items,
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / CYCLE_PAGE_SIZE)),
  };
}

/** The policy a new version starts from: the given one, else this cycle's latest version, else the last published one of an earlier cycle. */
async function basePolicy(tx: DbTx, cycle: { id: number; weekStart: Date }, fromPolicyId: number | undefined) {
  if (fromPolicyId) {
    const from = await tx.allocationPolicy.findUnique({ where: { id: fromPolicyId }, select: { id: true } });
    if (!from) throw notFound();
    return from.id;
  }
  const own = await tx.allocationPolicy.findFirst({
    where: { cycleId: cycle.id, state: { in: ['PUBLISHED', 'SUPERSEDED'] } },
    orderBy: { version: 'desc' },
    select: { id: true },
  });
  if (own) return own.id;
  const earlier = await tx.allocationPolicy.findFirst({
    where: { state: { in: ['PUBLISHED', 'SUPERSEDED'] }, cycle: { weekStart: { lt: cycle.weekStart } } },
    orderBy: [{ cycle: { weekStart: 'desc' } }, { version: 'desc' }],
    select: { id: true },
  });
  return earlier?.id ?? null;
}

export async function createPolicy({ db, actor, clock }: StaffDeps, input: z.output<typeof ZCreatePolicyInput>) {
  const today = chinaDate(clock());
  return db.$transaction(async (tx) => {
    let cycle: { id: number; code: string; weekStart: Date; weekEnd: Date } | null;
    if (input.cycleId) cycle = await tx.orderCycle.findUnique({ where: { id: input.cycleId } });
    else {
      const monday = input.weekStart!;
      if (weekdayOf(monday) !== 1) throw new DomainError('VALIDATION', 'allocation.staff.validation.cycle');
      cycle = await tx.orderCycle.upsert({
        where: { weekStart: day(monday) },
        create: { code: isoWeekCode(monday), weekStart: day(monday), weekEnd: day(addDays(monday, 6)) },
        update: {},
      });
    }
    if (!cycle) throw notFound();
    if (isoDate(cycle.weekEnd) < today) throw new DomainError('INVALID_STATE', 'allocation.staff.errors.cyclePast');
    // One version in the works per cycle: edit that one instead of forking another.
    const open = await tx.allocationPolicy.findFirst({
      where: { cycleId: cycle.id, state: { in: ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED'] } },
      select: { id: true, version: true },
    });
    if (open) throw new DomainError('CONFLICT', 'allocation.staff.errors.openVersion', { version: open.version });
    const fromId = await basePolicy(tx, cycle, input.fromPolicyId);
    const last = await tx.allocationPolicy.aggregate({ where: { cycleId: cycle.id }, _max: { version: true } });
    const created = await tx.allocationPolicy.create({
      data: { cycleId: cycle.id, version: (last._max.version ?? 0) + 1, state: 'DRAFT', createdById: actor.userId },
    });
    if (fromId) {
      await tx.$executeRaw`
        INSERT INTO "AllocationLimit" ("policyId", "productId", "gradeFrom", "gradeTo", "limitQuantity")
        SELECT ${created.id}, "productId", "gradeFrom", "gradeTo", "limitQuantity" FROM "AllocationLimit" WHERE "policyId" = ${fromId}`;
    }
    await writeAudit(tx, {
      actor,
      action: 'allocationPolicy.create',
      entityType: 'AllocationPolicy',
      entityId: created.id,
      after: { cycle: cycle.code, version: created.version, fromPolicyId: fromId },
    });
    return { id: created.id, version: created.version };
  });
}

function policyCapabilities(actor: StaffDeps['actor'], policy: { state: PolicyState; createdById: number }) {
  const drafts = hasPermission(actor.roles, 'allocation.draft');
  const approves = hasPermission(actor.roles, 'allocation.approve');
  const pending = nextPolicyState(policy.state, 'approve') !== null;
  return {
    edit: drafts && nextPolicyState(policy.state, 'edit') !== null,
    submit: drafts && nextPolicyState(policy.state, 'submit') !== null,
    decide: approves && pending && policy.createdById !== actor.userId,
    ownPending: approves && pending && policy.createdById === actor.userId,
  };
}

async function publishSettings(db: DbTx) {
  const s = await getSettings(db, ['allocation.publishWeekday', 'allocation.publishTime']);
  return { weekday: s['allocation.publishWeekday'], time: s['allocation.publishTime'] };
}

export async function getPolicy({ db, actor }: StaffDeps, input: { policyId: number }) {
  const policy = await db.allocationPolicy.findUnique({
    where: { id: input.policyId },
    include: {
      cycle: true,
      createdBy: { select: { id: true, name: true } },
      approvedBy: { select: { id: true, name: true } },
      carriedFrom: { select: { version: true, cycle: { select: { code: true } } } },
    },
  });
  if (!policy) throw notFound();
  const [limits, versions, history, settings] = await Promise.all([
    db.allocationLimit.findMany({
      where: { policyId: policy.id },
      orderBy: [{ product: { brand: 'asc' } }, { product: { name: 'asc' } }, { gradeFrom: 'asc' }],
      select: { productId: true, gradeFrom: true, gradeTo: true, limitQuantity: true },
    }),
    db.allocationPolicy.findMany({
      where: { cycleId: policy.cycleId },
      orderBy: { version: 'desc' },
      select: { id: true, version: true, state: true, publishedAt: true },
    }),
    listEntityAudit(db, 'AllocationPolicy', policy.id),
    publishSettings(db),
  ]);
  const productIds = [...new Set(limits.map((l) => l.productId))];
  const products = await db.product.findMany({
    where: { id: { in: productIds } },
    select: { id: true, code: true, brand: true, name: true, scarce: true, productClass: true },
  });
  return {
    id: policy.id,
    version: policy.version,
    state: policy.state,
    note: policy.note,
    createdBy: policy.createdBy,
    approvedBy: policy.approvedBy,
    approvedAt: policy.approvedAt,
    publishAt: policy.publishAt,
    publishedAt: policy.publishedAt,
    createdAt: policy.createdAt,
    carriedFrom: policy.carriedFrom,
    cycle: {
      id: policy.cycle.id,
      code: policy.cycle.code,
      weekStart: isoDate(policy.cycle.weekStart),
      weekEnd: isoDate(policy.cycle.weekEnd),
    },
    scheduledPublishAt: scheduledPublishAt(isoDate(policy.cycle.weekStart), settings.weekday, settings.time),
    limits,
    products,
    versions,
    history,
    can: policyCapabilities(actor, policy),
  };
}

export async function searchAllocationProducts({ db }: StaffDeps, input: z.output<typeof ZAllocationProductsInput>) {
  return db.product.findMany({
    where: {
      active: true,
      ...(input.q ? { OR: [{ code: { startsWith: input.q } }, { brand: { contains: input.q } }, { name: { contains: input.q } }] } : {}),
    },
    orderBy: [{ scarce: 'desc' }, { brand: 'asc' }, { name: 'asc' }],
    take: 20,
    select: { id: true, code: true, brand: true, name: true, scarce: true, productClass: true },
  });
}

// ---------------------------------------------------------------- editing

/** Locks the version for editing: it must exist and be a draft or rejected (editing makes it a draft again). */
export async function editablePolicy(tx: DbTx, policyId: number) {
  const rows = await tx.$queryRaw<{ id: number; state: PolicyState; note: string | null }[]>`
    SELECT id, state::text AS state, note FROM "AllocationPolicy" WHERE id = ${policyId} FOR UPDATE`;
  const policy = rows[0];
  if (!policy) throw notFound();
  if (!nextPolicyState(policy.state, 'edit')) throw new DomainError('INVALID_STATE', 'allocation.staff.errors.notEditable');
  return policy;
}

/** Replaces a version's limits with `rows` (already valid) and records what changed. */
export async function replaceLimits(
  tx: DbTx,
  actor: StaffActor,
  policy: { id: number; state: PolicyState; note: string | null },
  rows: readonly LimitBand[],
  action: string,
  note?: string,
) {
  const before = await tx.allocationLimit.findMany({
    where: { policyId: policy.id },
    select: { productId: true, gradeFrom: true, gradeTo: true, limitQuantity: true },
  });
  await tx.allocationLimit.deleteMany({ where: { policyId: policy.id } });
  if (rows.length > 0) {
    await tx.allocationLimit.createMany({
      data: rows.map((r) => ({
        policyId: policy.id,
        productId: r.productId,
        gradeFrom: r.gradeFrom,
        gradeTo: r.gradeTo,
        limitQuantity: r.limitQuantity,
      })),
    });
  }
  const nextNote = note === undefined ? policy.note : note || null;
  await tx.allocationPolicy.update({ where: { id: policy.id }, data: { state: 'DRAFT', note: nextNote } });
  const changes = diffPolicies(before, rows);
  await writeAudit(tx, {
    actor,
    action,
    entityType: 'AllocationPolicy',
    entityId: policy.id,
    before: { state: policy.state, note: policy.note, rows: before.length },
    after: { state: 'DRAFT', note: nextNote, rows: rows.length, changed: changes.length, changes: changes.slice(0, 200) },
  });
  return { rows: rows.length, changed: changes.length };
}

async function checkProductsExist(tx: DbTx, rows: readonly TLimitRow[]) {
  const ids = [...new Set(rows.map((r) => r.productId))];
  const found = await tx.product.count({ where: { id: { in: ids } } });
  if (found !== ids.length) throw new DomainError('VALIDATION', 'allocation.staff.errors.unknownProduct');
}

/** Saves the grid: every band checked (range, order, overlap, limit ≥ 0) before anything is written. */
export async function saveLimits(deps: StaffDeps, input: z.output<typeof ZSaveLimitsInput>) {
  const errors = validateBands(input.limits);
  if (errors.length > 0)
    throw new DomainError('VALIDATION', 'allocation.staff.errors.invalidBands', { count: new Set(errors.map((e) => e.row)).size });
  return deps.db.$transaction(async (tx) => {
    const policy = await editablePolicy(tx, input.policyId);
    await checkProductsExist(tx, input.limits);
    return replaceLimits(tx, deps.actor, policy, input.limits, 'allocationPolicy.update', input.note);
  });
}

// ---------------------------------------------------------------- approval and publishing

async function lockPolicy(tx: DbTx, policyId: number) {
  const rows = await tx.$queryRaw<{ id: number; state: PolicyState; createdById: number; cycleId: number; version: number }[]>`
    SELECT id, state::text AS state, "createdById", "cycleId", version FROM "AllocationPolicy" WHERE id = ${policyId} FOR UPDATE`;
  const policy = rows[0];
  if (!policy) throw notFound();
  return policy;
}

export async function submitPolicy({ db, actor }: StaffDeps, input: { policyId: number }) {
  return db.$transaction(async (tx) => {
    const policy = await lockPolicy(tx, input.policyId);
    if (!nextPolicyState(policy.state, 'submit')) throw new DomainError('INVALID_STATE', 'allocation.staff.errors.notSubmittable');
    const rows = await tx.allocationLimit.count({ where: { policyId: policy.id } });
    if (rows === 0) throw new DomainError('VALIDATION', 'allocation.staff.errors.emptyPolicy');
    await tx.allocationPolicy.update({ where: { id: policy.id }, data: { state: 'PENDING_APPROVAL' } });
    await writeAudit(tx, {
      actor,
      action: 'allocationPolicy.submit',
      entityType: 'AllocationPolicy',
      entityId: policy.id,
      before: { state: policy.state },
      after: { state: 'PENDING_APPROVAL' },
    });
    return { id: policy.id, state: 'PENDING_APPROVAL' as const };
  });
}

/** Approves a version (never the author's own) and schedules its publishing job. */
export async function approvePolicy({ db, actor, clock }: StaffDeps, input: z.output<typeof ZApprovePolicyInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const policy = await lockPolicy(tx, input.policyId);
    if (!nextPolicyState(policy.state, 'approve')) throw new DomainError('INVALID_STATE', 'allocation.staff.errors.notPending');
    if (policy.createdById === actor.userId) throw new DomainError('FORBIDDEN', 'allocation.staff.errors.ownPolicy');
    const cycle = await tx.orderCycle.findUniqueOrThrow({ where: { id: policy.cycleId } });
    if (isoDate(cycle.weekEnd) < chinaDate(now)) throw new DomainError('INVALID_STATE', 'allocation.staff.errors.cyclePast');
    const settings = await publishSettings(tx);
    const publishAt = publishAtFor(scheduledPublishAt(isoDate(cycle.weekStart), settings.weekday, settings.time), now, input.publishNow);
    await tx.allocationPolicy.update({
      where: { id: policy.id },
      data: { state: 'APPROVED', approvedById: actor.userId, approvedAt: now, publishAt },
    });
    await enqueueJob(tx, {
      queue: ALLOCATION_PUBLISH_QUEUE,
      payload: { policyId: policy.id },
      runAt: publishAt,
      uniqueKey: `allocation:publish:${policy.id}`,
    });
    await writeAudit(tx, {
      actor,
      action: 'allocationPolicy.approve',
      entityType: 'AllocationPolicy',
      entityId: policy.id,
      before: { state: policy.state },
      after: { state: 'APPROVED', publishAt, publishNow: input.publishNow, comment: input.comment || null },
    });
    return { id: policy.id, state: 'APPROVED' as const, publishAt };
  });
}

export async function rejectPolicy({ db, actor }: StaffDeps, input: z.output<typeof ZRejectPolicyInput>) {
  return db.$transaction(async (tx) => {
    const policy = await lockPolicy(tx, input.policyId);
    if (!nextPolicyState(policy.state, 'reject')) throw new DomainError('INVALID_STATE', 'allocation.staff.errors.notPending');
    if (policy.createdById === actor.userId) throw new DomainError('FORBIDDEN', 'allocation.staff.errors.ownPolicy');
    await tx.allocationPolicy.update({ where: { id: policy.id }, data: { state: 'REJECTED' } });
    await writeAudit(tx, {
      actor,
      action: 'allocationPolicy.reject',
      entityType: 'AllocationPolicy',
      entityId: policy.id,
      before: { state: policy.state },
      after: { state: 'REJECTED', comment: input.comment },
    });
    return { id: policy.id, state: 'REJECTED' as const };
  });
}

// ---------------------------------------------------------------- comparing versions

export async function comparePolicies({ db }: StaffDeps, input: z.output<typeof ZComparePoliciesInput>) {
  const load = (id: number) =>
    db.allocationPolicy.findUnique({
      where: { id },
      select: {
        id: true,
        version: true,
        state: true,
        publishedAt: true,
        cycle: { select: { code: true } },
        limits: { select: { productId: true, gradeFrom: true, gradeTo: true, limitQuantity: true } },
      },
    });
  const [a, b] = await Promise.all([load(input.a), load(input.b)]);
  if (!a || !b) throw notFound();
  const changes = diffPolicies(a.limits, b.limits);
  const products = await db.product.findMany({
    where: { id: { in: [...new Set(changes.map((c) => c.productId))] } },
    select: { id: true, code: true, brand: true, name: true },
  });
  const byId = new Map(products.map((p) => [p.id, p]));
  const meta = (p: NonNullable<typeof a>) => ({
    id: p.id,
    version: p.version,
    state: p.state,
    publishedAt: p.publishedAt,
    cycle: p.cycle.code,
    rows: p.limits.length,
  });
  return { a: meta(a), b: meta(b), changes: changes.map((c) => ({ ...c, product: byId.get(c.productId)! })) };
}

/** Every version of every cycle, newest first (for the compare pickers). */
export async function listVersions({ db }: StaffDeps) {
  const rows = await db.allocationPolicy.findMany({
    orderBy: [{ cycle: { weekStart: 'desc' } }, { version: 'desc' }],
    take: 200,
    select: { id: true, version: true, state: true, cycle: { select: { code: true } } },
  });
  return rows.map((r) => ({ id: r.id, version: r.version, state: r.state, cycle: r.cycle.code }));
}

// ---------------------------------------------------------------- per-retailer adjustments

/**
 * Raises or lowers one retailer's limit of one product for one cycle, with a reason. The product must be
 * limited for the retailer's grade in the cycle's version in force (published, else the newest in the
 * works), and the resulting limit cannot go below zero.
 */
export async function adjustLimit({ db, actor, clock }: StaffDeps, input: z.output<typeof ZAdjustInput>) {
  const now = clock();
  return db.$transaction(async (tx) => {
    // One connection in a transaction: one query at a time.
    const retailer = await tx.retailer.findFirst({
      where: { AND: [retailerScope(actor), { licenceNo: input.licenceNo }] },
      select: { id: true, grade: true, shopName: true },
    });
    const cycle = await tx.orderCycle.findUnique({ where: { id: input.cycleId } });
    const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true, code: true } });
    if (!retailer) throw new DomainError('NOT_FOUND', 'allocation.staff.errors.unknownRetailer');
    if (!cycle || !product) throw notFound();
    if (isoDate(cycle.weekEnd) < chinaDate(now)) throw new DomainError('INVALID_STATE', 'allocation.staff.errors.cyclePast');
    if (retailer.grade === null) throw new DomainError('INVALID_STATE', 'allocation.staff.errors.noGrade');
    const policy =
      (await getPublishedPolicy(tx, { id: cycle.id, weekStart: isoDate(cycle.weekStart) }, now, await loadScheduleSettings(tx))) ??
      (await tx.allocationPolicy.findFirst({
        where: { cycleId: cycle.id, state: { notIn: ['REJECTED', 'SUPERSEDED'] } },
        orderBy: { version: 'desc' },
        select: { id: true },
      }));
    if (!policy) throw new DomainError('INVALID_STATE', 'allocation.staff.errors.noPolicy');
    const bands = await tx.allocationLimit.findMany({ where: { policyId: policy.id, productId: product.id } });
    const band = limitForGrade(bands, product.id, retailer.grade);
    if (!band) throw new DomainError('INVALID_STATE', 'allocation.staff.errors.unlimited');
    const sum = await tx.allocationAdjustment.aggregate({
      where: { retailerId: retailer.id, cycleId: cycle.id, productId: product.id },
      _sum: { delta: true },
    });
    const before = band.limitQuantity + (sum._sum.delta ?? 0);
    const after = before + input.delta;
    if (after < 0) throw new DomainError('VALIDATION', 'allocation.staff.errors.belowZero', { limit: before });
    const created = await tx.allocationAdjustment.create({
      data: {
        retailerId: retailer.id,
        cycleId: cycle.id,
        productId: product.id,
        delta: input.delta,
        reason: input.reason,
        createdById: actor.userId,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'allocationAdjustment.create',
      entityType: 'AllocationAdjustment',
      entityId: created.id,
      before: { retailer: input.licenceNo, cycle: cycle.code, product: product.code, limit: before },
      after: {
        retailer: input.licenceNo,
        cycle: cycle.code,
        product: product.code,
        limit: after,
        delta: input.delta,
        reason: input.reason,
      },
    });
    return { id: created.id, limitBefore: before, limitAfter: after };
  });
}

export async function listAdjustments({ db, actor }: StaffDeps, input: z.output<typeof ZListAdjustmentsInput>) {
  const where: Prisma.AllocationAdjustmentWhereInput = {
    ...(input.cycleId ? { cycleId: input.cycleId } : {}),
    retailer: { AND: [retailerScope(actor), input.licenceNo ? { licenceNo: { startsWith: input.licenceNo } } : {}] },
  };
  const [total, items] = await Promise.all([
    db.allocationAdjustment.count({ where }),
    db.allocationAdjustment.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * ADJUSTMENT_PAGE_SIZE,
      take: ADJUSTMENT_PAGE_SIZE,
      select: {
        id: true,
        delta: true,
        reason: true,
        createdAt: true,
        retailer: { select: { licenceNo: true, shopName: true, grade: true } },
        cycle: { select: { code: true } },
        product: { select: { code: true, brand: true, name: true } },
        createdBy: { select: { name: true } },
      },
    }),
  ]);
  return { items, total, page: input.page, pages: Math.max(1, Math.ceil(total / ADJUSTMENT_PAGE_SIZE)) };
}

/** Cycles an adjustment can be made for: from this week on, with a version. */
export async function adjustableCycles({ db, clock }: StaffDeps) {
  const today = chinaDate(clock());
  const cycles = await db.orderCycle.findMany({
    where: { weekEnd: { gte: day(today) }, policies: { some: { state: { notIn: ['REJECTED', 'SUPERSEDED'] } } } },
    orderBy: { weekStart: 'asc' },
    take: 8,
    select: { id: true, code: true, weekStart: true },
  });
  return cycles.map((c) => ({ id: c.id, code: c.code, weekStart: isoDate(c.weekStart) }));
}
