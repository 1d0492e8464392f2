import { randomBytes } from 'node:crypto';
import { Prisma, type Db, type DbTx } from '@tobacco/db/client';
import type { z } from 'zod';
import { writeAudit } from '../admin/audit.service';
import { policyDue, policyInForceSql } from '../allocation/allocation.service';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { addDays, chinaDate } from '../schedule/calendar.rules';
import { cycleOfOrder, SCHEDULE_SETTING_KEYS, toScheduleSettings, type ScheduleSettings } from '../schedule/schedule.rules';
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
  type CallOutcome,
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
  outcome: CallOutcome;
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
  return (await ingestOrders(db, integration, [input], now))[0]!;
}

type NewOrder = {
  index: number;
  input: TIngestOrder;
  hash: string;
  orderedAt: Date;
  orderDate: string;
  retailer: { id: number; grade: number | null };
  cycle: { id: number; code: string; weekStart: string };
  productIds: number[];
};

/**
 * Orders from the ordering system, answered one by one in the order sent, as `ingestOrder` answers each. Set
 * based, so that a batch costs what one order costs: one look-up of everything the orders name (known numbers,
 * shops, products, the calendar around their days, the schedule settings), one of their cycles, and one
 * statement writing every new order with its lines. No interactive transaction: the look-ups change nothing,
 * and the write is one statement whose unique order numbers settle a race with another sender (the loser
 * writes nothing for that number and answers it as a replay). Numbers already stored, repeated within the
 * batch or lost to such a race are answered after the write, by comparing with what is stored.
 */
