import { z } from 'zod';
import { ZId } from '../common/ids';

// Inputs of the import screens. The file itself arrives through the upload route (imports.service.ts).

/** The largest file an import takes: a year of a city's order lines in CSV is well under it. */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;
export const IMPORT_PAGE_SIZE = 50;

export const IMPORT_KIND_NAMES = ['ORDERS', 'PRODUCTS', 'RETAILERS', 'INTEGRITY', 'ALLOCATION'] as const;
const page = z.number().int().min(1).max(100_000).default(1);

export const ZUploadImportInput = z.object({
  kind: z.enum(IMPORT_KIND_NAMES),
  fileName: z.string().trim().min(1, 'imports.errors.fileName').max(200, 'imports.errors.fileName'),
  options: z.record(z.string(), z.unknown()).default({}),
});

export const ZImportIdInput = z.object({ id: ZId });
export type TImportIdInput = z.output<typeof ZImportIdInput>;

export const ZApplyImportInput = z.object({ id: ZId, validOnly: z.boolean().default(false) });
export type TApplyImportInput = z.output<typeof ZApplyImportInput>;

export const ZListImportsInput = z.object({ kind: z.enum(IMPORT_KIND_NAMES).optional(), page });
export type TListImportsInput = z.output<typeof ZListImportsInput>;

export const ZListImportErrorsInput = z.object({ id: ZId, page });
export type TListImportErrorsInput = z.output<typeof ZListImportErrorsInput>;
