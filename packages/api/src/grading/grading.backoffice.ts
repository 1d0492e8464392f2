import { requirePermission, router } from '../trpc/init';
import { ZDecideRunInput, ZStartRunInput } from './grading.schema';
import { discardGradeRun, listRunPeriods, publishGradeRun, startGradeRun } from './grading.run.service';

export const gradingBackofficeRouter = router({
  periods: requirePermission('grading.review').query(({ ctx }) => listRunPeriods(ctx)),
  startRun: requirePermission('grading.run').input(ZStartRunInput).mutation(({ ctx, input }) => startGradeRun(ctx, input)),
  publishRun: requirePermission('grading.publish').input(ZDecideRunInput).mutation(({ ctx, input }) => publishGradeRun(ctx, input)),
  discardRun: requirePermission('grading.run').input(ZDecideRunInput).mutation(({ ctx, input }) => discardGradeRun(ctx, input)),
});
