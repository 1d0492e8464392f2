import { Prisma, type DbTx } from '@tobacco/db/client';
import { hasPermission } from '@tobacco/auth/permissions';
import type { z } from 'zod';
import { listEntityAudit, writeAudit } from '../admin/audit.service';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { enqueueJob } from '../jobs/jobs.service';
import { notifyStaff } from '../notifications/notifications.service';
import { addDays, chinaDate, chinaDateTime } from '../schedule/calendar.rules';
import { promotionBodyText, sanitizePromotionBody } from './promotions.body.rules';
import {
  foldReach,
  mayDecide,
  nextPromotionState,
  type PromotionAction,
  type PromotionState,
  type ReachRow,
} from './promotions.reach.rules';
import {
  PROMOTION_PAGE_SIZE,
  type ZDecidePromotionInput,
  type ZListPromotionsInput,
  type ZProductSearchInput,
  type ZPromotionDraft,
  type ZPromotionTarget,
  type ZReachInput,
  type ZRejectPromotionInput,
  type ZWithdrawPromotionInput,
} from './promotions.staff.schema';
import { promotionTargetsRetailerSql } from './promotions.target-sql';

// Promotions in the back office (domain.md §6): MARKETING drafts and submits, a MANAGER other than the
// author approves or rejects, the go-live job (promotions.jobs.ts) delivers to the targeted retailers.
// Every change of state writes its audit row in the same transaction; concurrent decisions are settled by
// conditional updates (state = what we saw), so a promotion is decided once.

export const PROMOTION_GO_LIVE_QUEUE = 'promotions.goLive';

type Draft = z.output<typeof ZPromotionDraft>;
type Target = z.output<typeof ZPromotionTarget>;

/** A datetime-local value is China wall-clock time. */
function instantOf(wallClock: string): Date {
  const [date, time] = wallClock.split('T') as [string, string];
  return chinaDateTime(date, time);
}

/** The form's value of an instant: China wall-clock 'YYYY-MM-DDTHH:mm'. */
export function wallClockOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000);
  return `${chinaDate(instant)}T${shifted.toISOString().slice(11, 16)}`;
}

/**
 * The target as a SQL condition on a "Retailer" row `r`. A named list is the typed/uploaded licences
 * when given, else the stored list of `promotionId`; with neither it matches no one.
 */
function targetConditionSql(target: Target, licences: string[] | undefined, promotionId: number | undefined): Prisma.Sql {
  if (target.targetNamedList) {
    if (licences) return licences.length === 0 ? Prisma.sql`false` : Prisma.sql`r."licenceNo" = ANY (${licences}::bpchar[])`;
    if (promotionId)
      return Prisma.sql`EXISTS (SELECT 1 FROM "PromotionListMember" m WHERE m."promotionId" = ${promotionId} AND m."retailerId" = r.id)`;
    return Prisma.sql`false`;
  }
  const parts: Prisma.Sql[] = [Prisma.sql`true`];
  if (target.targetGradeMin !== null) parts.push(Prisma.sql`r.grade >= ${target.targetGradeMin}`);
  if (target.targetGradeMax !== null) parts.push(Prisma.sql`r.grade <= ${target.targetGradeMax}`);
  if (target.targetClassifications.length > 0)
    parts.push(Prisma.sql`r."classificationCode" = ANY (${target.targetClassifications}::text[])`);
  if (target.targetDistrictIds.length > 0) parts.push(Prisma.sql`r."districtId" = ANY (${target.targetDistrictIds}::int[])`);
  if (target.targetIntegrityLevels.length > 0)
    parts.push(Prisma.sql`r."integrityLevel"::text = ANY (${target.targetIntegrityLevels}::text[])`);
  return Prisma.join(parts, ' AND ');
}

const GROUP_KIND = Prisma.sql`CASE WHEN GROUPING(r.grade) = 0 THEN 'grade' WHEN GROUPING(r."districtId") = 0 THEN 'district' ELSE 'total' END`;

async function districtNames(db: DbTx, ids: number[]) {
  if (ids.length === 0) return [];
  return db.district.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, nameEn: true } });
}

