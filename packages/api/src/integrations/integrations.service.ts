import { randomBytes } from 'node:crypto';
import type { Db, DbTx } from '@tobacco/db/client';
import type { z } from 'zod';
import { writeAudit } from '../admin/audit.service';
import { policyDue, policyInForceSql } from '../allocation/allocation.service';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { addDays, chinaDate } from '../schedule/calendar.rules';
import { cycleOfOrder, SCHEDULE_SETTING_KEYS, toScheduleSettings } from '../schedule/schedule.rules';
import { CALENDAR_DAYS_AFTER, CALENDAR_DAYS_BEFORE, workCalendarOf } from '../schedule/schedule.service';
import { settingsFromStored } from '../admin/settings.service';
import type { CalendarDayKind } from '@tobacco/db/enums';
import {
  hashKey,
  keyMatches,
  keyPrefixOf,
  orderContent,
  orderDifferences,
  orderFingerprint,
  type OrderContent,
  type OrderDifference,
} from './integrations.rules';
import {
  CALL_PAGE_SIZE,
  type TIngestOrder,
  type TIngestProducts,
  type ZCreateIntegrationInput,
  type ZIntegrationIdInput,
  type ZListCallsInput,
} from './integrations.schema';

// Integrations (数据接入): systems of the company that send orders and products in through the ingestion
// API (integrations.http.ts). An ADMIN creates one and sees its key once; only a prefix and a hash are
// kept. Orders are idempotent per external order number; lines beyond the retailer's allowance are stored
// and flagged, since the ordering system, not this one, enforces the limit.

export type IntegrationRef = { id: number; name: string };

function newKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const key = `tsk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashKey(key) };
}

// ---------------------------------------------------------------- the back office

export async function createIntegration({ db, actor }: StaffDeps, input: z.output<typeof ZCreateIntegrationInput>) {
  const { key, prefix, hash } = newKey();
  return db.$transaction(async (tx) => {
    const created = await tx.integration.create({
      data: { name: input.name, keyPrefix: prefix, keyHash: hash, createdById: actor.userId },
    });
    await writeAudit(tx, {
      actor,
      action: 'integration.create',
      entityType: 'Integration',
      entityId: created.id,
      after: { name: created.name, keyPrefix: prefix },
    });
    // The key leaves the server this once; the page shows it until it is dismissed.
    return { id: created.id, name: created.name, key };
  });
}

export async function rotateIntegrationKey({ db, actor, clock }: StaffDeps, input: z.output<typeof ZIntegrationIdInput>) {
  const { key, prefix, hash } = newKey();
  return db.$transaction(async (tx) => {
    const before = await tx.integration.findUnique({ where: { id: input.integrationId } });
    if (!before) throw notFound();
    if (before.revokedAt) throw new DomainError('INVALID_STATE', 'ingest.errors.revoked');
    await tx.integration.update({ where: { id: before.id }, data: { keyPrefix: prefix, keyHash: hash, rotatedAt: clock() } });
    await writeAudit(tx, {
      actor,
      action: 'integration.rotateKey',
      entityType: 'Integration',
      entityId: before.id,
      before: { keyPrefix: before.keyPrefix },
      after: { keyPrefix: prefix },
    });
    return { id: before.id, name: before.name, key };
  });
}

export async function revokeIntegration({ db, actor, clock }: StaffDeps, input: z.output<typeof ZIntegrationIdInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.integration.findUnique({ where: { id: input.integrationId } });
    if (!before) throw notFound();
    if (before.revokedAt) return { id: before.id, revokedAt: before.revokedAt };
    const after = await tx.integration.update({ where: { id: before.id }, data: { revokedAt: clock() } });
    await writeAudit(tx, {
      actor,
      action: 'integration.revoke',
      entityType: 'Integration',
      entityId: before.id,
      before: { revokedAt: null },
      after: { revokedAt: after.revokedAt },
    });
    return { id: after.id, revokedAt: after.revokedAt };
  });
}

export async function listIntegrations({ db }: StaffDeps) {
  const rows = await db.$queryRaw<
    {
      id: number;
      name: string;
      keyPrefix: string;
      createdAt: Date;
      rotatedAt: Date | null;
      revokedAt: Date | null;
      calls: number;
      failed: number;
      lastCallAt: Date | null;
    }[]
  >`
    SELECT i.id, i.name, i."keyPrefix", i."createdAt", i."rotatedAt", i."revokedAt",
      coalesce(c.calls, 0)::int AS calls, coalesce(c.failed, 0)::int AS failed, c.last AS "lastCallAt"
    FROM "Integration" i
    LEFT JOIN LATERAL (
      SELECT count(*) AS calls, count(*) FILTER (WHERE status >= 400) AS failed, max("createdAt") AS last
      FROM "IntegrationCall" WHERE "integrationId" = i.id AND "createdAt" > now() - interval '7 days'
    ) c ON true
    ORDER BY i."revokedAt" IS NOT NULL, i.name
    LIMIT 200`;
  return rows;
}

export async function listIntegrationCalls({ db }: StaffDeps, input: z.output<typeof ZListCallsInput>) {
  const integration = await db.integration.findUnique({
    where: { id: input.integrationId },
    select: { id: true, name: true, keyPrefix: true, revokedAt: true },
  });
  if (!integration) throw notFound();
  const [total, items] = await Promise.all([
    db.integrationCall.count({ where: { integrationId: integration.id } }),
    db.integrationCall.findMany({
      where: { integrationId: integration.id },
      orderBy: { createdAt: 'desc' },
      skip: (input.page - 1) * CALL_PAGE_SIZE,
      take: CALL_PAGE_SIZE,
      select: {
        id: true,
        endpoint: true,
        status: true,
        outcome: true,
        received: true,
        written: true,
        flaggedLines: true,
        externalRef: true,
        createdAt: true,
      },
    }),
  ]);
  return {
    integration,
    items: items.map((c) => ({ ...c, id: String(c.id) })),
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / CALL_PAGE_SIZE)),
  };
}

// ---------------------------------------------------------------- the API

/** The live integration a bearer key belongs to, or null (unknown, wrong or revoked key). */
export async function authenticateIntegration(db: DbTx, key: string | null): Promise<IntegrationRef | null> {
  const prefix = key ? keyPrefixOf(key) : null;
  if (!key || !prefix) return null;
  // Raw SQL on the hot path of every call: no ORM work for one row by its unique key.
  const [row] = await db.$queryRaw<{ id: number; name: string; keyHash: string; revokedAt: Date | null }[]>`
    SELECT id, name, "keyHash", "revokedAt" FROM "Integration" WHERE "keyPrefix" = ${prefix}`;
  if (!row || row.revokedAt || !keyMatches(key, row.keyHash)) return null;
  return { id: row.id, name: row.name };
}

export type CallLog = {
  integrationId: number | null;
  endpoint: string;
  status: number;
  outcome: string;
  received?: number;
  written?: number;
  flaggedLines?: number;
  externalRef?: string | null;
};

export async function logCall(db: DbTx, call: CallLog): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "IntegrationCall" ("integrationId", endpoint, status, outcome, received, written, "flaggedLines", "externalRef")
    VALUES (${call.integrationId}, ${call.endpoint}, ${call.status}, ${call.outcome}, ${call.received ?? 0}, ${call.written ?? 0},
      ${call.flaggedLines ?? 0}, ${call.externalRef ?? null})`;
}

export type IngestedLine = { productCode: string; quantity: number; overLimitBy: number };
export type IngestOrderResult =
  | {
      outcome: 'created' | 'replayed' | 'cancelled';
      orderId: number;
      externalOrderNo: string;
      cycle: string;
      status: 'CONFIRMED' | 'CANCELLED';
      lines: IngestedLine[];
    }
  | { outcome: 'conflict'; externalOrderNo: string; differences: OrderDifference[] }
  | { outcome: 'invalid'; errors: { path: string; message: string }[] };