export async function ingestOrders(
  db: Db,
  integration: IntegrationRef,
  inputs: readonly TIngestOrder[],
  now: Date,
): Promise<IngestOrderResult[]> {
  const results: IngestOrderResult[] = new Array(inputs.length);
  if (inputs.length === 0) return results;
  const orderedAts = inputs.map((input) => new Date(input.orderedAt));
  const orderDates = orderedAts.map(chinaDate);
  const sortedDates = [...orderDates].sort();
  const [named] = await db.$queryRaw<
    {
      known: string[];
      retailers: { licenceNo: string; id: number; grade: number | null; orderWeekday: number }[];
      products: { id: number; code: string }[];
      days: { date: string; kind: CalendarDayKind; name: string }[];
      settings: Record<string, unknown>;
    }[]
  >`
    SELECT
      (SELECT coalesce(array_agg("externalRef"), '{}') FROM "Order" WHERE "externalRef" = ANY (${inputs.map((i) => i.externalOrderNo)}::text[])) AS known,
      (SELECT coalesce(json_agg(json_build_object('licenceNo', r."licenceNo", 'id', r.id, 'grade', r.grade, 'orderWeekday', r."orderWeekday")), '[]'::json)
        FROM "Retailer" r WHERE r."licenceNo" = ANY (${[...new Set(inputs.map((i) => i.licenceNo))]}::bpchar[])) AS retailers,
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'code', p.code)), '[]'::json)
        FROM "Product" p WHERE p.code = ANY (${[...new Set(inputs.flatMap((i) => i.lines.map((l) => l.productCode)))]}::text[])) AS products,
      (SELECT coalesce(json_agg(json_build_object('date', d.date::text, 'kind', d.kind, 'name', d.name) ORDER BY d.date), '[]'::json)
        FROM "CalendarDay" d
        WHERE d.date BETWEEN ${addDays(sortedDates[0]!, -CALENDAR_DAYS_BEFORE)}::date AND ${addDays(sortedDates.at(-1)!, CALENDAR_DAYS_AFTER)}::date) AS days,
      (SELECT coalesce(json_object_agg(s.key, s.value), '{}'::json) FROM "Setting" s WHERE s.key = ANY (${[...SCHEDULE_SETTING_KEYS]}::text[])) AS settings`;
  const known = new Set(named!.known);
  const retailerOf = new Map(named!.retailers.map((r) => [r.licenceNo, r]));
  const productOf = new Map(named!.products.map((p) => [p.code, p.id]));
  const { calendar } = workCalendarOf(named!.days);
  const settings = toScheduleSettings(settingsFromStored(named!.settings, SCHEDULE_SETTING_KEYS));

  // Checked one by one; numbers stored already or repeated in the batch wait for the answers after the write.
  const answerLater: number[] = [];
  const placeable: Omit<NewOrder, 'cycle'>[] = [];
  const weekStartOf = new Map<number, string>();
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    if (known.has(input.externalOrderNo) || seen.has(input.externalOrderNo)) {
      answerLater.push(index);
      return;
    }
    seen.add(input.externalOrderNo);
    const retailer = retailerOf.get(input.licenceNo);
    const errors: { path: string; message: string }[] = [];
    if (!retailer) errors.push({ path: 'licenceNo', message: 'ingest.errors.unknownLicence' });
    input.lines.forEach((l, i) => {
      if (!productOf.has(l.productCode)) errors.push({ path: `lines.${i}.productCode`, message: 'ingest.errors.unknownProduct' });
    });
    if (!retailer || errors.length > 0) {
      results[index] = { outcome: 'invalid', errors };
      return;
    }
    weekStartOf.set(index, cycleOfOrder(orderedAts[index]!, retailer.orderWeekday, calendar));
    const content = orderContent(input);
    placeable.push({
      index,
      input,
      hash: orderFingerprint(content),
      orderedAt: orderedAts[index]!,
      orderDate: orderDates[index]!,
      retailer: { id: retailer.id, grade: retailer.grade },
      productIds: input.lines.map((l) => productOf.get(l.productCode)!),
    });
  });

  const weekStarts = [...new Set(weekStartOf.values())];
  const cycles =
    weekStarts.length === 0
      ? []
      : await db.$queryRaw<{ id: number; code: string; weekStart: string }[]>`
          SELECT id, code, "weekStart"::text AS "weekStart" FROM "OrderCycle" WHERE "weekStart" = ANY (${weekStarts}::date[])`;
  const cycleOf = new Map(cycles.map((c) => [c.weekStart, c]));
  const orders: NewOrder[] = [];
  for (const order of placeable) {
    const cycle = cycleOf.get(weekStartOf.get(order.index)!);
    if (cycle) orders.push({ ...order, cycle });
    else results[order.index] = { outcome: 'invalid', errors: [{ path: 'orderedAt', message: 'ingest.errors.noCycle' }] };
  }

  if (orders.length > 0) {
    const written = await writeOrders(db, integration, orders, now, settings);
    const codeOf = new Map(named!.products.map((p) => [p.id, p.code]));
    const linesOf = new Map<number, IngestedLine[]>();
    for (const l of written) {
      const lines = linesOf.get(l.orderId) ?? [];
      lines.push({ productCode: codeOf.get(l.productId)!, quantity: l.quantity, overLimitBy: l.overLimitBy });
      linesOf.set(l.orderId, lines);
    }
    const idOf = new Map(written.map((l) => [l.externalRef, l.orderId]));
    for (const order of orders) {
      const orderId = idOf.get(order.input.externalOrderNo);
      if (orderId === undefined) {
        answerLater.push(order.index); // another sender stored this number first
        continue;
      }
      results[order.index] = {
        outcome: 'created',
        orderId,
        externalOrderNo: order.input.externalOrderNo,
        cycle: order.cycle.code,
        status: order.input.status,
        lines: linesOf.get(orderId)!.sort((a, b) => (a.productCode < b.productCode ? -1 : 1)),
      };
    }
  }

  for (const index of answerLater.sort((a, b) => a - b)) {
    const input = inputs[index]!;
    const stored = await storedOrder(db, input.externalOrderNo);
    if (!stored) throw new DomainError('CONFLICT');
    const content = orderContent(input);
    results[index] = await answerReplay(db, stored, input, content, orderFingerprint(content));
  }
  return results;
}

/**
 * New orders and their lines in one statement. Each line's excess over the shop's allowance is computed in it:
 * the limit of the policy in force in the order's cycle for the shop's grade, plus the shop's adjustments,
 * against what its confirmed orders already stored took and what its earlier confirmed orders in this batch
 * take. Orders are inserted in number order, so that two batches sharing numbers take their locks in the same
 * order and cannot deadlock.
 */
