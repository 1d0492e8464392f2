import { z } from 'zod';
import { PARETO_MEASURES, PERIOD_PATTERN } from './products.rules';

const id = z.number().int().positive().max(2147483647);
/** A month 'YYYY-MM' or a quarter 'YYYY-Qn'; defaults to the newest month computed. */
const period = z.string().regex(PERIOD_PATTERN, 'products.validation.period');

export const COMPOSITE_PAGE_SIZE = 20;
export const COMPOSITE_SORTS = ['amount', 'volume', 'growth', 'reach', 'fulfilment', 'price'] as const;
export type CompositeSort = (typeof COMPOSITE_SORTS)[number];

export const ZProductFilterInput = z.object({
  period: period.optional(),
  districtId: id.optional(),
  gradeBand: z.number().int().min(0).max(3).optional(),
});

export const ZParetoInput = ZProductFilterInput.extend({ measure: z.enum(PARETO_MEASURES).default('volume') });
export type TParetoInput = z.input<typeof ZParetoInput>;

export const ZCompositeInput = ZProductFilterInput.extend({
  sort: z.enum(COMPOSITE_SORTS).default('amount'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type TCompositeInput = z.input<typeof ZCompositeInput>;

export const ZComputeProductMonthInput = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
