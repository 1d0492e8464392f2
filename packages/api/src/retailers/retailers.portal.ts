import { retailerProcedure, router } from '../trpc/init';
import { getShopCard } from './retailers.service';

export const retailersPortalRouter = router({
  shopCard: retailerProcedure.query(({ ctx }) => getShopCard(ctx)),
});
