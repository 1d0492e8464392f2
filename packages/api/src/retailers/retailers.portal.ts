import { retailerProcedure, router } from '../trpc/init';
import { cancelMyChangeRequest, listMyChangeRequests, requestContactChange } from './change-requests.service';
import {
  ZCancelledChangeRequestOutput,
  ZChangePasswordInput,
  ZChangeRequestIdInput,
  ZChangeRequestListInput,
  ZFiledChangeRequestOutput,
  ZMyChangeRequestsOutput,
  ZMyProfileOutput,
  ZPasswordChangedOutput,
  ZRequestContactChangeInput,
} from './profile.schema';
import { ZShopCardOutput } from './retailers.schema';
import { changeMyPassword, getMyProfile, getShopCard } from './retailers.service';

export const retailersPortalRouter = router({
  shopCard: retailerProcedure.output(ZShopCardOutput).query(({ ctx }) => getShopCard(ctx)),
  profile: retailerProcedure.output(ZMyProfileOutput).query(({ ctx }) => getMyProfile(ctx)),
  requestChange: retailerProcedure
    .input(ZRequestContactChangeInput)
    .output(ZFiledChangeRequestOutput)
    .mutation(({ ctx, input }) => requestContactChange(ctx, input)),
  changeRequests: retailerProcedure
    .input(ZChangeRequestListInput)
    .output(ZMyChangeRequestsOutput)
    .query(({ ctx, input }) => listMyChangeRequests(ctx, input)),
  cancelChangeRequest: retailerProcedure
    .input(ZChangeRequestIdInput)
    .output(ZCancelledChangeRequestOutput)
    .mutation(({ ctx, input }) => cancelMyChangeRequest(ctx, input)),
  changePassword: retailerProcedure
    .input(ZChangePasswordInput)
    .output(ZPasswordChangedOutput)
    .mutation(({ ctx, input }) => changeMyPassword(ctx, input)),
});
