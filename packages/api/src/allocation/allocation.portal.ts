import { retailerProcedure, router } from '../trpc/init';
import { ZLimitHistoryInput, ZMyAllocationInput } from './allocation.schema';
import { getMyAllocation, getMyLimitHistory } from './allocation.service';

export const allocationPortalRouter = router({
  mine: retailerProcedure.input(ZMyAllocationInput).query(({ ctx, input }) => getMyAllocation(ctx, input)),
  limitHistory: retailerProcedure.input(ZLimitHistoryInput).query(({ ctx, input }) => getMyLimitHistory(ctx, input)),
});
