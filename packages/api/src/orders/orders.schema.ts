import { z } from 'zod';
import { OrderChannel, OrderStatus } from '@tobacco/db/enums';

export const ZOrderHistoryInput = z
  .object({
    page: z.number().int().min(1).max(10_000).default(1),
    /** Cycles per page. */
    pageSize: z.number().int().min(1).max(20).default(5),
  })
  .default({ page: 1, pageSize: 5 });
export type TOrderHistoryInput = z.output<typeof ZOrderHistoryInput>;

// ---------------------------------------------------------------- portal outputs

export const ZOrderHistoryOutput = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  cycles: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      weekStart: z.date(),
      weekEnd: z.date(),
      totalQuantity: z.number().int(),
      totalAmountFen: z.bigint(),
      orders: z.array(
        z.object({
          id: z.number().int(),
          orderDate: z.date(),
          channel: z.enum(OrderChannel),
          status: z.enum(OrderStatus),
          totalQuantity: z.number().int(),
          totalAmountFen: z.bigint(),
          lines: z.array(
            z.object({
              id: z.bigint(),
              quantity: z.number().int(),
              unitPriceFen: z.number().int(),
              amountFen: z.bigint(),
              product: z.object({ id: z.number().int(), brand: z.string(), name: z.string() }),
              /** My limit for the product in that cycle, against what the cycle ordered (none without a policy). */
              limit: z
                .object({
                  effectiveLimit: z.number().int().nullable(),
                  ordered: z.number().int(),
                  remaining: z.number().int().nullable(),
                  overBy: z.number().int(),
                })
                .nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
});
