import { parseCsv, toCsvLine } from '../admin/retailer-import.rules';
import { validateBands, type LimitBand } from './allocation.rules';

// CSV import and export of an allocation policy's limits (domain.md §4), with no I/O: the service supplies
// the product codes it knows. One row per product and grade band:
//   product_code,grade_from,grade_to,limit
// Every row is checked and every error reported with its line, so the author fixes the file once; the
// import changes nothing unless every row is valid.

export const LIMIT_CSV_HEADER = ['product_code', 'grade_from', 'grade_to', 'limit'] as const;
type Column = (typeof LIMIT_CSV_HEADER)[number];

// Header names people use in the spreadsheets they already keep.
const ALIASES: Record<Column, string[]> = {
  product_code: ['product_code', 'code', 'productcode', '规格编码', '卷烟编码', '商品编码', '编码'],
  grade_from: ['grade_from', 'from', '起始档位', '档位起', '开始档位'],
  grade_to: ['grade_to', 'to', '截止档位', '档位止', '结束档位'],
  limit: ['limit', 'limit_quantity', 'quantity', '限量', '限量（条）', '限量(条)'],
};

export type CsvLimitErrorCode =
  'MISSING_COLUMNS' | 'NO_ROWS' | 'UNKNOWN_PRODUCT' | 'BAD_BAND' | 'NEGATIVE_LIMIT' | 'BAD_NUMBER' | 'BAND_OVERLAP';

/** `line` is the file's line number (the header is line 1); `otherLine` names the row an overlap collides with. */
export type CsvLimitError = { line: number; code: CsvLimitErrorCode; value?: string; otherLine?: number };

export type CsvLimitRow = LimitBand & { line: number; productCode: string };

export type CsvLimitReport = { rows: CsvLimitRow[]; errors: CsvLimitError[] };

const normalise = (cell: string) => cell.trim().toLowerCase().replace(/\s+/g, '');

function columnsOf(header: readonly string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  header.forEach((cell, index) => {
    const name = normalise(cell);
    for (const column of LIMIT_CSV_HEADER) if (out[column] === undefined && ALIASES[column].includes(name)) out[column] = index;
  });
  return out;
}

/** A whole number written plainly (no decimals, no exponent); null otherwise. */
function wholeNumber(text: string): number | null {
  const value = text.trim();
  return /^-?\d{1,7}$/.test(value) ? Number(value) : null;
}

/**
 * Validates a limits CSV against the known product codes. Returns the rows (with product ids) and every
 * error; the caller writes the rows only when `errors` is empty.
 */
export function validateLimitCsv(text: string, productIdByCode: ReadonlyMap<string, number>): CsvLimitReport {
  const table = parseCsv(text);
  const header = table[0];
  if (!header) return { rows: [], errors: [{ line: 1, code: 'NO_ROWS' }] };
  const columns = columnsOf(header);
  const missing = LIMIT_CSV_HEADER.filter((column) => columns[column] === undefined);
  if (missing.length > 0) return { rows: [], errors: [{ line: 1, code: 'MISSING_COLUMNS', value: missing.join(', ') }] };
  if (table.length < 2) return { rows: [], errors: [{ line: 2, code: 'NO_ROWS' }] };

  const errors: CsvLimitError[] = [];
  const rows: CsvLimitRow[] = [];
  table.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const cell = (column: Column) => (cells[columns[column]!] ?? '').trim();
    const code = cell('product_code');
    const productId = productIdByCode.get(code);
    let ok = true;
    if (productId === undefined) {
      errors.push({ line, code: 'UNKNOWN_PRODUCT', value: code });
      ok = false;
    }
    const from = wholeNumber(cell('grade_from'));
    const to = wholeNumber(cell('grade_to'));
    if (from === null || to === null) {
      errors.push({ line, code: 'BAD_BAND', value: `${cell('grade_from')}–${cell('grade_to')}` });
      ok = false;
    }
    const limitText = cell('limit');
    const limit = wholeNumber(limitText);
    if (limit === null) {
      errors.push({ line, code: 'BAD_NUMBER', value: limitText });
      ok = false;
    } else if (limit < 0) {
      errors.push({ line, code: 'NEGATIVE_LIMIT', value: limitText });
      ok = false;
    }
    if (from !== null && to !== null) {
      // Grade range and order, by the same rule as the grid editor.
      const [bandError] = validateBands([{ productId: 0, gradeFrom: from, gradeTo: to, limitQuantity: 0 }]);
      if (bandError) {
        errors.push({ line, code: 'BAD_BAND', value: `${from}–${to}` });
        ok = false;
      }
    }
    if (ok) rows.push({ line, productCode: code, productId: productId!, gradeFrom: from!, gradeTo: to!, limitQuantity: limit! });
  });

  // Overlapping bands of one product, among the rows that are otherwise valid.
  for (const error of validateBands(rows)) {
    if (error.code === 'BAND_OVERLAP')
      errors.push({
        line: rows[error.row]!.line,
        code: 'BAND_OVERLAP',
        otherLine: rows[error.otherRow!]!.line,
        value: rows[error.row]!.productCode,
      });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

/** A policy's limits as CSV, in the import's own format (so an export can be edited and imported back). */
export function limitsToCsv(rows: readonly { productCode: string; gradeFrom: number; gradeTo: number; limitQuantity: number }[]): string {
  return (
    [toCsvLine([...LIMIT_CSV_HEADER]), ...rows.map((r) => toCsvLine([r.productCode, r.gradeFrom, r.gradeTo, r.limitQuantity]))].join(
      '\r\n',
    ) + '\r\n'
  );
}
