import { requirePermission, router } from '../trpc/init';
import { ZListDeliveriesInput } from './channels.log.schema';
import { listDeliveries } from './channels.log.service';

// The delivery log of SMS and WeChat messages: operations, beside the job queue (ADMIN).
export const channelsBackofficeRouter = router({
  deliveries: requirePermission('admin.jobs')
    .input(ZListDeliveriesInput)
    .query(({ ctx, input }) => listDeliveries(ctx, input)),
});
