import { requirePermission, router } from '../trpc/init';
import { ZListRetailersInput } from './retailers.schema';
import { listRetailerFilterOptions, listRetailers } from './retailers.service';
import { ZRetailer360Input, ZTimelineInput } from './retailer360.schema';
import { getRetailer360, getRetailerTimeline } from './retailer360.service';
import { ZStaffContactChangeInput } from './profile.schema';
import { fileContactChangeForRetailer } from './change-requests.service';

export const retailersBackofficeRouter = router({
  list: requirePermission('retailers.read')
    .input(ZListRetailersInput)
    .query(({ ctx, input }) => listRetailers(ctx, input)),
  filterOptions: requirePermission('retailers.read').query(({ ctx }) => listRetailerFilterOptions(ctx)),
  get360: requirePermission('retailers.read')
    .input(ZRetailer360Input)
    .query(({ ctx, input }) => getRetailer360(ctx, input)),
  fileChangeRequest: requirePermission('changeRequests.file')
    .input(ZStaffContactChangeInput)
    .mutation(({ ctx, input }) => fileContactChangeForRetailer(ctx, input)),
  timeline: requirePermission('retailers.read')
    .input(ZTimelineInput)
    .query(({ ctx, input }) => getRetailerTimeline(ctx, input)),
});
