import { z } from 'zod';
import { LOCALES } from '@tobacco/i18n/locale';
import { validateDefinition } from './surveys.rules';

// The survey definition, typed once and shared by the back office's builder, the portal's runtime and the
// server. Pure zod: safe to import in the browser. Structural checks live here; the rules that need the
// whole definition (unique keys, conditions pointing backwards, one section per dimension) are in
// surveys.rules.ts `validateDefinition`, which ZSurveyDefinition runs as a refinement.

export const QUESTION_TYPES = ['RATING', 'NPS', 'SINGLE_CHOICE', 'MULTI_CHOICE', 'TEXT', 'MATRIX'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SERVICE_DIMENSIONS = [
  'SUPPLY',
  'ORDERING',
  'DELIVERY',
  'ACCOUNT_MANAGER',
  'SETTLEMENT',
  'COMPLAINTS',
  'MARKET',
  'OTHER',
] as const;
export type ServiceDimension = (typeof SERVICE_DIMENSIONS)[number];

export const CONDITION_OPS = ['eq', 'neq', 'lte', 'gte', 'in'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export const SURVEY_STATES = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'OPEN', 'CLOSED'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

export const RESPONSE_CHANNELS = ['PORTAL', 'PHONE', 'VISIT'] as const;
export const STAFF_CHANNELS = ['PHONE', 'VISIT'] as const;

/** Keys name questions in answers, conditions and exports: short, stable, ASCII. */
const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'surveys.validation.key');
const label = z.string().trim().min(1, 'surveys.validation.label').max(300, 'surveys.validation.labelTooLong');

const conditionValue = z.union([z.number(), z.string().max(100), z.array(z.union([z.number(), z.string().max(100)])).max(50)]);

export const ZCondition = z.object({ questionKey: key, op: z.enum(CONDITION_OPS), value: conditionValue });
export type TCondition = z.infer<typeof ZCondition>;

/** "Show this question if all (or any) of these hold", stated explicitly. */
export const ZShowIf = z.object({ mode: z.enum(['all', 'any']), conditions: z.array(ZCondition).min(1).max(10) });
export type TShowIf = z.infer<typeof ZShowIf>;

export const ZOption = z.object({ value: z.string().trim().min(1).max(40), label });
export const ZMatrixRow = z.object({ key, label });

export const ZQuestion = z.object({
  key,
  type: z.enum(QUESTION_TYPES),
  label,
  required: z.boolean(),
  scaleMin: z.number().int().min(0).max(10).optional(),
  scaleMax: z.number().int().min(1).max(10).optional(),
  options: z.array(ZOption).max(20).optional(),
  rows: z.array(ZMatrixRow).max(20).optional(),
  showIf: ZShowIf.optional(),
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZSection = z.object({
  key,
  dimension: z.enum(SERVICE_DIMENSIONS),
  /** The dimension's weight in the survey's index; weights need not add up to 1 (they are normalised). */
  weight: z.number().min(0).max(100),
  title: label,
  questions: z.array(ZQuestion).min(1, 'surveys.validation.noQuestions').max(40),
});
export type TSection = z.infer<typeof ZSection>;

export const ZSurveyDefinitionShape = z.object({ sections: z.array(ZSection).min(1, 'surveys.validation.noSections').max(12) });
export type TSurveyDefinition = z.infer<typeof ZSurveyDefinitionShape>;

/** The definition with the whole-survey rules: what the builder, the import and the server accept. */
export const ZSurveyDefinition = ZSurveyDefinitionShape.superRefine((definition, ctx) => {
  for (const issue of validateDefinition(definition))
    ctx.addIssue({ code: 'custom', path: issue.path, message: `surveys.definition.${issue.code}` });
});

// One answer per question key. Ratings and NPS are numbers, single choice a value, multiple choice a list of
// values, text a string, a matrix an object of row key → rating.
export const ZAnswerValue = z.union([
  z.number().int().min(0).max(10),
  z.string().max(2000),
  z.array(z.string().max(40)).max(20),
  z.record(z.string().max(40), z.number().int().min(0).max(10)),
]);
export type TAnswerValue = z.infer<typeof ZAnswerValue>;
export const ZAnswers = z.record(z.string().max(40), ZAnswerValue).refine((answers) => Object.keys(answers).length <= 300);
export type TAnswers = z.infer<typeof ZAnswers>;

// ---------------------------------------------------------------- targets

export const GRADE_BANDS = [1, 2, 3] as const;
export const STRATA_DIMENSIONS = ['market', 'sizeClass', 'businessForm', 'gradeBand'] as const;

const segmentFields = {
  gradeFrom: z.number().int().min(1).max(30).optional(),
  gradeTo: z.number().int().min(1).max(30).optional(),
  classificationCodes: z
    .array(z.string().regex(/^[CX][ZBSNYFQ][123]$/))
    .max(42)
    .default([]),
  districtIds: z.array(z.number().int().positive()).max(100).default([]),
  markets: z
    .array(z.enum(['C', 'X']))
    .max(2)
    .default([]),
};

/** All active shops; a segment of them; or a stratified sample (of all, or of a segment). */
export const ZTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ALL') }),
  z.object({ kind: z.literal('SEGMENT'), ...segmentFields }),
  z.object({
    kind: z.literal('SAMPLE'),
    /** Share of each stratum to invite; the settings' default when left out. */
    rate: z.number().min(0.001).max(1).optional(),
    ...segmentFields,
  }),
]);
export type TTarget = z.infer<typeof ZTarget>;
export type TTargetInput = z.input<typeof ZTarget>;

// ---------------------------------------------------------------- procedure inputs

const id = z.number().int().positive();
const title = z.string().trim().min(1, 'surveys.validation.title').max(120, 'surveys.validation.titleTooLong');
const description = z.string().trim().max(1000);
const instant = z.coerce.date();

export const ZSurveyDraftFields = z.object({
  title,
  description,
  opensAt: instant.nullable(),
  closesAt: instant.nullable(),
  target: ZTarget,
});

export const ZCreateSurveyInput = ZSurveyDraftFields.extend({ definition: ZSurveyDefinition });
export type TCreateSurveyInput = z.input<typeof ZCreateSurveyInput>;

export const ZUpdateSurveyInput = ZCreateSurveyInput.extend({ id });
export type TUpdateSurveyInput = z.input<typeof ZUpdateSurveyInput>;

export const ZSurveyIdInput = z.object({ id });
/** The person's language names the copy ("…（副本）" / "… (copy)"): the title is stored as written, in one language. */
export const ZDuplicateSurveyInput = z.object({ id, locale: z.enum(LOCALES) });
export type TDuplicateSurveyInput = z.input<typeof ZDuplicateSurveyInput>;
export const ZRejectSurveyInput = z.object({ id, reason: z.string().trim().min(1).max(500) });

export const ZListSurveysInput = z.object({
  state: z.enum(SURVEY_STATES).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.union([z.literal(20), z.literal(50)]).default(20),
});

export const ZSaveDraftInput = z.object({ surveyId: id, answers: ZAnswers });
export const ZSubmitResponseInput = z.object({ surveyId: id, answers: ZAnswers });
export const ZPortalSurveyInput = z.object({ surveyId: id });

export const ZFindRespondentInput = z.object({
  surveyId: id,
  licenceNo: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'surveys.validation.licenceNo'),
});
export const ZEnterResponseInput = z.object({
  surveyId: id,
  retailerId: id,
  channel: z.enum(STAFF_CHANNELS),
  answers: ZAnswers,
});
export type TEnterResponseInput = z.input<typeof ZEnterResponseInput>;

