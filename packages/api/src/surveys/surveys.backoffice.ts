import { z } from 'zod';
import { onReplica, requirePermission, router } from '../trpc/init';
import {
  getAnalyticsOptions,
  getIndexBreakdown,
  getIndexOverview,
  getIndexTrend,
  getQuadrant,
  getStrataResponse,
  listTextAnswers,
} from './surveys.analytics';
import {
  BREAKDOWNS,
  ZAnalyticsFilter,
  ZCreateSurveyInput,
  ZDuplicateSurveyInput,
  ZEnterResponseInput,
  ZFindRespondentInput,
  ZListSurveysInput,
  ZRejectSurveyInput,
  ZSurveyIdInput,
  ZTextAnswersInput,
  ZUpdateSurveyInput,
} from './surveys.schema';
import {
  createSurvey,
  duplicateSurvey,
  enterResponse,
  findRespondent,
  getSamplePlan,
  getSurvey,
  getSurveyForEntry,
  getTargetOptions,
  listSurveys,
  listSurveysForEntry,
  transitionSurvey,
  updateSurvey,
} from './surveys.service';

const read = requirePermission('surveys.read');
const draft = requirePermission('surveys.draft');
const approve = requirePermission('surveys.approve');
const enter = requirePermission('surveys.enterAnswers');
const analytics = requirePermission('analytics.read').use(onReplica);

export const surveysBackofficeRouter = router({
  list: read.input(ZListSurveysInput).query(({ ctx, input }) => listSurveys(ctx, input)),
  get: read.input(ZSurveyIdInput).query(({ ctx, input }) => getSurvey(ctx, input)),
  samplePlan: read.input(ZSurveyIdInput).query(({ ctx, input }) => getSamplePlan(ctx, input)),
  targetOptions: read.query(({ ctx }) => getTargetOptions(ctx)),
  create: draft.input(ZCreateSurveyInput).mutation(({ ctx, input }) => createSurvey(ctx, input)),
  update: draft.input(ZUpdateSurveyInput).mutation(({ ctx, input }) => updateSurvey(ctx, input)),
  duplicate: draft.input(ZDuplicateSurveyInput).mutation(({ ctx, input }) => duplicateSurvey(ctx, input)),
  submitForApproval: draft.input(ZSurveyIdInput).mutation(({ ctx, input }) => transitionSurvey(ctx, input, 'submit')),
  reject: approve.input(ZRejectSurveyInput).mutation(({ ctx, input }) => transitionSurvey(ctx, input, 'reject')),
  approve: approve.input(ZSurveyIdInput).mutation(({ ctx, input }) => transitionSurvey(ctx, input, 'approve')),
  open: approve.input(ZSurveyIdInput).mutation(({ ctx, input }) => transitionSurvey(ctx, input, 'open')),
  close: approve.input(ZSurveyIdInput).mutation(({ ctx, input }) => transitionSurvey(ctx, input, 'close')),

  entry: router({
    surveys: enter.query(({ ctx }) => listSurveysForEntry(ctx)),
    survey: enter.input(ZSurveyIdInput).query(({ ctx, input }) => getSurveyForEntry(ctx, input)),
    findRespondent: enter.input(ZFindRespondentInput).query(({ ctx, input }) => findRespondent(ctx, input)),
    submit: enter.input(ZEnterResponseInput).mutation(({ ctx, input }) => enterResponse(ctx, input)),
  }),

  analytics: router({
    options: analytics
      .input(z.object({ surveyId: z.number().int().positive().optional() }))
      .query(({ ctx, input }) => getAnalyticsOptions(ctx, input)),
    overview: analytics.input(ZAnalyticsFilter).query(({ ctx, input }) => getIndexOverview(ctx, input)),
    breakdown: analytics
      .input(ZAnalyticsFilter.extend({ by: z.enum(BREAKDOWNS) }))
      .query(({ ctx, input }) => getIndexBreakdown(ctx, input)),
    trend: analytics.input(ZAnalyticsFilter).query(({ ctx, input }) => getIndexTrend(ctx, input)),
    quadrant: analytics.input(ZAnalyticsFilter).query(({ ctx, input }) => getQuadrant(ctx, input)),
    strata: analytics.input(ZAnalyticsFilter).query(({ ctx, input }) => getStrataResponse(ctx, input)),
    texts: analytics.input(ZTextAnswersInput).query(({ ctx, input }) => listTextAnswers(ctx, input)),
  }),
});
