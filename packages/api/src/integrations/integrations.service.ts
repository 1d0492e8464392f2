import { randomBytes } from 'node:crypto';
import type { Db, DbTx } from '@tobacco/db/client';
import type { z } from 'zod';
import { writeAudit } from '../admin/audit.service';
import { policyDue, policyInForceSql } from '../allocation/allocation.service';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { chinaDate } from '../schedule/calendar.rules';
import { cycleOfOrder } from '../schedule/schedule.rules';
import { loadScheduleSettings, loadWorkCalendar } from '../schedule/schedule.service';
import {
  hashKey,
  keyMatches,
  keyPrefixOf,
  orderContent,
  orderDifferences,
  orderFingerprint,
  overLimitBy,
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
  const row = await db.integration.findUnique({
    where: { keyPrefix: prefix },
    select: { id: true, name: true, keyHash: true, revokedAt: true },
  });
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
  await db.integrationCall.create({ data: { ...call, externalRef: call.externalRef ?? null } });
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
  return db.$transaction(async (tx) => {
    const existing = await storedOrder(tx, input.externalOrderNo);
    if (existing) return answerReplay(tx, existing, input, content, hash);

    const retailer = await tx.retailer.findUnique({
      where: { licenceNo: input.licenceNo },
      select: { id: true, grade: true, orderWeekday: true },
    });
    const products = await tx.product.findMany({
      where: { code: { in: input.lines.map((l) => l.productCode) } },
      select: { id: true, code: true },
    });
    const errors: { path: string; message: string }[] = [];
    if (!retailer) errors.push({ path: 'licenceNo', message: 'ingest.errors.unknownLicence' });
    const byCode = new Map(products.map((p) => [p.code, p.id]));
    input.lines.forEach((l, i) => {
      if (!byCode.has(l.productCode)) errors.push({ path: `lines.${i}.productCode`, message: 'ingest.errors.unknownProduct' });
    });
    if (!retailer || errors.length > 0) return { outcome: 'invalid', errors };

    const orderedAt = new Date(input.orderedAt);
    const orderDate = chinaDate(orderedAt);
    const [{ calendar }, settings] = await Promise.all([loadWorkCalendar(tx, orderDate), loadScheduleSettings(tx)]);
    const weekStart = cycleOfOrder(orderedAt, retailer.orderWeekday, calendar);
    const cycle = await tx.orderCycle.findUnique({
      where: { weekStart: new Date(`${weekStart}T00:00:00Z`) },
      select: { id: true, code: true },
    });
    if (!cycle) return { outcome: 'invalid', errors: [{ path: 'orderedAt', message: 'ingest.errors.noCycle' }] };

    // Concurrent senders of one order number meet on the unique key: the loser answers as a replay.
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, status, "totalQuantity", "totalAmountFen", "externalRef", "integrationId", "orderedAt", "payloadHash")
      VALUES (${retailer.id}, ${cycle.id}, ${orderDate}::date, ${input.channel}::"OrderChannel", ${input.status}::"OrderStatus",
        ${input.lines.reduce((s, l) => s + l.quantity, 0)}, ${input.lines.reduce((s, l) => s + BigInt(l.quantity) * BigInt(l.unitPriceFen), 0n)},
        ${input.externalOrderNo}, ${integration.id}, ${orderedAt}, ${hash})
      ON CONFLICT ("externalRef") DO NOTHING RETURNING id`;
    const orderId = inserted[0]?.id;
    if (orderId === undefined) {
      const raced = await storedOrder(tx, input.externalOrderNo);
      if (!raced) throw new DomainError('CONFLICT');
      return answerReplay(tx, raced, input, content, hash);
    }

    const allowance =
      input.status === 'CONFIRMED' && retailer.grade !== null
        ? await allowanceBefore(tx, {
            retailerId: retailer.id,
            grade: retailer.grade,
            cycleId: cycle.id,
            weekStart,
            orderId,
            now,
            carryForward: policyDue(weekStart, now, settings),
          })
        : new Map<number, { limit: number; ordered: number }>();
    const lines = input.lines.map((l) => {
      const productId = byCode.get(l.productCode)!;
      const a = allowance.get(productId);
      return {
        productId,
        ...l,
        overLimitBy: overLimitBy({ limit: a ? a.limit : null, orderedBefore: a?.ordered ?? 0, quantity: l.quantity }),
      };
    });
    await tx.$executeRaw`
      INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen", "overLimitBy")
      SELECT ${orderId}, * FROM unnest(${lines.map((l) => l.productId)}::int[], ${lines.map((l) => l.quantity)}::int[], ${lines.map((l) => l.unitPriceFen)}::int[],
        ${lines.map((l) => BigInt(l.quantity) * BigInt(l.unitPriceFen))}::bigint[], ${lines.map((l) => l.overLimitBy)}::int[])`;
    return {
      outcome: 'created',
      orderId,
      externalOrderNo: input.externalOrderNo,
      cycle: cycle.code,
      status: input.status,
      lines: lines
        .map((l) => ({ productCode: l.productCode, quantity: l.quantity, overLimitBy: l.overLimitBy }))
        .sort((a, b) => (a.productCode < b.productCode ? -1 : 1)),
    };
  });
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

/** Per limited product: the retailer's limit in the cycle (policy in force, adjustments) and what other confirmed orders took. */
async function allowanceBefore(
  tx: DbTx,
  args: { retailerId: number; grade: number; cycleId: number; weekStart: string; orderId: number; now: Date; carryForward: boolean },
): Promise<Map<number, { limit: number; ordered: number }>> {
  const rows = await tx.$queryRaw<{ productId: number; lim: number; ordered: number }[]>`
    WITH pol AS (${policyInForceSql({ cycleId: args.cycleId, weekStart: args.weekStart, carryForward: args.carryForward, now: args.now })})
    SELECT l."productId", greatest(0, l."limitQuantity" + coalesce((SELECT sum(a.delta)::int FROM "AllocationAdjustment" a
        WHERE a."retailerId" = ${args.retailerId} AND a."cycleId" = ${args.cycleId} AND a."productId" = l."productId"), 0))::int AS lim,
      coalesce((SELECT sum(ol.quantity)::int FROM "Order" o JOIN "OrderLine" ol ON ol."orderId" = o.id
        WHERE o."retailerId" = ${args.retailerId} AND o."cycleId" = ${args.cycleId} AND o.status = 'CONFIRMED' AND o.id <> ${args.orderId} AND ol."productId" = l."productId"), 0)::int AS ordered
    FROM "AllocationLimit" l JOIN pol ON l."policyId" = pol.id
    WHERE ${args.grade} BETWEEN l."gradeFrom" AND l."gradeTo"`;
  return new Map(rows.map((r) => [r.productId, { limit: r.lim, ordered: r.ordered }]));
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
