import { z } from 'zod';

export const ZMyAllocationInput = z.object({
  cycle: z.enum(['current', 'next']).default('current'),
  q: z.string().trim().max(40).optional(),
  brand: z.string().trim().max(40).optional(),
  productClass: z.number().int().min(1).max(5).optional(),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(10).max(100).default(50),
});
export type TMyAllocationInput = z.input<typeof ZMyAllocationInput>;

export const ZLimitHistoryInput = z.object({
  productId: z.number().int().positive(),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(5).max(50).default(12),
});
export type TLimitHistoryInput = z.input<typeof ZLimitHistoryInput>;

// ---------------------------------------------------------------- portal outputs
// My limits and why: the policy's public note and the reasons given for my own adjustments, never who made them.

const int = z.number().int();
const day = z.iso.date();

/** What remains of a limit (allocation.rules.ts `remainingAllowance`). */
const ZAllowance = z.object({ effectiveLimit: int.nullable(), ordered: int, remaining: int.nullable(), overBy: int });

export const ZMyAllocationOutput = z.object({
  grade: int.nullable(),
  cycle: z.object({ kind: z.enum(['current', 'next']), code: z.string(), start: day, end: day, orderDay: day }),
  publishAt: z.date(),
  policy: z
    .object({
      id: int,
      version: int,
      publishedAt: z.date().nullable(),
      note: z.string().nullable(),
      carriedForward: z.boolean(),
      carriedFromCycle: z.string().nullable(),
    })
    .nullable(),
  items: z.array(
    z.object({
      productId: int,
      code: z.string(),
      brand: z.string(),
      name: z.string(),
      productClass: int,
      scarce: z.boolean(),
      gradeFrom: int,
      gradeTo: int,
      limitQuantity: int,
      adjustment: int,
      adjustments: z.array(z.object({ delta: int, reason: z.string(), createdAt: z.string() })),
      ordered: int,
      promoted: z.boolean(),
      allowance: ZAllowance,
    }),
  ),
  total: int,
  page: int,
  pageSize: int,
  pages: int,
  brands: z.array(z.string()),
  classes: z.array(int),
});

export const ZLimitHistoryOutput = z.object({
  product: z.object({ id: int, code: z.string(), brand: z.string(), name: z.string() }),
  today: day,
  items: z.array(
    z.object({
      cycleCode: z.string(),
      weekStart: z.date(),
      version: int,
      state: z.enum(['PUBLISHED', 'SUPERSEDED']),
      publishedAt: z.date().nullable(),
      inForceUntil: z.date().nullable(),
      grade: int.nullable(),
      gradeFrom: int.nullable(),
      gradeTo: int.nullable(),
      limitQuantity: int.nullable(),
      adjustment: int,
      effectiveLimit: int.nullable(),
    }),
  ),
  total: int,
  page: int,
  pages: int,
});