// ---------------------------------------------------------------- analytics

export const BREAKDOWNS = ['district', 'market', 'businessForm', 'gradeBand', 'accountManager'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The screen's filters; the exports take the very same object. */
export const ZAnalyticsFilter = z.object({
  surveyId: id,
  districtId: z.number().int().positive().optional(),
  market: z.enum(['C', 'X']).optional(),
  businessForm: z.enum(['Z', 'B', 'S', 'N', 'Y', 'F', 'Q']).optional(),
  gradeBand: z.number().int().min(0).max(3).optional(),
  accountManagerId: z.number().int().positive().optional(),
});
export type TAnalyticsFilter = z.infer<typeof ZAnalyticsFilter>;

export const ZTextAnswersInput = ZAnalyticsFilter.extend({
  questionKey: key.optional(),
  q: z.string().trim().max(50).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});

export const EXPORT_TABLES = [
  'answers',
  'dimensions',
  'district',
  'market',
  'businessForm',
  'gradeBand',
  'accountManager',
  'nps',
  'quadrant',
  'strata',
  'trend',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export const ZExportInput = ZAnalyticsFilter.extend({ table: z.enum(EXPORT_TABLES), format: z.enum(['csv', 'xlsx']) });
export type TExportInput = z.infer<typeof ZExportInput>;

// ---------------------------------------------------------------- portal outputs
// A survey as an invited retailer answers it; never the targeting, the sample or who entered a response.

const RESPONSE_STATES = ['DRAFT', 'SUBMITTED'] as const;

const ZMySurveyItem = z.object({
  id: z.number().int(),
  title: z.string(),
  opensAt: z.date().nullable(),
  closesAt: z.date().nullable(),
  open: z.boolean(),
  response: z.object({ state: z.enum(RESPONSE_STATES), submittedAt: z.date().nullable(), updatedAt: z.date() }).nullable(),
});

export const ZMySurveysOutput = z.object({ open: z.array(ZMySurveyItem), done: z.array(ZMySurveyItem) });

export const ZMySurveyOutput = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  opensAt: z.date().nullable(),
  closesAt: z.date().nullable(),
  definition: ZSurveyDefinitionShape,
  open: z.boolean(),
  response: z
    .object({ state: z.enum(RESPONSE_STATES), answers: ZAnswers, updatedAt: z.date(), submittedAt: z.date().nullable() })
    .nullable(),
});

export const ZDraftSavedOutput = z.object({ savedAt: z.date() });

export const ZSubmittedOutput = z.object({ responseId: z.number().int(), submittedAt: z.date(), alreadySubmitted: z.boolean() });
