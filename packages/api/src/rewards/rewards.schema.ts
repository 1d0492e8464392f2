import { z } from 'zod/mini';
import { PointsReason, RedemptionState } from '@tobacco/db/enums';

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

// ---------------------------------------------------------------- portal outputs
// What the rewards page reads; a redemption's handling (who, when, their note) stays with staff.

const int = () => z.number().check(z.int());
const ZNames = z.object({ name: z.string(), nameEn: z.string() });
const ZTier = z.object({ name: z.string(), nameEn: z.string(), minPoints: int() });

export const ZMyRewardsOutput = z.object({
  balance: int(),
  progress: z.object({ current: z.nullable(ZTier), next: z.optional(ZTier), pointsToNext: int(), ratio: z.number() }),
  items: z.array(z.object({ id: int(), name: z.string(), nameEn: z.string(), description: z.string(), points: int(), stock: int() })),
  redemptions: z.array(
    z.object({ id: int(), points: int(), quantity: int(), state: z.enum(RedemptionState), createdAt: z.date(), item: ZNames }),
  ),
});

export const ZLedgerOutput = z.object({
  items: z.array(
    z.object({
      id: int(),
      points: int(),
      balanceAfter: int(),
      reason: z.enum(PointsReason),
      note: z.nullable(z.string()),
      createdAt: z.date(),
      rule: z.nullable(ZNames),
      run: z.nullable(z.object({ periodCode: z.string() })),
      redemption: z.nullable(z.object({ id: int(), state: z.enum(RedemptionState), item: ZNames })),
    }),
  ),
  total: int(),
  page: int(),
  pages: int(),
});

export const ZRedeemOutput = z.object({
  id: int(),
  itemId: int(),
  quantity: int(),
  points: int(),
  state: z.enum(RedemptionState),
  createdAt: z.date(),
  /** The balance after this redemption; null when the key named a redemption made before (a replay). */
  balanceAfter: z.nullable(int()),
  replayed: z.boolean(),
});
