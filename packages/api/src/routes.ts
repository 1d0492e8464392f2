import { z } from 'zod';
import { LOCALES } from '@tobacco/i18n/locale';
import { exportRetailers } from './admin/retailer-export';
import { ZRetailerFilter } from './admin/retailer-accounts.schema';
import { readMyAttachment } from './complaints/complaints.retailer.service';
import { readCaseAttachment } from './complaints/complaints.staff.service';
import { exportRows } from './surveys/surveys.export';
import { ZExportInput } from './surveys/surveys.schema';
import { createCallerFactory, requirePermission, retailerProcedure, router } from './trpc/init';
import { ZId } from './common/ids';
import { getVisitPhoto } from './visits/visits.service';
import { exportRun } from './grading/grading.export';
import { exportRankings } from './rankings/rankings.export';
import { ZListRankingsInput } from './rankings/rankings.schema';
import { exportMyReport } from './analytics/business-report.export';
import { ZMyReportInput } from './analytics/business-report.schema';
import { exportPareto } from './products/products.export';
import { ZParetoInput } from './products/products.schema';
import { exportDemand } from './products/forecast.export';
import { ZDemandExportInput } from './products/forecast.schema';
import { exportImportReport, uploadImport } from './imports/imports.service';
import { ZImportIdInput, ZUploadImportInput } from './imports/imports.schema';

// Downloads and exports answer with bytes or a stream, which JSON cannot carry, so an app serves them from a
// route handler. These procedures are what such a handler calls in-process: the same builders (session,
// role, temporary password, permission), the same zod validation and the same scoped services as every
// other procedure. They are not mounted on the tRPC endpoint.

const ZAttachmentInput = z.object({ id: ZId });

export const portalRoutesRouter = router({
  complaintAttachment: retailerProcedure.input(ZAttachmentInput).query(({ ctx, input }) => readMyAttachment(ctx, input)),
  reportExport: retailerProcedure
    .input(ZMyReportInput.extend({ locale: z.enum(LOCALES) }))
    .query(({ ctx, input }) => exportMyReport(ctx, input)),
});

export const backofficeRoutesRouter = router({
  complaintAttachment: requirePermission('complaints.read')
    .input(ZAttachmentInput)
    .query(({ ctx, input }) => readCaseAttachment(ctx, input)),
  // A photo from a visit, for staff who may see the shop (an account manager: their own shops').
  visitPhoto: requirePermission('retailers.read')
    .input(ZAttachmentInput)
    .query(({ ctx, input }) => getVisitPhoto(ctx, input)),
  surveyExport: requirePermission('analytics.read')
    .input(ZExportInput.extend({ locale: z.enum(LOCALES) }))
    .query(({ ctx, input: { locale, ...input } }) => exportRows(ctx, input, locale)),
  retailerExport: requirePermission('retailers.manage')
    .input(ZRetailerFilter.extend({ format: z.enum(['csv', 'xlsx']) }))
    .query(({ ctx, input: { format, ...filter } }) => exportRetailers(ctx, filter, format)),
  gradingRunExport: requirePermission('grading.review')
    .input(z.object({ id: ZId, format: z.enum(['csv', 'xlsx']), locale: z.enum(LOCALES) }))
    .query(({ ctx, input }) => exportRun(ctx, input)),
  rankingsExport: requirePermission('rankings.read')
    .input(ZListRankingsInput.omit({ page: true }).extend({ format: z.enum(['csv', 'xlsx']), locale: z.enum(LOCALES) }))
    .query(({ ctx, input }) => exportRankings(ctx, input)),
  // A file to import, as the request body's stream (stored in pieces as it arrives, never whole in memory).
  importUpload: requirePermission('imports.use')
    .input(
      ZUploadImportInput.extend({
        body: z.custom<AsyncIterable<Uint8Array>>(
          (value) => typeof value === 'object' && value !== null && Symbol.asyncIterator in value,
          'errors.VALIDATION',
        ),
      }),
    )
    .mutation(({ ctx, input }) => uploadImport(ctx, input)),
  importReport: requirePermission('imports.use')
    .input(ZImportIdInput.extend({ locale: z.enum(LOCALES) }))
    .query(({ ctx, input }) => exportImportReport(ctx, input)),
  productsParetoExport: requirePermission('products.read')
    .input(ZParetoInput.extend({ format: z.enum(['csv', 'xlsx']), locale: z.enum(LOCALES) }))
    .query(({ ctx, input }) => exportPareto(ctx, input)),
  productsDemandExport: requirePermission('products.read')
    .input(ZDemandExportInput.extend({ format: z.enum(['csv', 'xlsx']), locale: z.enum(LOCALES) }))
    .query(({ ctx, input }) => exportDemand(ctx, input)),
});

export const createPortalRoutesCaller = createCallerFactory(portalRoutesRouter);
export const createBackofficeRoutesCaller = createCallerFactory(backofficeRoutesRouter);
