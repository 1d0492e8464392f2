import { retailerProcedure, router } from '../trpc/init';
import { ZLedgerInput, ZRedeemInput } from './rewards.schema';
import { getMyRewards, listMyLedger, redeem } from './rewards.service';

export const rewardsPortalRouter = router({
  mine: retailerProcedure.query(({ ctx }) => getMyRewards(ctx)),
  ledger: retailerProcedure.input(ZLedgerInput).query(({ ctx, input }) => listMyLedger(ctx, input)),
  redeem: retailerProcedure.input(ZRedeemInput).mutation(({ ctx, input }) => redeem(ctx, input)),
});
