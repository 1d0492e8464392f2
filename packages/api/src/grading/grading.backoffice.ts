import { getSetting } from '../admin/settings.service';
import { requirePermission, router } from '../trpc/init';
import {
  ZAppealInput,
  ZDecideAppealInput,
  ZDecideRunInput,
  ZIntegrityHistoryInput,
  ZListAppealsInput,
  ZRunReviewInput,
  ZRunRowInput,
  ZRunRowsInput,
  ZShareTableInput,
  ZSetIntegrityInput,
  ZStartRunInput,
} from './grading.schema';
import { decideAppeal, getAppeal, listAppeals } from './grading.appeals.service';
import { listIntegrityHistory, setIntegrityLevel } from './grading.integrity.service';
import { explainRunRow, getRunReview, listRunRows, listRuns, previewShareTable } from './grading.review.service';
import { discardGradeRun, listRunPeriods, publishGradeRun, startGradeRun } from './grading.run.service';

export const gradingBackofficeRouter = router({
  periods: requirePermission('grading.review').query(({ ctx }) => listRunPeriods(ctx)),
  startRun: requirePermission('grading.run')
    .input(ZStartRunInput)
    .mutation(({ ctx, input }) => startGradeRun(ctx, input)),
  publishRun: requirePermission('grading.publish')
    .input(ZDecideRunInput)
    .mutation(({ ctx, input }) => publishGradeRun(ctx, input)),
  discardRun: requirePermission('grading.run')
    .input(ZDecideRunInput)
    .mutation(({ ctx, input }) => discardGradeRun(ctx, input)),
  runs: requirePermission('grading.review').query(({ ctx }) => listRuns(ctx)),
  review: requirePermission('grading.review')
    .input(ZRunReviewInput)
    .query(({ ctx, input }) => getRunReview(ctx, input)),
  rows: requirePermission('grading.review')
    .input(ZRunRowsInput)
    .query(({ ctx, input }) => listRunRows(ctx, input)),
  shareTable: requirePermission('grading.shareTable').query(({ ctx }) => getSetting(ctx.db, 'grading.shareTable')),
  previewShares: requirePermission('grading.shareTable')
    .input(ZShareTableInput)
    .query(({ ctx, input }) => previewShareTable(ctx, input)),
  explain: requirePermission('grading.review')
    .input(ZRunRowInput)
    .query(({ ctx, input }) => explainRunRow(ctx, input)),

  appeals: requirePermission('grading.decideAppeal')
    .input(ZListAppealsInput)
    .query(({ ctx, input }) => listAppeals(ctx, input)),
  appeal: requirePermission('grading.decideAppeal')
    .input(ZAppealInput)
    .query(({ ctx, input }) => getAppeal(ctx, input)),
  decideAppeal: requirePermission('grading.decideAppeal')
    .input(ZDecideAppealInput)
    .mutation(({ ctx, input }) => decideAppeal(ctx, input)),

  integrityHistory: requirePermission('retailers.read')
    .input(ZIntegrityHistoryInput)
    .query(({ ctx, input }) => listIntegrityHistory(ctx, input)),
  setIntegrity: requirePermission('grading.integrity')
    .input(ZSetIntegrityInput)
    .mutation(({ ctx, input }) => setIntegrityLevel(ctx, input)),
});
