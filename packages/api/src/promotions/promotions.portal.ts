import { retailerProcedure, router } from '../trpc/init';
import { ZMyPromotionsInput, ZOpenPromotionInput } from './promotions.schema';
import { listMyPromotions, openPromotion } from './promotions.service';

export const promotionsPortalRouter = router({
  list: retailerProcedure.input(ZMyPromotionsInput).query(({ ctx, input }) => listMyPromotions(ctx, input)),
  // A mutation: opening a promotion records that I read it.
  open: retailerProcedure.input(ZOpenPromotionInput).mutation(({ ctx, input }) => openPromotion(ctx, input)),
});
