import { requirePermission, router } from '../trpc/init';
import { ZRetailerReportInput } from './business-report.schema';
import { getRetailerReport } from './business-report.service';

// The shop's monthly report as its account manager sees it (scope: retailerScope in the service).
export const reportBackofficeRouter = router({
  forRetailer: requirePermission('retailers.read')
    .input(ZRetailerReportInput)
    .query(({ ctx, input }) => getRetailerReport(ctx, input)),
});
