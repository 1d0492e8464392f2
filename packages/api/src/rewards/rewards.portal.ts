import { retailerProcedure, router } from '../trpc/init';
import { ZLedgerInput, ZLedgerOutput, ZMyRewardsOutput, ZRedeemInput, ZRedeemOutput } from './rewards.schema';
import { getMyRewards, listMyLedger, redeem } from './rewards.service';

export const rewardsPortalRouter = router({
  mine: retailerProcedure.output(ZMyRewardsOutput).query(({ ctx }) => getMyRewards(ctx)),
  ledger: retailerProcedure
    .input(ZLedgerInput)
    .output(ZLedgerOutput)
    .query(({ ctx, input }) => listMyLedger(ctx, input)),
  redeem: retailerProcedure
    .input(ZRedeemInput)
    .output(ZRedeemOutput)
    .mutation(({ ctx, input }) => redeem(ctx, input)),
});
