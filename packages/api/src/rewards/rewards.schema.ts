import { z } from 'zod/mini';

// Shared by the redeem button (zodResolver-free: the client makes the key) and the procedure.
export const ZRedeemInput = z.object({
  itemId: z.number().check(z.int(), z.positive()),
  quantity: z._default(
    z.number().check(z.int(), z.minimum(1, 'rewards.redeem.quantityInvalid'), z.maximum(20, 'rewards.redeem.quantityInvalid')),
    1,
  ),
  /** Made once per confirm dialog in the browser: a double click or a second tab sends the same key. */
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
});
export type TRedeemInput = z.input<typeof ZRedeemInput>;

export const ZLedgerInput = z._default(
  z.object({
    page: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 1),
    pageSize: z._default(z.number().check(z.int(), z.minimum(5), z.maximum(100)), 20),
  }),
  { page: 1, pageSize: 20 },
);
export type TLedgerInput = z.output<typeof ZLedgerInput>;
