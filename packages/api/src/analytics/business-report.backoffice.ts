import { requirePermission, router } from '../trpc/init';
import { ZRetailerReportInput } from './business-report.schema';
import { getRetailerReport } from './business-report.service';
import { ZRetailerAnalysisInput, ZSaveReportCommentInput } from './business-analysis.schema';
import { getRetailerAnalysis, saveReportComment } from './business-analysis.service';

// The shop's monthly report as its account manager sees it (scope: retailerScope in the service).
export const reportBackofficeRouter = router({
  forRetailer: requirePermission('retailers.read')
    .input(ZRetailerReportInput)
    .query(({ ctx, input }) => getRetailerReport(ctx, input)),
  // Trend, capability and peer bands of one shop, with the month's commentary (scope: retailerScope).
  analysis: requirePermission('reports.read')
    .input(ZRetailerAnalysisInput)
    .query(({ ctx, input }) => getRetailerAnalysis(ctx, input)),
  saveComment: requirePermission('reports.comment')
    .input(ZSaveReportCommentInput)
    .mutation(({ ctx, input }) => saveReportComment(ctx, input)),
});
