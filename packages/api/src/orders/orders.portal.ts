import { retailerProcedure, router } from '../trpc/init';
import { ZOrderHistoryInput, ZOrderHistoryOutput } from './orders.schema';
import { listMyOrderHistory } from './orders.service';

export const ordersPortalRouter = router({
  history: retailerProcedure
    .input(ZOrderHistoryInput)
    .output(ZOrderHistoryOutput)
    .query(({ ctx, input }) => listMyOrderHistory(ctx, input)),
});
