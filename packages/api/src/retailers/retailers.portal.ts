import { retailerProcedure, router } from '../trpc/init';
import { cancelMyChangeRequest, listMyChangeRequests, requestContactChange } from './change-requests.service';
import { ZChangePasswordInput, ZChangeRequestIdInput, ZChangeRequestListInput, ZRequestContactChangeInput } from './profile.schema';
import { changeMyPassword, getMyProfile, getShopCard } from './retailers.service';

export const retailersPortalRouter = router({
  shopCard: retailerProcedure.query(({ ctx }) => getShopCard(ctx)),
  profile: retailerProcedure.query(({ ctx }) => getMyProfile(ctx)),
  requestChange: retailerProcedure.input(ZRequestContactChangeInput).mutation(({ ctx, input }) => requestContactChange(ctx, input)),
  changeRequests: retailerProcedure.input(ZChangeRequestListInput).query(({ ctx, input }) => listMyChangeRequests(ctx, input)),
  cancelChangeRequest: retailerProcedure.input(ZChangeRequestIdInput).mutation(({ ctx, input }) => cancelMyChangeRequest(ctx, input)),
  changePassword: retailerProcedure.input(ZChangePasswordInput).mutation(({ ctx, input }) => changeMyPassword(ctx, input)),
});
