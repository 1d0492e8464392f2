import type { DbTx } from '@tobacco/db/client';
import { Prisma } from '@tobacco/db/client';
import { z } from 'zod';
import type { StaffActor } from '../actor';
import { validateBands } from '../allocation/allocation.rules';
import { editablePolicy, replaceLimits } from '../allocation/allocation.staff.service';
import { ZId } from '../common/ids';
import { flagRowList, flagRows, stagedRows, type ImportKindSpec, type ImportRunRef } from './imports.kind';
import { codeCell, wholeCell, type ReportError } from './imports.rules';

// An allocation policy's limits (投放限量) from a spreadsheet, one row per product and grade band, into a
// draft version: the file replaces the version's limits, by the same band rules as the grid editor.

export const LIMIT_COLUMNS = [
  { field: 'productCode', names: ['规格编码', '卷烟编码', '商品编码', '编码', 'product_code', 'code'], required: true },
  { field: 'gradeFrom', names: ['起始档位', '档位起', '开始档位', 'grade_from', 'from'], required: true },
  { field: 'gradeTo', names: ['截止档位', '档位止', '结束档位', 'grade_to', 'to'], required: true },
  { field: 'limitQuantity', names: ['限量(条)', '限量', 'limit', 'limit_quantity', 'quantity'], required: true },
] as const;

const ZLimitRow = z.object({
  productCode: codeCell,
  gradeFrom: wholeCell(1, 30),
  gradeTo: wholeCell(1, 30),
  limitQuantity: wholeCell(0, 1_000_000),
});
type LimitRow = z.output<typeof ZLimitRow> & { line: number };

const BAND_CODES = {
  GRADE_OUT_OF_RANGE: 'imports.error.gradeRange',
  GRADE_FROM_AFTER_TO: 'imports.error.gradeOrder',
  LIMIT_INVALID: 'imports.error.negative',
  BAND_OVERLAP: 'imports.error.bandOverlap',
} as const;

/** Band errors among rows of known products (grades in order, no two bands of a product overlapping). */
export function bandErrors(rows: readonly (LimitRow & { productId: number })[]): ReportError[] {
  return validateBands(rows).map((e) => {
    const row = rows[e.row]!;
    const other = e.otherRow === undefined ? undefined : rows[e.otherRow];
    return {
      line: row.line,
      column: e.code === 'LIMIT_INVALID' ? 'limitQuantity' : 'gradeFrom',
      code: BAND_CODES[e.code],
      value: other ? `${row.productCode} ↔ ${other.line}` : `${row.gradeFrom}–${row.gradeTo}`,
    };
  });
}

async function withProducts(tx: DbTx, runId: number) {
  const rows = await stagedRows<LimitRow>(tx, runId);
  const products = await tx.product.findMany({
    where: { code: { in: [...new Set(rows.map((r) => r.productCode))] } },
    select: { id: true, code: true },
  });
  const idOf = new Map(products.map((p) => [p.code, p.id]));
  return rows.map((r) => ({ ...r, productId: idOf.get(r.productCode) }));
}

async function verify(tx: DbTx, run: ImportRunRef): Promise<number> {
  const unknown = await flagRows(
    tx,
    run.id,
    Prisma.sql`SELECT s.line, 'productCode' AS "column", 'imports.error.unknownProduct' AS code, s.data->>'productCode' AS value
      FROM "ImportStagedRow" s WHERE s."runId" = ${run.id} AND s.valid AND NOT EXISTS (SELECT 1 FROM "Product" p WHERE p.code = s.data->>'productCode')`,
  );
  const rows = (await withProducts(tx, run.id)).filter((r): r is LimitRow & { productId: number } => r.productId !== undefined);
  return unknown + (await flagRowList(tx, run.id, bandErrors(rows)));
}

async function apply(tx: DbTx, run: ImportRunRef, actor: StaffActor) {
  const policy = await editablePolicy(tx, Number(run.options.policyId));
  const rows = (await withProducts(tx, run.id)).map((r) => ({
    productId: r.productId!,
    gradeFrom: r.gradeFrom,
    gradeTo: r.gradeTo,
    limitQuantity: r.limitQuantity,
  }));
  const result = await replaceLimits(tx, actor, policy, rows, 'allocationPolicy.import');
  return { applied: result.rows, summary: { rows: result.rows, changed: result.changed } };
}

export const ALLOCATION_IMPORT: ImportKindSpec = {
  kind: 'ALLOCATION',
  permission: 'allocation.draft',
  columns: LIMIT_COLUMNS,
  row: ZLimitRow,
  maxRows: 20_000,
  partial: false,
  options: {
    schema: z.object({ policyId: ZId }),
    // Only a version still being drafted takes a file; checked again when it is applied.
    check: async (tx, options) => {
      await editablePolicy(tx, Number(options.policyId));
    },
  },
  verify,
  apply,
};
