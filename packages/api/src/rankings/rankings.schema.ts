import { z } from 'zod';
import { RANKING_METRICS } from './rankings.rules';

const id = z.number().int().positive().max(2147483647);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'rankings.validation.month');

export const RANKING_PAGE_SIZE = 30;

export const ZListRankingsInput = z.object({
  /** Defaults to the newest month computed */
  month: month.optional(),
  metric: z.enum(RANKING_METRICS).default('sales'),
  districtId: id.optional(),
  gradeBand: z.number().int().min(0).max(3).optional(),
  /** A licence number (or its start) or part of a shop's name */
  q: z.string().trim().max(40).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
});
export type TListRankingsInput = z.input<typeof ZListRankingsInput>;

export const ZComputeRankingsInput = z.object({ month });