async function storedOrder(tx: DbTx, externalRef: string) {
  const order = await tx.order.findUnique({
    where: { externalRef },
    select: {
      id: true,
      status: true,
      payloadHash: true,
      orderedAt: true,
      channel: true,
      retailer: { select: { licenceNo: true } },
      cycle: { select: { code: true } },
      lines: { select: { quantity: true, unitPriceFen: true, overLimitBy: true, product: { select: { code: true } } } },
    },
  });
  if (!order) return null;
  const content: OrderContent = {
    licenceNo: order.retailer.licenceNo,
    orderedAt: order.orderedAt?.toISOString() ?? '',
    channel: order.channel,
    lines: order.lines
      .map((l) => ({ productCode: l.product.code, quantity: l.quantity, unitPriceFen: l.unitPriceFen }))
      .sort((a, b) => (a.productCode < b.productCode ? -1 : 1)),
  };
  const lines = order.lines
    .map((l) => ({ productCode: l.product.code, quantity: l.quantity, overLimitBy: l.overLimitBy }))
    .sort((a, b) => (a.productCode < b.productCode ? -1 : 1));
  return { ...order, content, lines };
}

/**
 * One order from the ordering system. A replay of the same content answers with the first result; the
 * same content with status CANCELLED cancels a confirmed order; anything else under the same external
 * order number is a conflict, answered with the differences and changing nothing.
 */
