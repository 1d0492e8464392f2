import { retailerProcedure, router } from '../trpc/init';
import { ZLodgeAppealInput, ZLodgedAppealOutput, ZMyGradeOutput } from './grading.schema';
import { getMyGrade, lodgeAppeal } from './grading.service';

export const gradingPortalRouter = router({
  mine: retailerProcedure.output(ZMyGradeOutput).query(({ ctx }) => getMyGrade(ctx)),
  appeal: retailerProcedure
    .input(ZLodgeAppealInput)
    .output(ZLodgedAppealOutput)
    .mutation(({ ctx, input }) => lodgeAppeal(ctx, input)),
});
