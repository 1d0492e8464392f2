import { describe, expect, it } from 'vitest';
import { limitsToCsv, validateLimitCsv } from './allocation.csv.rules';

const products = new Map([
  ['6901028001', 1],
  ['6901028002', 2],
]);

describe('validateLimitCsv', () => {
  it('reads valid rows with the product ids, in English or Chinese headers, any column order', () => {
    const report = validateLimitCsv(
      '限量,规格编码,起始档位,截止档位\r\n5,6901028001,1,10\r\n8,6901028001,11,30\r\n3,6901028002,1,30\r\n',
      products,
    );
    expect(report.errors).toEqual([]);
    expect(report.rows).toEqual([
      { line: 2, productCode: '6901028001', productId: 1, gradeFrom: 1, gradeTo: 10, limitQuantity: 5 },
      { line: 3, productCode: '6901028001', productId: 1, gradeFrom: 11, gradeTo: 30, limitQuantity: 8 },
      { line: 4, productCode: '6901028002', productId: 2, gradeFrom: 1, gradeTo: 30, limitQuantity: 3 },
    ]);
  });

  it('reports every bad row with its line: unknown product, bad band, negative or non-numeric limit, overlap', () => {
    const csv = [
      'product_code,grade_from,grade_to,limit',
      '6901028001,1,10,5',
      'NOPE,1,10,5',
      '6901028002,0,10,5',
      '6901028002,12,11,5',
      '6901028002,1,10,-1',
      '6901028002,1,10,2.5',
      '6901028001,10,20,4',
      '6901028002,a,10,3',
    ].join('\n');
    const { errors } = validateLimitCsv(csv, products);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'UNKNOWN_PRODUCT'],
      [4, 'BAD_BAND'],
      [5, 'BAD_BAND'],
      [6, 'NEGATIVE_LIMIT'],
      [7, 'BAD_NUMBER'],
      [8, 'BAND_OVERLAP'],
      [9, 'BAD_BAND'],
    ]);
    expect(errors.find((e) => e.code === 'BAND_OVERLAP')).toMatchObject({ otherLine: 2, value: '6901028001' });
  });

  it('reports a row with several problems once per problem', () => {
    const { errors, rows } = validateLimitCsv('product_code,grade_from,grade_to,limit\nNOPE,31,1,-5', products);
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.code)).toEqual(['UNKNOWN_PRODUCT', 'NEGATIVE_LIMIT', 'BAD_BAND']);
  });

  it('refuses a file without the columns or without rows', () => {
    expect(validateLimitCsv('code,limit\n6901028001,5', products).errors).toEqual([
      { line: 1, code: 'MISSING_COLUMNS', value: 'grade_from, grade_to' },
    ]);
    expect(validateLimitCsv('product_code,grade_from,grade_to,limit\n', products).errors).toEqual([{ line: 2, code: 'NO_ROWS' }]);
    expect(validateLimitCsv('', products).errors).toEqual([{ line: 1, code: 'NO_ROWS' }]);
  });

  it('round-trips an export', () => {
    const csv = limitsToCsv([{ productCode: '6901028001', gradeFrom: 1, gradeTo: 30, limitQuantity: 6 }]);
    expect(csv).toBe('product_code,grade_from,grade_to,limit\r\n6901028001,1,30,6\r\n');
    expect(validateLimitCsv(csv, products).rows).toEqual([
      { line: 2, productCode: '6901028001', productId: 1, gradeFrom: 1, gradeTo: 30, limitQuantity: 6 },
    ]);
  });
});
