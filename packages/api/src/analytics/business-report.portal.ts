import { retailerProcedure, router } from '../trpc/init';
import { ZMyReportInput, ZMyReportOutput } from './business-report.schema';
import { getMyReport } from './business-report.service';

export const reportPortalRouter = router({
  mine: retailerProcedure
    .input(ZMyReportInput)
    .output(ZMyReportOutput)
    .query(({ ctx, input }) => getMyReport(ctx, input)),
});