/**
 * How many active retailers a target covers, by grade and by district: one grouped query
 * (GROUPING SETS), never rows counted in JavaScript. Licence numbers that match no retailer are
 * returned so the author can fix the list before saving.
 */
export async function previewReach({ db }: StaffDeps, input: z.output<typeof ZReachInput>) {
  const licences = input.target.targetNamedList ? input.namedListLicences : undefined;
  const condition = targetConditionSql(input.target, licences, input.promotionId);
  const [rows, unknown] = await Promise.all([
    db.$queryRaw<ReachRow[]>`
      SELECT ${GROUP_KIND} AS kind, r.grade, r."districtId", count(*)::int AS n
      FROM "Retailer" r
      WHERE r.status = 'ACTIVE' AND ${condition}
      GROUP BY GROUPING SETS ((r.grade), (r."districtId"), ())`,
    licences && licences.length > 0
      ? db.$queryRaw<{ licence: string }[]>`
          SELECT l.licence FROM unnest(${licences}::text[]) AS l(licence)
          WHERE NOT EXISTS (SELECT 1 FROM "Retailer" r WHERE r."licenceNo" = l.licence::bpchar)
          LIMIT 200`
      : Promise.resolve([]),
  ]);
  const reach = foldReach(rows);
  const names = new Map(
    (
      await districtNames(
        db,
        reach.byDistrict.map((d) => d.districtId),
      )
    ).map((d) => [d.id, d]),
  );
  return {
    ...reach,
    byDistrict: reach.byDistrict.map((d) => ({
      ...d,
      name: names.get(d.districtId)?.name ?? '',
      nameEn: names.get(d.districtId)?.nameEn ?? '',
    })),
    unknownLicences: unknown.map((u) => u.licence),
  };
}

// ---------------------------------------------------------------- reads

export async function listPromotions({ db }: StaffDeps, input: z.output<typeof ZListPromotionsInput>) {
  const where: Prisma.PromotionWhereInput = {
    ...(input.state ? { state: input.state } : {}),
    ...(input.q ? { title: { contains: input.q, mode: 'insensitive' as const } } : {}),
  };
  const [total, items, pending] = await Promise.all([
    db.promotion.count({ where }),
    db.promotion.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * PROMOTION_PAGE_SIZE,
      take: PROMOTION_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        state: true,
        startsAt: true,
        endsAt: true,
        updatedAt: true,
        targetNamedList: true,
        targetGradeMin: true,
        targetGradeMax: true,
        targetClassifications: true,
        targetDistrictIds: true,
        targetIntegrityLevels: true,
        createdBy: { select: { id: true, name: true } },
        approvedBy: { select: { name: true } },
        _count: { select: { products: true, deliveries: true } },
      },
    }),
    db.promotion.count({ where: { state: 'PENDING_APPROVAL' } }),
  ]);
  return { items, total, pending, page: input.page, pages: Math.max(1, Math.ceil(total / PROMOTION_PAGE_SIZE)) };
}

/** What the signed-in staff member may do with a promotion now: the page shows only these buttons. */
function capabilities(actor: StaffDeps['actor'], promotion: { state: PromotionState; createdById: number }) {
  const can = (action: PromotionAction) => nextPromotionState(promotion.state, action) !== null;
  const drafts = hasPermission(actor.roles, 'promotions.draft');
  const approves = hasPermission(actor.roles, 'promotions.approve');
  return {
    edit: drafts && can('edit'),
    submit: drafts && can('submit'),
    decide: approves && can('approve') && mayDecide(promotion.createdById, actor.userId),
    ownPending: approves && can('approve') && !mayDecide(promotion.createdById, actor.userId),
    withdraw: hasPermission(actor.roles, 'promotions.withdraw') && can('withdraw'),
  };
}