export async function ingestOrder(db: Db, integration: IntegrationRef, input: TIngestOrder, now: Date): Promise<IngestOrderResult> {
  const content = orderContent(input);
  const hash = orderFingerprint(content);
  // No interactive transaction: the reads below change nothing, and the write is one statement (the order and
  // its lines together), whose unique order number settles a race with another sender of the same order.
  // One statement for everything the order needs to be placed: is the number known, the shop, its
  // products, the calendar around the order's day and the schedule settings (every call pays for each
  // statement, so the hot path has as few as it can).
  const codes = input.lines.map((l) => l.productCode);
  const orderedAt = new Date(input.orderedAt);
  const orderDate = chinaDate(orderedAt);
  const [named] = await db.$queryRaw<
    {
      known: boolean;
      retailerId: number | null;
      grade: number | null;
      orderWeekday: number | null;
      products: { id: number; code: string }[];
      days: { date: string; kind: CalendarDayKind; name: string }[];
      settings: Record<string, unknown>;
    }[]
  >`
    SELECT EXISTS (SELECT 1 FROM "Order" WHERE "externalRef" = ${input.externalOrderNo}) AS known,
      r.id AS "retailerId", r.grade, r."orderWeekday",
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'code', p.code)), '[]'::json) FROM "Product" p WHERE p.code = ANY (${codes}::text[])) AS products,
      (SELECT coalesce(json_agg(json_build_object('date', d.date::text, 'kind', d.kind, 'name', d.name) ORDER BY d.date), '[]'::json)
        FROM "CalendarDay" d WHERE d.date BETWEEN ${addDays(orderDate, -CALENDAR_DAYS_BEFORE)}::date AND ${addDays(orderDate, CALENDAR_DAYS_AFTER)}::date) AS days,
      (SELECT coalesce(json_object_agg(s.key, s.value), '{}'::json) FROM "Setting" s WHERE s.key = ANY (${[...SCHEDULE_SETTING_KEYS]}::text[])) AS settings
    FROM (SELECT 1) one LEFT JOIN "Retailer" r ON r."licenceNo" = ${input.licenceNo}::char(12)`;
  if (named!.known) {
    const existing = await storedOrder(db, input.externalOrderNo);
    if (existing) return answerReplay(db, existing, input, content, hash);
  }
  const retailer = named!.retailerId === null ? null : { id: named!.retailerId, grade: named!.grade, orderWeekday: named!.orderWeekday! };
  const errors: { path: string; message: string }[] = [];
  if (!retailer) errors.push({ path: 'licenceNo', message: 'ingest.errors.unknownLicence' });
  const byCode = new Map(named!.products.map((p) => [p.code, p.id]));
  input.lines.forEach((l, i) => {
    if (!byCode.has(l.productCode)) errors.push({ path: `lines.${i}.productCode`, message: 'ingest.errors.unknownProduct' });
  });
  if (!retailer || errors.length > 0) return { outcome: 'invalid', errors };

  const { calendar } = workCalendarOf(named!.days);
  const settings = toScheduleSettings(settingsFromStored(named!.settings, SCHEDULE_SETTING_KEYS));
  const weekStart = cycleOfOrder(orderedAt, retailer.orderWeekday, calendar);
  const [cycle] = await db.$queryRaw<{ id: number; code: string }[]>`
    SELECT id, code FROM "OrderCycle" WHERE "weekStart" = ${weekStart}::date`;
  if (!cycle) return { outcome: 'invalid', errors: [{ path: 'orderedAt', message: 'ingest.errors.noCycle' }] };

  // The order and its lines in one statement. Concurrent senders of one order number meet on the unique
  // key: the loser inserts nothing (no order, so no lines) and answers as a replay. Each line's excess over
  // the shop's allowance is computed in the same statement: the limit of the policy in force for its grade,
  // plus adjustments, against what the shop's other confirmed orders of the cycle took.
  const limited = input.status === 'CONFIRMED' && retailer.grade !== null;
  const policy = policyInForceSql({ cycleId: cycle.id, weekStart, carryForward: policyDue(weekStart, now, settings), now });
  const written = await db.$queryRaw<{ orderId: number; productId: number; quantity: number; overLimitBy: number }[]>`
    WITH placed AS (
      INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, status, "totalQuantity", "totalAmountFen", "externalRef", "integrationId", "orderedAt", "payloadHash")
      VALUES (${retailer.id}, ${cycle.id}, ${orderDate}::date, ${input.channel}::"OrderChannel", ${input.status}::"OrderStatus",
        ${input.lines.reduce((s, l) => s + l.quantity, 0)}, ${input.lines.reduce((s, l) => s + BigInt(l.quantity) * BigInt(l.unitPriceFen), 0n)},
        ${input.externalOrderNo}, ${integration.id}, ${orderedAt}, ${hash})
      ON CONFLICT ("externalRef") DO NOTHING RETURNING id),
    sent AS (
      SELECT * FROM unnest(${input.lines.map((l) => byCode.get(l.productCode)!)}::int[], ${input.lines.map((l) => l.quantity)}::int[],
        ${input.lines.map((l) => l.unitPriceFen)}::int[]) AS t(product_id, quantity, price)),
    pol AS (${policy}),
    lim AS (
      SELECT l."productId", greatest(0, l."limitQuantity" + coalesce((SELECT sum(a.delta) FROM "AllocationAdjustment" a
        WHERE a."retailerId" = ${retailer.id} AND a."cycleId" = ${cycle.id} AND a."productId" = l."productId"), 0)) AS lim
      FROM "AllocationLimit" l JOIN pol ON l."policyId" = pol.id
      WHERE ${limited} AND ${retailer.grade}::int BETWEEN l."gradeFrom" AND l."gradeTo" AND l."productId" IN (SELECT product_id FROM sent)),
    took AS (
      SELECT ol."productId", sum(ol.quantity) AS quantity FROM "Order" o JOIN "OrderLine" ol ON ol."orderId" = o.id
      WHERE o."retailerId" = ${retailer.id} AND o."cycleId" = ${cycle.id} AND o.status = 'CONFIRMED' AND ol."productId" IN (SELECT "productId" FROM lim)
      GROUP BY 1)
    INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen", "overLimitBy")
    SELECT placed.id, sent.product_id, sent.quantity, sent.price, sent.quantity::bigint * sent.price,
      CASE WHEN lim.lim IS NULL THEN 0 ELSE least(sent.quantity, greatest(0, coalesce(took.quantity, 0) + sent.quantity - lim.lim)) END
    FROM placed CROSS JOIN sent LEFT JOIN lim ON lim."productId" = sent.product_id LEFT JOIN took ON took."productId" = sent.product_id
    RETURNING "orderId", "productId", quantity, "overLimitBy"`;
  if (written.length === 0) {
    const raced = await storedOrder(db, input.externalOrderNo);
    if (!raced) throw new DomainError('CONFLICT');
    return answerReplay(db, raced, input, content, hash);
  }
  const codeOf = new Map(named!.products.map((p) => [p.id, p.code]));
  return {
    outcome: 'created',
    orderId: written[0]!.orderId,
    externalOrderNo: input.externalOrderNo,
    cycle: cycle.code,
    status: input.status,
    lines: written
      .map((l) => ({ productCode: codeOf.get(l.productId)!, quantity: l.quantity, overLimitBy: l.overLimitBy }))
      .sort((a, b) => (a.productCode < b.productCode ? -1 : 1)),
  };
}

