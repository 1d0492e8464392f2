import { Prisma } from '@tobacco/db/client';
import type { RetailerDeps } from '../deps';
import { remainingAllowance } from '../allocation/allocation.rules';
import type { TOrderHistoryInput } from './orders.schema';

// My order history by cycle (domain.md §5): each cycle's orders and lines, and each line against the limit
// I had for that product in that cycle. Three queries a page, whatever its size.

type CycleRow = { id: number; code: string; weekStart: Date; weekEnd: Date; total: number };
type LimitRow = { cycleId: number; productId: number; limitQuantity: number; adjustment: number; version: number };

export async function listMyOrderHistory({ db, actor }: RetailerDeps, input: TOrderHistoryInput) {
  const cycles = await db.$queryRaw<CycleRow[]>`
    SELECT c.id, c.code, c."weekStart", c."weekEnd", (count(*) OVER ())::int AS total
    FROM "OrderCycle" c
    WHERE EXISTS (SELECT 1 FROM "Order" o WHERE o."retailerId" = ${actor.retailerId} AND o."cycleId" = c.id)
    ORDER BY c."weekStart" DESC
    LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`;
  const total = cycles[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / input.pageSize));
  if (cycles.length === 0) return { cycles: [], total, page: input.page, pages };
  const cycleIds = cycles.map((c) => c.id);
  const [orders, limits] = await Promise.all([
    db.order.findMany({
      where: { retailerId: actor.retailerId, cycleId: { in: cycleIds } },
      orderBy: [{ orderDate: 'desc' }, { id: 'desc' }],
      select: {
        id: true,
        cycleId: true,
        orderDate: true,
        channel: true,
        status: true,
        totalQuantity: true,
        totalAmountFen: true,
        lines: {
          orderBy: { id: 'asc' },
          select: {
            id: true,
            quantity: true,
            unitPriceFen: true,
            amountFen: true,
            product: { select: { id: true, code: true, brand: true, name: true, scarce: true } },
          },
        },
      },
    }),
    // The limit of each product in each cycle: that cycle's published policy, for the grade I held then.
    // The grade is looked up once per cycle (materialized), not once per limit row of the join below.
    db.$queryRaw<LimitRow[]>`
      WITH g AS MATERIALIZED (
        SELECT c.id, coalesce((
          SELECT rg.grade FROM "RetailerGrade" rg JOIN "GradePeriod" gp ON gp.id = rg."periodId"
          WHERE rg."retailerId" = ${actor.retailerId} AND gp.status = 'PUBLISHED' AND gp."effectiveFrom" <= c."weekStart" AND gp."effectiveTo" >= c."weekStart"
          ORDER BY gp."effectiveFrom" DESC LIMIT 1),
          (SELECT grade FROM "Retailer" WHERE id = ${actor.retailerId})) AS grade
        FROM "OrderCycle" c WHERE c.id IN (${Prisma.join(cycleIds)})
      )
      SELECT g.id AS "cycleId", lim."productId", lim."limitQuantity", ap.version,
        coalesce((SELECT sum(delta)::int FROM "AllocationAdjustment" a
          WHERE a."retailerId" = ${actor.retailerId} AND a."cycleId" = g.id AND a."productId" = lim."productId"), 0) AS adjustment
      FROM g
      CROSS JOIN LATERAL (
        SELECT p.id, p.version FROM "AllocationPolicy" p WHERE p."cycleId" = g.id AND p.state = 'PUBLISHED' ORDER BY p.version DESC LIMIT 1
      ) ap
      JOIN "AllocationLimit" lim ON lim."policyId" = ap.id AND g.grade BETWEEN lim."gradeFrom" AND lim."gradeTo"`,
  ]);
  const limitOf = new Map(limits.map((l) => [`${l.cycleId}:${l.productId}`, l]));
  return {
    total,
    page: input.page,
    pages,
    cycles: cycles.map((cycle) => {
      const mine = orders.filter((o) => o.cycleId === cycle.id);
      // Per product, what the whole cycle ordered (confirmed orders), to set against the limit.
      const orderedInCycle = new Map<number, number>();
      for (const order of mine) {
        if (order.status !== 'CONFIRMED') continue;
        for (const line of order.lines) orderedInCycle.set(line.product.id, (orderedInCycle.get(line.product.id) ?? 0) + line.quantity);
      }
      return {
        id: cycle.id,
        code: cycle.code,
        weekStart: cycle.weekStart,
        weekEnd: cycle.weekEnd,
        totalQuantity: mine.filter((o) => o.status === 'CONFIRMED').reduce((s, o) => s + o.totalQuantity, 0),
        totalAmountFen: mine.filter((o) => o.status === 'CONFIRMED').reduce((s, o) => s + o.totalAmountFen, 0n),
        orders: mine.map(({ cycleId: _c, ...order }) => ({
          ...order,
          lines: order.lines.map((line) => {
            const limit = limitOf.get(`${cycle.id}:${line.product.id}`);
            return {
              ...line,
              limit: limit
                ? {
                    policyVersion: limit.version,
                    ...remainingAllowance({
                      limit: limit.limitQuantity,
                      adjustment: limit.adjustment,
                      ordered: orderedInCycle.get(line.product.id) ?? 0,
                    }),
                  }
                : null,
            };
          }),
        })),
      };
    }),
  };
}