export async function getPromotion(deps: StaffDeps, input: { id: number }) {
  const { db, actor } = deps;
  const promotion = await db.promotion.findUnique({
    where: { id: input.id },
    include: {
      createdBy: { select: { id: true, name: true } },
      approvedBy: { select: { id: true, name: true } },
      products: { select: { product: { select: { id: true, code: true, brand: true, name: true } } }, orderBy: { productId: 'asc' } },
      _count: { select: { listMembers: true, deliveries: true } },
    },
  });
  if (!promotion) throw notFound();
  const [history, districts, listSample] = await Promise.all([
    listEntityAudit(db, 'Promotion', promotion.id),
    districtNames(db, promotion.targetDistrictIds),
    promotion.targetNamedList
      ? db.promotionListMember.findMany({
          where: { promotionId: promotion.id },
          take: 20,
          orderBy: { retailerId: 'asc' },
          select: { retailer: { select: { licenceNo: true, shopName: true } } },
        })
      : Promise.resolve([]),
  ]);
  return {
    ...promotion,
    products: promotion.products.map((p) => p.product),
    startsAtLocal: wallClockOf(promotion.startsAt),
    endsAtLocal: wallClockOf(promotion.endsAt),
    districts,
    listSample: listSample.map((m) => m.retailer),
    history,
    can: capabilities(actor, promotion),
  };
}

/** The stored list's licence numbers, for the editor (up to the list's limit). */
export async function getPromotionList({ db }: StaffDeps, input: { id: number }) {
  const promotion = await db.promotion.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!promotion) throw notFound();
  const rows = await db.$queryRaw<{ licenceNo: string }[]>`
    SELECT r."licenceNo" FROM "PromotionListMember" m JOIN "Retailer" r ON r.id = m."retailerId"
    WHERE m."promotionId" = ${promotion.id} ORDER BY r."licenceNo" LIMIT 20000`;
  return rows.map((r) => r.licenceNo);
}

export async function searchProducts({ db }: StaffDeps, input: z.output<typeof ZProductSearchInput>) {
  if (input.ids) {
    return db.product.findMany({
      where: { id: { in: input.ids } },
      orderBy: { id: 'asc' },
      select: { id: true, code: true, brand: true, name: true },
    });
  }
  return db.product.findMany({
    where: {
      active: true,
      ...(input.q ? { OR: [{ code: { startsWith: input.q } }, { brand: { contains: input.q } }, { name: { contains: input.q } }] } : {}),
    },
    orderBy: [{ brand: 'asc' }, { name: 'asc' }],
    take: 20,
    select: { id: true, code: true, brand: true, name: true },
  });
}

export async function promotionEditorOptions({ db }: StaffDeps) {
  const districts = await db.district.findMany({
    where: { active: true },
    orderBy: { code: 'asc' },
    select: { id: true, name: true, nameEn: true },
  });
  return { districts };
}

// ---------------------------------------------------------------- writes

/** The body as stored, or VALIDATION when nothing readable is left after sanitising. */
function cleanBody(html: string): string {
  const body = sanitizePromotionBody(html);
  if (promotionBodyText(body) === '') throw new DomainError('VALIDATION', 'promotions.staff.validation.bodyRequired');
  return body;
}

async function checkProducts(db: DbTx, ids: number[]) {
  const unique = [...new Set(ids)];
  const found = await db.product.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new DomainError('VALIDATION', 'promotions.staff.errors.unknownProduct');
  return unique;
}

