import { retailerProcedure, router } from '../trpc/init';
import { ZOrderHistoryInput } from './orders.schema';
import { listMyOrderHistory } from './orders.service';

export const ordersPortalRouter = router({
  history: retailerProcedure.input(ZOrderHistoryInput).query(({ ctx, input }) => listMyOrderHistory(ctx, input)),
});
