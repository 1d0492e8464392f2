import { Prisma, type DbTx } from '@tobacco/db/client';
import { TIMELINE_KINDS, type TimelineKind } from './retailer360.schema';

// The retailer timeline: one UNION ALL of one SELECT per kind of event, each reading its own table by the
// retailer's index, newest first, paginated by keyset on (time, kind, id). Each branch carries the
// cursor condition and its own LIMIT, so a page reads at most `limit + 1` rows per kind however long the
// history; a new kind of event is one more entry in BRANCHES. Survey participation says whether the shop
// answered, never what it answered.

export type TimelineEvent = { at: Date; kind: TimelineKind; id: number; data: Record<string, unknown> };

// Each SELECT returns at (timestamp, UTC), id and data (jsonb); the kind is added around it.
const BRANCHES: Record<TimelineKind, (retailerId: number) => Prisma.Sql> = {
  ORDER: (r) => Prisma.sql`
    SELECT o."orderDate"::timestamp AS at, o.id, jsonb_build_object('quantity', o."totalQuantity", 'amountFen', o."totalAmountFen", 'channel', o.channel, 'status', o.status, 'cycle', c.code) AS data
    FROM "Order" o JOIN "OrderCycle" c ON c.id = o."cycleId" WHERE o."retailerId" = ${r}`,
  GRADE: (r) => Prisma.sql`
    SELECT p."publishedAt" AS at, g.id, jsonb_build_object('grade', g.grade, 'period', p.code, 'score', g.score, 'initial', g.initial, 'capped', g.capped, 'appeal', g."appealId" IS NOT NULL) AS data
    FROM "RetailerGrade" g JOIN "GradePeriod" p ON p.id = g."periodId" WHERE g."retailerId" = ${r} AND p.status = 'PUBLISHED' AND p."publishedAt" IS NOT NULL`,
  LIMIT: (r) => Prisma.sql`
    SELECT a."createdAt" AS at, a.id, jsonb_build_object('product', pr.brand || ' ' || pr.name, 'delta', a.delta, 'reason', a.reason, 'cycle', c.code, 'by', s.name) AS data
    FROM "AllocationAdjustment" a JOIN "Product" pr ON pr.id = a."productId" JOIN "OrderCycle" c ON c.id = a."cycleId" JOIN "StaffUser" s ON s.id = a."createdById"
    WHERE a."retailerId" = ${r}`,
  INTEGRITY: (r) => Prisma.sql`
    SELECT i."effectiveFrom"::timestamp AS at, i.id, jsonb_build_object('level', i.level, 'source', i.source, 'note', i.note) AS data
    FROM "IntegrityRecord" i WHERE i."retailerId" = ${r}`,
  COMPLAINT: (r) => Prisma.sql`
    SELECT c."createdAt" AS at, c.id, jsonb_build_object('caseNo', c."caseNo", 'subject', c.subject, 'kind', c.kind, 'state', c.state, 'channel', c.channel) AS data
    FROM "Complaint" c WHERE c."retailerId" = ${r}`,
  SURVEY: (r) => Prisma.sql`
    SELECT i."invitedAt" AS at, i."surveyId" AS id,
           jsonb_build_object('survey', s.title, 'answered', coalesce(resp.state = 'SUBMITTED', false), 'submittedAt', resp."submittedAt", 'channel', resp.channel) AS data
    FROM "SurveyInvitation" i JOIN "Survey" s ON s.id = i."surveyId"
    LEFT JOIN "SurveyResponse" resp ON resp."surveyId" = i."surveyId" AND resp."retailerId" = i."retailerId"
    WHERE i."retailerId" = ${r}`,
  PROMOTION: (r) => Prisma.sql`
    SELECT d."deliveredAt" AS at, d."promotionId" AS id, jsonb_build_object('title', p.title, 'openedAt', d."openedAt") AS data
    FROM "PromotionDelivery" d JOIN "Promotion" p ON p.id = d."promotionId" WHERE d."retailerId" = ${r}`,
  POINTS: (r) => Prisma.sql`
    SELECT e."createdAt" AS at, e.id, jsonb_build_object('points', e.points, 'balanceAfter', e."balanceAfter", 'reason', e.reason, 'note', e.note) AS data
    FROM "PointsEntry" e WHERE e."retailerId" = ${r}`,
  REDEMPTION: (r) => Prisma.sql`
    SELECT x."createdAt" AS at, x.id, jsonb_build_object('item', i.name, 'itemEn', i."nameEn", 'points', x.points, 'state', x.state) AS data
    FROM "Redemption" x JOIN "RewardItem" i ON i.id = x."itemId" WHERE x."retailerId" = ${r}`,
  VISIT: (r) => Prisma.sql`
    SELECT coalesce(v."visitedAt", v."plannedFor"::timestamp) AS at, v.id,
           jsonb_build_object('purpose', v.purpose, 'note', coalesce(v.findings, v.note), 'market', v."marketInfo", 'by', s.name, 'done', v."visitedAt" IS NOT NULL,
                              'photos', (SELECT jsonb_agg(jsonb_build_object('id', p.id, 'name', p."fileName") ORDER BY p.id) FROM "VisitPhoto" p WHERE p."visitId" = v.id)) AS data
    FROM "Visit" v JOIN "StaffUser" s ON s.id = v."staffId" WHERE v."retailerId" = ${r}`,
  ALERT: (r) => Prisma.sql`
    SELECT a."createdAt" AS at, a.id, jsonb_build_object('rule', a.rule, 'state', a.state, 'details', a.details, 'cycle', c.code, 'answer', a.answer) AS data
    FROM "Alert" a JOIN "OrderCycle" c ON c.id = a."cycleId" WHERE a."retailerId" = ${r}`,
  CHANGE_REQUEST: (r) => Prisma.sql`
    SELECT cr."createdAt" AS at, cr.id, jsonb_build_object('changes', cr.changes, 'state', cr.state, 'reason', cr.reason, 'byStaff', cr."requestedByStaffId" IS NOT NULL) AS data
    FROM "ChangeRequest" cr WHERE cr."retailerId" = ${r}`,
};

