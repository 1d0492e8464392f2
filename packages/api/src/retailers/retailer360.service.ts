import type { z } from 'zod';
import type { DbTx } from '@tobacco/db/client';
import type { StaffActor } from '../actor';
import { getPublishedPolicy, getRetailerLimits } from '../allocation/allocation.service';
import type { StaffDeps } from '../deps';
import { notFound } from '../errors';
import { currentAndNextCycle } from '../schedule/schedule.service';
import { decodeCursor, encodeCursor, type ZTimelineInput } from './retailer360.schema';
import { readTimeline } from './retailer360.timeline';
import { retailerScope } from './retailers.scope';

// The retailer 360 page of the back office: everything about one shop on one page. Every read starts by
// opening the retailer through retailerScope, so another account manager's shop is NOT_FOUND everywhere.

/** How many cycles the orders chart shows. */
const CHART_CYCLES = 26;
const LIMITS_SHOWN = 50;

/** The retailer if this staff member may see it, else NOT_FOUND. */
export async function openRetailer(db: DbTx, actor: StaffActor, id: number) {
  const retailer = await db.retailer.findFirst({
    where: { AND: [{ id }, retailerScope(actor)] },
    select: {
      id: true,
      licenceNo: true,
      shopName: true,
      ownerName: true,
      contactName: true,
      phone: true,
      address: true,
      market: true,
      businessForm: true,
      sizeClass: true,
      classificationCode: true,
      shopAreaM2: true,
      status: true,
      orderWeekday: true,
      grade: true,
      integrityLevel: true,
      pointsBalance: true,
      openedOn: true,
      district: { select: { id: true, name: true, nameEn: true } },
      accountManager: { select: { id: true, name: true, phone: true } },
    },
  });
  if (!retailer) throw notFound();
  return retailer;
}

type CycleRow = { cycle_id: number; code: string; week_start: Date; quantity: number; amount_fen: number; orders: number };

export async function getRetailer360({ db, actor, clock }: StaffDeps, input: { id: number }) {
  const now = clock();
  const shop = await openRetailer(db, actor, input.id);
  const cycles = await currentAndNextCycle(db, shop.orderWeekday, now);
  const current = await db.orderCycle.findUnique({
    where: { weekStart: new Date(`${cycles.current.cycleStart}T00:00:00Z`) },
    select: { id: true, code: true },
  });
  const [grades, integrity, perCycle, openAlerts, policy] = await Promise.all([
    db.retailerGrade.findMany({
      where: { retailerId: shop.id, period: { status: 'PUBLISHED' } },
      orderBy: { period: { effectiveFrom: 'desc' } },
      take: 12,
      select: {
        grade: true,
        score: true,
        initial: true,
        capped: true,
        appealId: true,
        period: { select: { code: true, effectiveFrom: true, effectiveTo: true } },
      },
    }),
    db.integrityRecord.findMany({
      where: { retailerId: shop.id },
      orderBy: { effectiveFrom: 'desc' },
      take: 20,
      select: { id: true, level: true, effectiveFrom: true, source: true, note: true },
    }),
    // Orders per cycle, the last CHART_CYCLES cycles up to the current one, zero where the shop did not order.
    db.$queryRaw<CycleRow[]>`
      SELECT c.id AS cycle_id, c.code, c."weekStart" AS week_start,
             coalesce(sum(o."totalQuantity"), 0)::int AS quantity, coalesce(sum(o."totalAmountFen"), 0)::float8 AS amount_fen, count(o.id)::int AS orders
      FROM (SELECT * FROM "OrderCycle" WHERE "weekStart" <= ${cycles.current.cycleStart}::date ORDER BY "weekStart" DESC LIMIT ${CHART_CYCLES}) c
      LEFT JOIN "Order" o ON o."cycleId" = c.id AND o."retailerId" = ${shop.id} AND o.status = 'CONFIRMED'
      GROUP BY c.id, c.code, c."weekStart"
      ORDER BY c."weekStart"`,
    db.alert.count({ where: { retailerId: shop.id, state: 'OPEN' } }),
    // A cycle without a policy of its own shows the one carried forward, as the portal does.
    getPublishedPolicy(db, { id: current?.id ?? null, weekStart: cycles.current.cycleStart }, now, cycles.settings),
  ]);
  const limits =
    current && policy && shop.grade !== null
      ? await getRetailerLimits(db, {
          retailerId: shop.id,
          grade: shop.grade,
          cycleId: current.id,
          policyId: policy.id,
          now,
          filters: { page: 1, pageSize: LIMITS_SHOWN },
        })
      : null;
  const thisCycle = perCycle.find((row) => row.cycle_id === current?.id);
  return {
    shop,
    grades,
    integrity,
    openAlerts,
    cycle: {
      code: current?.code ?? null,
      start: cycles.current.cycleStart,
      end: cycles.current.cycleEnd,
      orderDay: cycles.current.orderDay.actual,
      ordered: thisCycle
        ? { quantity: thisCycle.quantity, amountFen: thisCycle.amount_fen, orders: thisCycle.orders }
        : { quantity: 0, amountFen: 0, orders: 0 },
      policy: policy ? { version: policy.version, publishedAt: policy.publishedAt } : null,
      limits: limits
        ? {
            total: limits.total,
            items: limits.items.map((l) => ({
              productId: l.productId,
              brand: l.brand,
              name: l.name,
              scarce: l.scarce,
              limit: l.allowance.effectiveLimit,
              ordered: l.ordered,
              remaining: l.allowance.remaining,
              overBy: l.allowance.overBy,
            })),
          }
        : null,
    },
    perCycle: perCycle.map((row) => ({
      cycleId: row.cycle_id,
      code: row.code,
      weekStart: row.week_start,
      quantity: row.quantity,
      amountFen: row.amount_fen,
    })),
  };
}

/** One page of the timeline, newest first, and the cursor of the next page (null at the end). */
export async function getRetailerTimeline({ db, actor }: StaffDeps, input: z.output<typeof ZTimelineInput>) {
  const shop = await openRetailer(db, actor, input.retailerId);
  const rows = await readTimeline(db, {
    retailerId: shop.id,
    kinds: input.kinds,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page, next: rows.length > input.limit && last ? encodeCursor(last) : null };
}