/** Replaces the named list with the retailers of these licences; VALIDATION (nothing written) if any is unknown. */
async function replaceNamedList(tx: DbTx, promotionId: number, licences: string[]) {
  const unique = [...new Set(licences)];
  const unknown = await tx.$queryRaw<{ licence: string }[]>`
    SELECT l.licence FROM unnest(${unique}::text[]) AS l(licence)
    WHERE NOT EXISTS (SELECT 1 FROM "Retailer" r WHERE r."licenceNo" = l.licence::bpchar) LIMIT 10`;
  if (unknown.length > 0)
    throw new DomainError('VALIDATION', 'promotions.staff.errors.unknownLicences', { licences: unknown.map((u) => u.licence) });
  await tx.promotionListMember.deleteMany({ where: { promotionId } });
  if (unique.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "PromotionListMember" ("promotionId", "retailerId")
      SELECT ${promotionId}, r.id FROM "Retailer" r WHERE r."licenceNo" = ANY (${unique}::bpchar[])`;
  }
}

function draftFields(draft: Draft, body: string) {
  return {
    title: draft.title,
    body,
    terms: draft.terms,
    startsAt: instantOf(draft.startsAt),
    endsAt: instantOf(draft.endsAt),
    ...draft.target,
  };
}

/** What the audit row records of a promotion: its fields without the long body. */
function auditView(p: {
  title: string;
  state: string;
  startsAt: Date;
  endsAt: Date;
  targetGradeMin: number | null;
  targetGradeMax: number | null;
  targetClassifications: string[];
  targetDistrictIds: number[];
  targetIntegrityLevels: string[];
  targetNamedList: boolean;
  decisionComment?: string | null;
  withdrawnReason?: string | null;
}) {
  return {
    title: p.title,
    state: p.state,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    target: {
      gradeMin: p.targetGradeMin,
      gradeMax: p.targetGradeMax,
      classifications: p.targetClassifications,
      districtIds: p.targetDistrictIds,
      integrityLevels: p.targetIntegrityLevels,
      namedList: p.targetNamedList,
    },
    ...(p.decisionComment ? { comment: p.decisionComment } : {}),
    ...(p.withdrawnReason ? { reason: p.withdrawnReason } : {}),
  };
}

export async function createPromotion({ db, actor }: StaffDeps, draft: Draft) {
  const body = cleanBody(draft.body);
  return db.$transaction(async (tx) => {
    const productIds = await checkProducts(tx, draft.productIds);
    const created = await tx.promotion.create({
      data: {
        ...draftFields(draft, body),
        createdById: actor.userId,
        products: { create: productIds.map((productId) => ({ productId })) },
      },
    });
    if (draft.target.targetNamedList) await replaceNamedList(tx, created.id, draft.namedListLicences ?? []);
    await writeAudit(tx, { actor, action: 'promotion.create', entityType: 'Promotion', entityId: created.id, after: auditView(created) });
    return { id: created.id };
  });
}

export async function updatePromotion({ db, actor }: StaffDeps, input: { id: number; draft: Draft }) {
  const { draft } = input;
  const body = cleanBody(draft.body);
  return db.$transaction(async (tx) => {
    const before = await tx.promotion.findUnique({ where: { id: input.id } });
    if (!before) throw notFound();
    const next = nextPromotionState(before.state, 'edit');
    if (!next) throw new DomainError('INVALID_STATE', 'promotions.staff.errors.notEditable');
    const productIds = await checkProducts(tx, draft.productIds);
    const moved = await tx.promotion.updateMany({
      where: { id: before.id, state: before.state },
      data: { ...draftFields(draft, body), state: next },
    });
    if (moved.count !== 1) throw new DomainError('INVALID_STATE', 'promotions.staff.errors.changed');
    await tx.promotionProduct.deleteMany({ where: { promotionId: before.id } });
    if (productIds.length > 0)
      await tx.promotionProduct.createMany({ data: productIds.map((productId) => ({ promotionId: before.id, productId })) });
    if (draft.target.targetNamedList && draft.namedListLicences) await replaceNamedList(tx, before.id, draft.namedListLicences);
    if (!draft.target.targetNamedList) await tx.promotionListMember.deleteMany({ where: { promotionId: before.id } });
    const after = await tx.promotion.findUniqueOrThrow({ where: { id: before.id } });
    await writeAudit(tx, {
      actor,
      action: 'promotion.update',
      entityType: 'Promotion',
      entityId: before.id,
      before: auditView(before),
      after: auditView(after),
    });
    return { id: before.id };
  });
}

/**
 * The inbox notices of the promotions area, as message keys: `promotionId` lets the inbox say when the
 * promotion has since been withdrawn; a decision's comment is shown as the approver wrote it.
 */
export function promotionNotice(
  event: 'pending' | 'approved' | 'rejected' | 'new',
  promotion: { id: number; title: string },
  comment?: string,
) {
  return {
    messageKey: `promotions.staff.notify.${event}` as const,
    params: { title: promotion.title, promotionId: promotion.id, ...(comment ? { detail: comment } : {}) },
  };
}

/** Tells every active manager, in one INSERT … SELECT, that a promotion waits for them (not its author). */
async function notifyManagers(tx: DbTx, promotion: { id: number; title: string; createdById: number }) {
  const notice = promotionNotice('pending', promotion);
  await tx.$executeRaw`
    INSERT INTO "Notification" ("staffUserId", kind, "messageKey", params, link)
    SELECT DISTINCT u.id, 'SYSTEM'::"NotificationKind", ${notice.messageKey}, ${JSON.stringify(notice.params)}::jsonb, ${`/promotions/${promotion.id}`}
    FROM "StaffUser" u JOIN "StaffRoleGrant" g ON g."userId" = u.id
    WHERE g.role = 'MANAGER' AND u.active AND u.id <> ${promotion.createdById}`;
}

export async function submitPromotion({ db, actor, clock }: StaffDeps, input: { id: number }) {
  const now = clock();
  return db.$transaction(async (tx) => {
    const before = await tx.promotion.findUnique({ where: { id: input.id }, include: { _count: { select: { listMembers: true } } } });
    if (!before) throw notFound();
    if (!nextPromotionState(before.state, 'submit')) throw new DomainError('INVALID_STATE', 'promotions.staff.errors.notSubmittable');
    if (before.endsAt <= now) throw new DomainError('INVALID_STATE', 'promotions.staff.errors.windowPassed');
    if (before.targetNamedList && before._count.listMembers === 0) throw new DomainError('VALIDATION', 'promotions.staff.errors.emptyList');
    const moved = await tx.promotion.updateMany({
      where: { id: before.id, state: before.state },
      data: { state: 'PENDING_APPROVAL', submittedAt: now },
    });
    if (moved.count !== 1) throw new DomainError('INVALID_STATE', 'promotions.staff.errors.changed');
    await writeAudit(tx, {
      actor,
      action: 'promotion.submit',
      entityType: 'Promotion',
      entityId: before.id,
      before: { state: before.state },
      after: { state: 'PENDING_APPROVAL' },
    });
    await notifyManagers(tx, before);
    return { id: before.id, state: 'PENDING_APPROVAL' as const };
  });
}

async function decide({ db, actor, clock }: StaffDeps, input: { id: number; comment?: string }, action: 'approve' | 'reject') {
  const now = clock();
  return db.$transaction(async (tx) => {
    const before = await tx.promotion.findUnique({ where: { id: input.id } });
    if (!before) throw notFound();
    const next = nextPromotionState(before.state, action);
    if (!next) throw new DomainError('INVALID_STATE', 'promotions.staff.errors.notPending');
    if (!mayDecide(before.createdById, actor.userId)) throw new DomainError('FORBIDDEN', 'promotions.staff.errors.ownPromotion');
    if (action === 'approve' && before.endsAt <= now) throw new DomainError('INVALID_STATE', 'promotions.staff.errors.windowPassed');
    const moved = await tx.promotion.updateMany({
      where: { id: before.id, state: before.state },
      data: { state: next, approvedById: actor.userId, decidedAt: now, decisionComment: input.comment || null },
    });
    if (moved.count !== 1) throw new DomainError('INVALID_STATE', 'promotions.staff.errors.changed');
    await writeAudit(tx, {
      actor,
      action: `promotion.${action}`,
      entityType: 'Promotion',
      entityId: before.id,
      before: { state: before.state },
      after: { state: next, comment: input.comment || null },
    });
    await notifyStaff(tx, before.createdById, {
      kind: 'SYSTEM',
      ...promotionNotice(action === 'approve' ? 'approved' : 'rejected', before, input.comment),
      link: `/promotions/${before.id}`,
    });
    if (action === 'approve') {
      // Goes live at the start of its window (at once if that has passed): the job delivers it to the targeted shops.
      await enqueueJob(tx, {
        queue: PROMOTION_GO_LIVE_QUEUE,
        payload: { promotionId: before.id },
        runAt: before.startsAt > now ? before.startsAt : now,
        uniqueKey: `promotions:goLive:${before.id}`,
      });
    }
    return { id: before.id, state: next };
  });
}

export const approvePromotion = (deps: StaffDeps, input: z.output<typeof ZDecidePromotionInput>) => decide(deps, input, 'approve');
export const rejectPromotion = (deps: StaffDeps, input: z.output<typeof ZRejectPromotionInput>) => decide(deps, input, 'reject');

export async function withdrawPromotion({ db, actor, clock }: StaffDeps, input: z.output<typeof ZWithdrawPromotionInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.promotion.findUnique({ where: { id: input.id } });
    if (!before) throw notFound();
    if (!nextPromotionState(before.state, 'withdraw')) throw new DomainError('INVALID_STATE', 'promotions.staff.errors.notWithdrawable');
    const moved = await tx.promotion.updateMany({
      where: { id: before.id, state: before.state },
      data: { state: 'WITHDRAWN', withdrawnReason: input.reason, decidedAt: before.decidedAt ?? clock() },
    });
    if (moved.count !== 1) throw new DomainError('INVALID_STATE', 'promotions.staff.errors.changed');
    await writeAudit(tx, {
      actor,
      action: 'promotion.withdraw',
      entityType: 'Promotion',
      entityId: before.id,
      before: { state: before.state },
      after: { state: 'WITHDRAWN', reason: input.reason },
    });
    return { id: before.id, state: 'WITHDRAWN' as const };
  });
}

// ---------------------------------------------------------------- statistics

type StatRow = {
  kind: 'grade' | 'district' | 'total';
  grade: number | null;
  districtId: number | null;
  targeted: number;
  delivered: number;
  opened: number;
};

/**
 * Targeted (active retailers the target covers now), delivered and opened, overall, by grade and by
 * district: one grouped query over the retailers and the promotion's deliveries.
 */
export async function promotionStats({ db }: StaffDeps, input: { id: number }) {
  const promotion = await db.promotion.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!promotion) throw notFound();
  const rows = await db.$queryRaw<StatRow[]>`
    WITH t AS (
      SELECT r.grade, r."districtId",
        (r.status = 'ACTIVE' AND ${promotionTargetsRetailerSql('pr', 'r')}) AS targeted,
        d."retailerId" IS NOT NULL AS delivered, d."openedAt" IS NOT NULL AS opened
      FROM "Promotion" pr
      CROSS JOIN "Retailer" r
      LEFT JOIN "PromotionDelivery" d ON d."promotionId" = pr.id AND d."retailerId" = r.id
      WHERE pr.id = ${promotion.id}
        AND ((r.status = 'ACTIVE' AND ${promotionTargetsRetailerSql('pr', 'r')}) OR d."retailerId" IS NOT NULL)
    )
    SELECT CASE WHEN GROUPING(r.grade) = 0 THEN 'grade' WHEN GROUPING(r."districtId") = 0 THEN 'district' ELSE 'total' END AS kind,
      r.grade, r."districtId",
      (count(*) FILTER (WHERE r.targeted))::int AS targeted,
      (count(*) FILTER (WHERE r.delivered))::int AS delivered,
      (count(*) FILTER (WHERE r.opened))::int AS opened
    FROM t r
    GROUP BY GROUPING SETS ((r.grade), (r."districtId"), ())`;
  const names = new Map(
    (
      await districtNames(
        db,
        rows.filter((r) => r.kind === 'district' && r.districtId !== null).map((r) => r.districtId as number),
      )
    ).map((d) => [d.id, d]),
  );
  const counts = (r: StatRow) => ({ targeted: r.targeted, delivered: r.delivered, opened: r.opened });
  const total = rows.find((r) => r.kind === 'total');
  return {
    total: total ? counts(total) : { targeted: 0, delivered: 0, opened: 0 },
    byGrade: rows
      .filter((r) => r.kind === 'grade')
      .sort((a, b) => (a.grade ?? 99) - (b.grade ?? 99))
      .map((r) => ({ grade: r.grade, ...counts(r) })),
    byDistrict: rows
      .filter((r) => r.kind === 'district' && r.districtId !== null)
      .sort((a, b) => b.targeted - a.targeted)
      .map((r) => ({
        districtId: r.districtId as number,
        name: names.get(r.districtId as number)?.name ?? '',
        nameEn: names.get(r.districtId as number)?.nameEn ?? '',
        ...counts(r),
      })),
  };
}

/** Today in China and a week on, for a new draft's default window. */
export function defaultWindow(now: Date) {
  const today = chinaDate(now);
  return { startsAt: `${addDays(today, 1)}T00:00`, endsAt: `${addDays(today, 31)}T00:00` };
}
