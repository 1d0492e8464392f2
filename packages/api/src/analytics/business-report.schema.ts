import { z } from 'zod';
import { STANDING_BANDS } from './business-report.rules';
import { ZReportComment } from './business-analysis.schema';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'report.validation.month');

export const ZMyReportInput = z.object({ month: month.optional() });
export type TMyReportInput = z.input<typeof ZMyReportInput>;

export const ZRetailerReportInput = z.object({ retailerId: z.number().int().positive().max(2147483647), month: month.optional() });
export type TRetailerReportInput = z.input<typeof ZRetailerReportInput>;

const ZPeriodFigures = z.object({ quantityTiao: z.number(), amountFen: z.number(), orderCount: z.number() });

// What the shop's report may carry: its own figures, a standing band and peer products by how many peers
// stock them as a share; never another shop's figures or rank.
export const ZMyReportOutput = z.object({
  month: z.string().nullable(),
  months: z.array(z.string()),
  computedAt: z.date().nullable(),
  totals: z.object({ current: ZPeriodFigures, previous: ZPeriodFigures, lastYear: ZPeriodFigures }),
  byClass: z.array(
    z.object({
      productClass: z.number(),
      quantityTiao: z.number(),
      previousTiao: z.number(),
      lastYearTiao: z.number(),
      amountFen: z.number(),
    }),
  ),
  byBrand: z.array(z.object({ brand: z.string(), quantityTiao: z.number(), previousTiao: z.number(), amountFen: z.number() })),
  scarce: z.object({ quantityTiao: z.number(), share: z.number().nullable() }),
  standing: z.object({
    sales: z.enum(STANDING_BANDS).nullable(),
    frequency: z.enum(STANDING_BANDS).nullable(),
    groupTooSmall: z.boolean(),
  }),
  peerProducts: z.array(z.object({ productId: z.number(), brand: z.string(), name: z.string(), peerShare: z.number() })),
  summary: z.array(z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
  // The account manager's commentary on the month (客户经理点评): the text, who wrote it and when.
  comment: ZReportComment.nullable(),
});
export type TMyReport = z.output<typeof ZMyReportOutput>;
