import { requirePermission, router } from '../trpc/init';
import { ZApplyImportInput, ZImportIdInput, ZListImportErrorsInput, ZListImportsInput } from './imports.schema';
import { applyImport, discardImport, getImport, listImportErrors, listImports } from './imports.service';

// The import screens. The upload and the report download are route handlers (routes.ts): bytes, not JSON.
const importer = requirePermission('imports.use');

export const importsBackofficeRouter = router({
  list: importer.input(ZListImportsInput).query(({ ctx, input }) => listImports(ctx, input)),
  get: importer.input(ZImportIdInput).query(({ ctx, input }) => getImport(ctx, input)),
  errors: importer.input(ZListImportErrorsInput).query(({ ctx, input }) => listImportErrors(ctx, input)),
  confirm: importer.input(ZApplyImportInput).mutation(({ ctx, input }) => applyImport(ctx, input)),
  discard: importer.input(ZImportIdInput).mutation(({ ctx, input }) => discardImport(ctx, input)),
});
