import { retailerProcedure, router } from '../trpc/init';
import { ZMyPromotionsInput, ZMyPromotionsOutput, ZOpenPromotionInput, ZOpenPromotionOutput } from './promotions.schema';
import { listMyPromotions, openPromotion } from './promotions.service';

export const promotionsPortalRouter = router({
  list: retailerProcedure
    .input(ZMyPromotionsInput)
    .output(ZMyPromotionsOutput)
    .query(({ ctx, input }) => listMyPromotions(ctx, input)),
  // A mutation: opening a promotion records that I read it.
  open: retailerProcedure
    .input(ZOpenPromotionInput)
    .output(ZOpenPromotionOutput)
    .mutation(({ ctx, input }) => openPromotion(ctx, input)),
});