async function answerReplay(
  tx: DbTx,
  existing: NonNullable<Awaited<ReturnType<typeof storedOrder>>>,
  input: TIngestOrder,
  content: OrderContent,
  hash: string,
): Promise<IngestOrderResult> {
  // An order read from a file has no fingerprint: its stored content is compared instead.
  const differences = orderDifferences(existing.content, content);
  if (existing.payloadHash === null ? differences.length > 0 : existing.payloadHash !== hash)
    return { outcome: 'conflict', externalOrderNo: input.externalOrderNo, differences };
  const base = { orderId: existing.id, externalOrderNo: input.externalOrderNo, cycle: existing.cycle.code, lines: existing.lines };
  if (existing.status === input.status) return { outcome: 'replayed', status: existing.status, ...base };
  if (existing.status === 'CONFIRMED' && input.status === 'CANCELLED') {
    await tx.order.update({ where: { id: existing.id }, data: { status: 'CANCELLED' } });
    return { outcome: 'cancelled', status: 'CANCELLED', ...base };
  }
  // A cancelled order does not come back to life under the same number.
  return {
    outcome: 'conflict',
    externalOrderNo: input.externalOrderNo,
    differences: [{ field: 'status', stored: existing.status, received: input.status }],
  };
}

/** Products by code: new codes are created, known ones updated; one statement for the whole batch. */
export async function ingestProducts(db: Db, input: TIngestProducts, now: Date): Promise<{ created: number; updated: number }> {
  return upsertProducts(db, input.products, now);
}

/** Writes products by code (the API's batches and the products file import). */
export async function upsertProducts(
  db: DbTx,
  p: readonly TIngestProducts['products'][number][],
  now: Date,
): Promise<{ created: number; updated: number }> {
  const rows = await db.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "Product" (code, brand, name, "productClass", "wholesalePriceFen", "retailPriceFen", scarce, active, "launchedOn")
    SELECT code, brand, name, cls, wholesale, retail, scarce, active, ${chinaDate(now)}::date
    FROM unnest(${p.map((x) => x.code)}::text[], ${p.map((x) => x.brand)}::text[], ${p.map((x) => x.name)}::text[], ${p.map((x) => x.productClass)}::smallint[],
      ${p.map((x) => x.wholesalePriceFen)}::int[], ${p.map((x) => x.retailPriceFen)}::int[], ${p.map((x) => x.scarce)}::boolean[], ${p.map((x) => x.active)}::boolean[])
      AS t(code, brand, name, cls, wholesale, retail, scarce, active)
    ON CONFLICT (code) DO UPDATE SET brand = EXCLUDED.brand, name = EXCLUDED.name, "productClass" = EXCLUDED."productClass",
      "wholesalePriceFen" = EXCLUDED."wholesalePriceFen", "retailPriceFen" = EXCLUDED."retailPriceFen", scarce = EXCLUDED.scarce, active = EXCLUDED.active
    RETURNING (xmax = 0) AS inserted`;
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created };
}