/**
 * The part of the keyset condition for one kind: the page continues after (at, kind, id) in the order
 * (at DESC, kind DESC, id DESC). With the kind fixed per branch this is a plain range on (at, id).
 */
function afterCondition(kind: TimelineKind, after: { at: Date; kind: string; id: number } | undefined): Prisma.Sql {
  if (!after) return Prisma.sql`true`;
  // Kinds compare as bytes here and under COLLATE "C" in the query, so both sides agree on the order.
  const at = Prisma.sql`${after.at.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  if (kind < after.kind) return Prisma.sql`t.at <= ${at}`;
  if (kind > after.kind) return Prisma.sql`t.at < ${at}`;
  return Prisma.sql`(t.at < ${at} OR (t.at = ${at} AND t.id < ${after.id}))`;
}

export async function readTimeline(
  db: DbTx,
  input: { retailerId: number; kinds?: readonly TimelineKind[]; after?: { at: Date; kind: string; id: number }; limit: number },
): Promise<TimelineEvent[]> {
  const kinds = input.kinds && input.kinds.length > 0 ? input.kinds : TIMELINE_KINDS;
  const branches = kinds.map(
    (kind) => Prisma.sql`(
      SELECT t.at, ${kind}::text AS kind, t.id, t.data FROM (${BRANCHES[kind](input.retailerId)}) t
      WHERE t.at IS NOT NULL AND ${afterCondition(kind, input.after)}
      ORDER BY t.at DESC, t.id DESC LIMIT ${input.limit + 1})`,
  );
  const rows = await db.$queryRaw<{ at: Date; kind: TimelineKind; id: number; data: Record<string, unknown> }[]>`
    SELECT (e.at AT TIME ZONE 'UTC') AS at, e.kind, e.id, e.data
    FROM (${Prisma.join(branches, ' UNION ALL ')}) e
    ORDER BY e.at DESC, e.kind COLLATE "C" DESC, e.id DESC
    LIMIT ${input.limit + 1}`;
  return rows;
}
