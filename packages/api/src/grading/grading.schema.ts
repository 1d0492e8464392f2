import { z } from 'zod/mini';
import { AppealState, IntegrityLevel } from '@tobacco/db/enums';

// Shared by the appeal form (zodResolver) and the procedure. zod/mini keeps the form's JavaScript small.
export const APPEAL_REASON_MIN = 10;
export const APPEAL_REASON_MAX = 500;

export const ZLodgeAppealInput = z.object({
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(APPEAL_REASON_MIN, 'grading.appeal.reasonTooShort'),
      z.maxLength(APPEAL_REASON_MAX, 'grading.appeal.reasonTooLong'),
    ),
});
export type TLodgeAppealInput = z.output<typeof ZLodgeAppealInput>;

// ---------------------------------------------------------------- portal outputs
// My grade as the grade page shows it: the figures that made it, my appeals and their answers; never the
// staff member who decided an appeal.

const int = () => z.number().check(z.int());
const day = () => z.iso.date();

const ZMyAppeal = z.object({
  id: int(),
  currentGrade: int(),
  reason: z.string(),
  state: z.enum(AppealState),
  dueAt: z.date(),
  decidedGrade: z.nullable(int()),
  decisionNote: z.nullable(z.string()),
  createdAt: z.date(),
  period: z.object({ code: z.string() }),
});

export const ZMyGradeOutput = z.object({
  grade: z.nullable(int()),
  integrityLevel: z.enum(IntegrityLevel),
  cap: z.nullable(z.object({ level: z.enum(IntegrityLevel), capGrade: int(), publishedGrade: int(), liftsOn: z.nullable(day()) })),
  period: z.nullable(z.object({ code: z.string(), ordersFrom: day(), ordersTo: day(), effectiveFrom: day(), effectiveTo: day() })),
  nextRegradeOn: z.nullable(day()),
  score: z.nullable(
    z.object({
      total: z.number(),
      rank: int(),
      grade: int(),
      initial: z.boolean(),
      capped: z.boolean(),
      appealed: z.boolean(),
      components: z.readonly(
        z.array(
          z.object({
            key: z.enum(['volume', 'amount', 'variety', 'classShare']),
            weight: z.number(),
            points: z.number(),
            value: z.number(),
            unit: z.enum(['tiao', 'fen', 'products', 'ratio']),
          }),
        ),
      ),
      band: z.nullable(z.object({ min: z.number(), max: z.number(), retailers: int() })),
      nextBand: z.nullable(z.object({ grade: int(), min: z.number(), max: z.number(), gap: z.number() })),
    }),
  ),
  history: z.array(z.object({ period: z.string(), effectiveFrom: day(), grade: int(), score: z.number() })),
  appeals: z.array(ZMyAppeal),
  openAppeal: z.nullable(ZMyAppeal),
  appealWorkingDays: int(),
});

export const ZLodgedAppealOutput = z.object({ id: int(), state: z.enum(AppealState), dueAt: z.date(), createdAt: z.date() });

// ---------------------------------------------------------------- back office: runs

const id = z.number().check(z.int(), z.positive(), z.maximum(2147483647));
export const CORRECTION_REASON_MAX = 500;

export const ZStartRunInput = z.object({
  periodCode: z.string().check(z.trim(), z.regex(/^\d{4}([QHP]\d|M\d{2})?$/, 'grading.errors.periodNotEnded')),
  /** Required when the period has been published: the run is then a correction. */
  reason: z.optional(z.string().check(z.trim(), z.maxLength(CORRECTION_REASON_MAX, 'grading.errors.reasonTooLong'))),
});
export type TStartRunInput = z.output<typeof ZStartRunInput>;

export const ZDecideRunInput = z.object({ runId: id });
export type TDecideRunInput = z.output<typeof ZDecideRunInput>;

// ---------------------------------------------------------------- back office: integrity, appeals, review

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'grading.errors.date'));
const page = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 1);
const pageSize = (size: number) => z._default(z.number().check(z.int(), z.minimum(5), z.maximum(100)), size);
export const INTEGRITY_LEVELS = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;
export const DECISION_REASON_MIN = 4;
export const DECISION_REASON_MAX = 500;
const decisionReason = z
  .string()
  .check(
    z.trim(),
    z.minLength(DECISION_REASON_MIN, 'grading.errors.reasonTooShort'),
    z.maxLength(DECISION_REASON_MAX, 'grading.errors.reasonTooLong'),
  );

export const ZSetIntegrityInput = z.object({
  retailerId: id,
  level: z.enum(INTEGRITY_LEVELS),
  effectiveFrom: isoDate,
  reason: decisionReason,
});
export type TSetIntegrityInput = z.output<typeof ZSetIntegrityInput>;

export const ZIntegrityHistoryInput = z.object({
  retailerId: z.optional(id),
  licenceNo: z.optional(z.string().check(z.regex(/^\d{12}$/, 'grading.staff.integrity.notFound'))),
  page,
  pageSize: pageSize(20),
});
export type TIntegrityHistoryInput = z.output<typeof ZIntegrityHistoryInput>;

export const ZListAppealsInput = z.object({
  state: z._default(z.enum(['SUBMITTED', 'DECIDED']), 'SUBMITTED'),
  overdueOnly: z.optional(z.boolean()),
  page,
  pageSize: pageSize(20),
});
export type TListAppealsInput = z.output<typeof ZListAppealsInput>;

export const ZAppealInput = z.object({ appealId: id });
export const ZDecideAppealInput = z.object({
  appealId: id,
  decision: z.enum(['UPHOLD', 'CHANGE']),
  /** The new grade when the decision is CHANGE */
  grade: z.optional(z.number().check(z.int(), z.minimum(1, 'grading.errors.gradeRange'), z.maximum(30, 'grading.errors.gradeRange'))),
  reason: decisionReason,
});
export type TDecideAppealInput = z.output<typeof ZDecideAppealInput>;

export const ZRunReviewInput = z.object({ runId: id });
export type TRunReviewInput = z.output<typeof ZRunReviewInput>;
export const RUN_ROW_SORTS = ['rank', 'up', 'down'] as const;
export const ZRunRowsInput = z.object({
  runId: id,
  q: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  districtId: z.optional(id),
  sort: z._default(z.enum(RUN_ROW_SORTS), 'rank'),
  page,
  pageSize: pageSize(20),
});
export type TRunRowsInput = z.output<typeof ZRunRowsInput>;
export const ZRunRowInput = z.object({ runId: id, retailerId: id });
export type TRunRowInput = z.output<typeof ZRunRowInput>;

export const ZShareTableInput = z.object({
  shares: z
    .array(z.number().check(z.minimum(0, 'grading.errors.sharesRange'), z.maximum(100, 'grading.errors.sharesRange')))
    .check(z.length(30, 'grading.errors.sharesCount')),
});
export type TShareTableInput = z.output<typeof ZShareTableInput>;
