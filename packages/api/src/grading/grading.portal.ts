import { retailerProcedure, router } from '../trpc/init';
import { ZLodgeAppealInput } from './grading.schema';
import { getMyGrade, lodgeAppeal } from './grading.service';

export const gradingPortalRouter = router({
  mine: retailerProcedure.query(({ ctx }) => getMyGrade(ctx)),
  appeal: retailerProcedure.input(ZLodgeAppealInput).mutation(({ ctx, input }) => lodgeAppeal(ctx, input)),
});
