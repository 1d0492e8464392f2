import { retailerProcedure, router } from '../trpc/init';
import {
  ZCaseIdInput,
  ZCaseIdOutput,
  ZFiledCaseOutput,
  ZFileComplaintInput,
  ZFilingOptionsOutput,
  ZMyComplaintOutput,
  ZMyComplaintsInput,
  ZMyComplaintsOutput,
  ZRatedOutput,
  ZRatingFields,
  ZReopenInput,
  ZRespondInput,
} from './complaints.schema';
import {
  confirmComplaint,
  fileComplaint,
  getFilingOptions,
  getMyComplaint,
  listMyComplaints,
  rateComplaint,
  reopenMyComplaint,
  respondToComplaint,
} from './complaints.retailer.service';

// The retailer's cases. Files travel only through the app's own upload routes, which call these procedures
// in-process: over HTTP the bytes of an attachment cannot be named, so a JSON client cannot upload.
export const complaintsPortalRouter = router({
  options: retailerProcedure.output(ZFilingOptionsOutput).query(({ ctx }) => getFilingOptions(ctx)),
  file: retailerProcedure
    .input(ZFileComplaintInput)
    .output(ZFiledCaseOutput)
    .mutation(({ ctx, input }) => fileComplaint(ctx, input)),
  list: retailerProcedure
    .input(ZMyComplaintsInput)
    .output(ZMyComplaintsOutput)
    .query(({ ctx, input }) => listMyComplaints(ctx, input)),
  get: retailerProcedure
    .input(ZCaseIdInput)
    .output(ZMyComplaintOutput)
    .query(({ ctx, input }) => getMyComplaint(ctx, input)),
  respond: retailerProcedure
    .input(ZRespondInput)
    .output(ZCaseIdOutput)
    .mutation(({ ctx, input }) => respondToComplaint(ctx, input)),
  confirm: retailerProcedure
    .input(ZRatingFields)
    .output(ZRatedOutput)
    .mutation(({ ctx, input }) => confirmComplaint(ctx, input)),
  rate: retailerProcedure
    .input(ZRatingFields)
    .output(ZRatedOutput)
    .mutation(({ ctx, input }) => rateComplaint(ctx, input)),
  reopen: retailerProcedure
    .input(ZReopenInput)
    .output(ZCaseIdOutput)
    .mutation(({ ctx, input }) => reopenMyComplaint(ctx, input)),
});
