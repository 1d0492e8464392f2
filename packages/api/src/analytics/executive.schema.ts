import { z } from 'zod';

const id = z.number().int().positive().max(2147483647);

/** The dashboard's one filter: a district (none = the whole company). */
export const ZExecutiveDashboardInput = z.object({ districtId: id.optional() });
export type TExecutiveDashboardInput = z.input<typeof ZExecutiveDashboardInput>;

export const ZComputeExecutiveSummariesInput = z.object({});
