import { retailerProcedure, router } from '../trpc/init';
import { ZLimitHistoryInput, ZLimitHistoryOutput, ZMyAllocationInput, ZMyAllocationOutput } from './allocation.schema';
import { getMyAllocation, getMyLimitHistory } from './allocation.service';

export const allocationPortalRouter = router({
  mine: retailerProcedure
    .input(ZMyAllocationInput)
    .output(ZMyAllocationOutput)
    .query(({ ctx, input }) => getMyAllocation(ctx, input)),
  limitHistory: retailerProcedure
    .input(ZLimitHistoryInput)
    .output(ZLimitHistoryOutput)
    .query(({ ctx, input }) => getMyLimitHistory(ctx, input)),
});
