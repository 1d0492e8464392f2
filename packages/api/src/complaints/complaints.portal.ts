import { retailerProcedure, router } from '../trpc/init';
import { ZCaseIdInput, ZFileComplaintInput, ZMyComplaintsInput, ZRatingFields, ZReopenInput, ZRespondInput } from './complaints.schema';
import {
  confirmComplaint,
  fileComplaint,
  getFilingOptions,
  getMyComplaint,
  listMyComplaints,
  rateComplaint,
  reopenMyComplaint,
  respondToComplaint,
} from './complaints.service';

// The retailer's cases. Files travel only through the app's own upload routes, which call these procedures
// in-process: over HTTP the bytes of an attachment cannot be named, so a JSON client cannot upload.
export const complaintsPortalRouter = router({
  options: retailerProcedure.query(({ ctx }) => getFilingOptions(ctx)),
  file: retailerProcedure.input(ZFileComplaintInput).mutation(({ ctx, input }) => fileComplaint(ctx, input)),
  list: retailerProcedure.input(ZMyComplaintsInput).query(({ ctx, input }) => listMyComplaints(ctx, input)),
  get: retailerProcedure.input(ZCaseIdInput).query(({ ctx, input }) => getMyComplaint(ctx, input)),
  respond: retailerProcedure.input(ZRespondInput).mutation(({ ctx, input }) => respondToComplaint(ctx, input)),
  confirm: retailerProcedure.input(ZRatingFields).mutation(({ ctx, input }) => confirmComplaint(ctx, input)),
  rate: retailerProcedure.input(ZRatingFields).mutation(({ ctx, input }) => rateComplaint(ctx, input)),
  reopen: retailerProcedure.input(ZReopenInput).mutation(({ ctx, input }) => reopenMyComplaint(ctx, input)),
});
