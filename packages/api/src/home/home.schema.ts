import { z } from 'zod';
import { ZShopCardFields } from '../retailers/retailers.schema';
import { ZCycleSchedule, ZWindowStatus } from '../schedule/schedule.schema';

// The portal's home page in one answer (`home`): the shop card, the order window, the allowance in short,
// the latest promotions, points and unread notices; only what the page shows.

const int = z.number().int();
const ZTier = z.object({ name: z.string(), nameEn: z.string(), minPoints: int });

export const ZHomeOutput = z.object({
  shop: ZShopCardFields,
  cycle: ZCycleSchedule.extend({ code: z.string().nullable(), status: ZWindowStatus }).nullable(),
  allowance: z
    .object({
      version: int.nullable(),
      carriedForward: z.boolean(),
      carriedFromCycle: z.string().nullable(),
      products: int,
      limitTotal: int,
      orderedTotal: int,
      remainingTotal: int,
      usedUp: int,
    })
    .nullable(),
  promotions: z.array(z.object({ id: int, title: z.string(), startsAt: z.date(), endsAt: z.date(), opened: z.boolean() })),
  promotionCount: int,
  points: z.object({
    balance: int,
    progress: z.object({ current: ZTier.nullable(), next: ZTier.optional(), pointsToNext: int, ratio: z.number() }),
  }),
  unread: int,
});
