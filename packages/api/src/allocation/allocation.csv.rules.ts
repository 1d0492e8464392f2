import { toCsvLine } from '../admin/retailer-import.rules';

// A policy's limits as CSV, in the format the allocation import reads (imports/imports.allocation.ts), so an
// export can be edited in a spreadsheet and imported back.

export const LIMIT_CSV_HEADER = ['product_code', 'grade_from', 'grade_to', 'limit'] as const;

/** A policy's limits as CSV, in the import's own format (so an export can be edited and imported back). */
export function limitsToCsv(rows: readonly { productCode: string; gradeFrom: number; gradeTo: number; limitQuantity: number }[]): string {
  return (
    [toCsvLine([...LIMIT_CSV_HEADER]), ...rows.map((r) => toCsvLine([r.productCode, r.gradeFrom, r.gradeTo, r.limitQuantity]))].join(
      '\r\n',
    ) + '\r\n'
  );
}
