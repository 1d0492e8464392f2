import { z } from 'zod';
import { STANDING_BANDS } from './business-report.rules';
import { CAPABILITY_METRICS } from './business-analysis.rules';
import { COMMENT_MAX_LENGTH } from './report-comment.rules';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'report.validation.month');
const retailerId = z.number().int().positive().max(2147483647);

export const ZRetailerAnalysisInput = z.object({ retailerId, month: month.optional() });
export type TRetailerAnalysisInput = z.input<typeof ZRetailerAnalysisInput>;

// The form's schema and the procedure's: plain text, trimmed, not empty, at most COMMENT_MAX_LENGTH characters.
// `version` is the version the writer saw (0 for a new commentary), so two writers never overwrite each other.
export const ZSaveReportCommentInput = z.object({
  retailerId,
  month,
  body: z.string().trim().min(1, 'report.comment.empty').max(COMMENT_MAX_LENGTH, 'report.comment.tooLong'),
  version: z.number().int().min(0).max(2147483647),
});
export type TSaveReportCommentInput = z.input<typeof ZSaveReportCommentInput>;

export const ZReportComment = z.object({
  body: z.string(),
  authorName: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  edited: z.boolean(),
});
export type TReportComment = z.output<typeof ZReportComment>;

export const ZRetailerAnalysisOutput = z.object({
  month: z.string().nullable(),
  months: z.array(z.string()),
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** When the monthly job computed the capability and its bands; null: not computed for this month (yet). */
  computedAt: z.date().nullable(),
  /** The months the shop existed in the window, oldest first; a month without orders has zeros. */
  trend: z.array(z.object({ month: z.string(), quantityTiao: z.number(), amountFen: z.number(), orderCount: z.number() })),
  capability: z
    .object({
      activeMonths: z.number(),
      volumePerMonth: z.number(),
      amountFenPerMonth: z.number(),
      variety: z.number().nullable(),
      premiumShare: z.number().nullable(),
      regularity: z.number().nullable(),
      intervals: z.object({ meanDays: z.number(), sdDays: z.number() }).nullable(),
    })
    .nullable(),
  peers: z.object({
    groupSize: z.number(),
    groupTooSmall: z.boolean(),
    gradeBand: z.number(),
    districtName: z.string(),
    bands: z.array(z.object({ metric: z.enum(CAPABILITY_METRICS), band: z.enum(STANDING_BANDS).nullable() })),
  }),
  comment: ZReportComment.extend({ version: z.number() }).nullable(),
  commentWindow: z.object({ open: z.boolean(), reason: z.enum(['open', 'notClosed', 'closed']), until: z.string() }).nullable(),
  canComment: z.boolean(),
});
export type TRetailerAnalysis = z.output<typeof ZRetailerAnalysisOutput>;
