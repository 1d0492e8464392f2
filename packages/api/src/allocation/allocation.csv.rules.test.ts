import { describe, expect, it } from 'vitest';
import { limitsToCsv } from './allocation.csv.rules';

describe('limitsToCsv', () => {
  it('writes the allocation import’s own columns, so an export can be edited and imported back', () => {
    const csv = limitsToCsv([
      { productCode: '6901028001', gradeFrom: 1, gradeTo: 30, limitQuantity: 6 },
      { productCode: '=cmd', gradeFrom: 2, gradeTo: 3, limitQuantity: 0 },
    ]);
    expect(csv).toBe("product_code,grade_from,grade_to,limit\r\n6901028001,1,30,6\r\n'=cmd,2,3,0\r\n");
  });
});
