import { requirePermission, router } from '../trpc/init';
import { getOverview, getQueueFilterOptions, listQueue } from './complaints.queue';
import {
  ZCaseIdInput,
  ZFileByPhoneInput,
  ZFollowUpInput,
  ZLookupRetailerInput,
  ZNoteInput,
  ZOptionalTextInput,
  ZOverviewInput,
  ZQueueInput,
  ZReassignInput,
  ZStaffTextInput,
} from './complaints.schema';
import { listCategories } from './complaints.case';
import {
  addInternalNote,
  fileComplaintForRetailer,
  getAssignOptions,
  getCase,
  lookupRetailer,
  reassignComplaint,
  recordFollowUp,
  recordRetailerResponse,
  reopenComplaint,
  replyToComplaint,
  requestInformation,
  resolveComplaint,
  takeStep,
} from './complaints.staff.service';

const read = requirePermission('complaints.read');
const handle = requirePermission('complaints.handle');

export const complaintsBackofficeRouter = router({
  queue: read.input(ZQueueInput).query(({ ctx, input }) => listQueue(ctx, input)),
  filterOptions: read.query(({ ctx }) => getQueueFilterOptions(ctx)),
  get: read.input(ZCaseIdInput).query(({ ctx, input }) => getCase(ctx, input)),
  overview: read.input(ZOverviewInput).query(({ ctx, input }) => getOverview(ctx, input)),
  categories: read.query(({ ctx }) => listCategories(ctx)),
  assignOptions: requirePermission('complaints.reassign').query(({ ctx }) => getAssignOptions(ctx)),
  lookupRetailer: requirePermission('complaints.file')
    .input(ZLookupRetailerInput)
    .query(({ ctx, input }) => lookupRetailer(ctx, input)),
  fileForRetailer: requirePermission('complaints.file')
    .input(ZFileByPhoneInput)
    .mutation(({ ctx, input }) => fileComplaintForRetailer(ctx, input)),
  accept: handle.input(ZOptionalTextInput).mutation(({ ctx, input }) => takeStep(ctx, input, 'accept')),
  start: handle.input(ZOptionalTextInput).mutation(({ ctx, input }) => takeStep(ctx, input, 'start')),
  close: handle.input(ZOptionalTextInput).mutation(({ ctx, input }) => takeStep(ctx, input, 'close')),
  reply: handle.input(ZStaffTextInput).mutation(({ ctx, input }) => replyToComplaint(ctx, input)),
  note: requirePermission('complaints.read')
    .input(ZNoteInput)
    .mutation(({ ctx, input }) => addInternalNote(ctx, input)),
  requestInfo: handle.input(ZStaffTextInput).mutation(({ ctx, input }) => requestInformation(ctx, input)),
  recordResponse: handle.input(ZStaffTextInput).mutation(({ ctx, input }) => recordRetailerResponse(ctx, input)),
  resolve: handle.input(ZStaffTextInput).mutation(({ ctx, input }) => resolveComplaint(ctx, input)),
  reopen: handle.input(ZStaffTextInput).mutation(({ ctx, input }) => reopenComplaint(ctx, input)),
  followUp: requirePermission('complaints.followUp')
    .input(ZFollowUpInput)
    .mutation(({ ctx, input }) => recordFollowUp(ctx, input)),
  reassign: requirePermission('complaints.reassign')
    .input(ZReassignInput)
    .mutation(({ ctx, input }) => reassignComplaint(ctx, input)),
});