async function writeOrders(db: Db, integration: IntegrationRef, orders: readonly NewOrder[], now: Date, settings: ScheduleSettings) {
  const cycles = [...new Map(orders.map((o) => [o.cycle.id, o.cycle])).values()];
  const policies = Prisma.join(
    cycles.map(
      (c) =>
        Prisma.sql`SELECT ${c.id}::int AS cycle_id, x.id AS policy_id FROM (${policyInForceSql({
          cycleId: c.id,
          weekStart: c.weekStart,
          carryForward: policyDue(c.weekStart, now, settings),
          now,
        })}) x`,
    ),
    ' UNION ALL ',
  );
  const lines = orders.flatMap((o) => o.input.lines.map((l, k) => ({ pos: o.index, productId: o.productIds[k]!, ...l })));
  return db.$queryRaw<{ orderId: number; externalRef: string; productId: number; quantity: number; overLimitBy: number }[]>`
    WITH input AS (
      SELECT * FROM unnest(${orders.map((o) => o.index)}::int[], ${orders.map((o) => o.retailer.id)}::int[], ${orders.map((o) => o.retailer.grade)}::int[],
        ${orders.map((o) => o.cycle.id)}::int[], ${orders.map((o) => o.orderDate)}::date[], ${orders.map((o) => o.input.channel)}::text[],
        ${orders.map((o) => o.input.status)}::text[], ${orders.map((o) => o.input.externalOrderNo)}::text[], ${orders.map((o) => o.orderedAt)}::timestamptz[],
        ${orders.map((o) => o.hash)}::text[],
        ${orders.map((o) => o.input.lines.reduce((s, l) => s + l.quantity, 0))}::int[],
        ${orders.map((o) => o.input.lines.reduce((s, l) => s + BigInt(l.quantity) * BigInt(l.unitPriceFen), 0n).toString())}::bigint[])
        AS t(pos, retailer_id, grade, cycle_id, order_date, channel, status, external_ref, ordered_at, payload_hash, total_quantity, total_amount)),
    placed AS (
      INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, status, "totalQuantity", "totalAmountFen", "externalRef", "integrationId", "orderedAt", "payloadHash")
      SELECT retailer_id, cycle_id, order_date, channel::"OrderChannel", status::"OrderStatus", total_quantity, total_amount, external_ref, ${integration.id}, ordered_at, payload_hash
      FROM input ORDER BY external_ref
      ON CONFLICT ("externalRef") DO NOTHING RETURNING id, "externalRef"),
    sent AS (
      SELECT * FROM unnest(${lines.map((l) => l.pos)}::int[], ${lines.map((l) => l.productId)}::int[], ${lines.map((l) => l.quantity)}::int[],
        ${lines.map((l) => l.unitPriceFen)}::int[]) AS t(pos, product_id, quantity, price)),
    placed_lines AS (
      SELECT placed.id AS order_id, placed."externalRef" AS external_ref, i.pos, i.retailer_id, i.cycle_id, i.grade, i.status, s.product_id, s.quantity, s.price
      FROM placed JOIN input i ON i.external_ref = placed."externalRef" JOIN sent s ON s.pos = i.pos),
    pol AS (${policies}),
    lim AS (
      SELECT pl.pos, pl.product_id, greatest(0, l."limitQuantity" + coalesce((SELECT sum(a.delta) FROM "AllocationAdjustment" a
        WHERE a."retailerId" = pl.retailer_id AND a."cycleId" = pl.cycle_id AND a."productId" = pl.product_id), 0)) AS lim
      FROM placed_lines pl JOIN pol ON pol.cycle_id = pl.cycle_id
      JOIN "AllocationLimit" l ON l."policyId" = pol.policy_id AND l."productId" = pl.product_id AND pl.grade BETWEEN l."gradeFrom" AND l."gradeTo"
      WHERE pl.status = 'CONFIRMED'),
    took AS (
      SELECT o."retailerId", o."cycleId", ol."productId", sum(ol.quantity) AS quantity
      FROM "Order" o JOIN "OrderLine" ol ON ol."orderId" = o.id
      WHERE (o."retailerId", o."cycleId") IN (SELECT retailer_id, cycle_id FROM placed_lines) AND o.status = 'CONFIRMED'
        AND ol."productId" IN (SELECT product_id FROM lim)
      GROUP BY 1, 2, 3),
    weighed AS (
      SELECT pl.*, lim.lim, coalesce(took.quantity, 0) + coalesce(sum(pl.quantity) FILTER (WHERE pl.status = 'CONFIRMED')
        OVER (PARTITION BY pl.retailer_id, pl.cycle_id, pl.product_id ORDER BY pl.pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
      FROM placed_lines pl LEFT JOIN lim ON lim.pos = pl.pos AND lim.product_id = pl.product_id
      LEFT JOIN took ON took."retailerId" = pl.retailer_id AND took."cycleId" = pl.cycle_id AND took."productId" = pl.product_id),
    written AS (
      INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen", "overLimitBy")
      SELECT order_id, product_id, quantity, price, quantity::bigint * price,
        CASE WHEN lim IS NULL THEN 0 ELSE least(quantity, greatest(0, before + quantity - lim)) END
      FROM weighed
      RETURNING "orderId", "productId", quantity, "overLimitBy")
    SELECT w."orderId", p."externalRef", w."productId", w.quantity, w."overLimitBy" FROM written w JOIN placed p ON p.id = w."orderId"`;
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
