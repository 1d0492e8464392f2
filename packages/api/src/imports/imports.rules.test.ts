import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { hasPermission, STAFF_ROLES } from '@tobacco/auth/permissions';
import { bandErrors } from './imports.allocation';
import { IMPORT_KINDS } from './imports.kinds';
import { detectFormat, peek, readRows, type FileRow } from './imports.read';
import {
  chinaDateTimeCell,
  choiceCell,
  dateCell,
  issuesToErrors,
  mapColumns,
  rowFields,
  wholeCell,
  YES_NO,
  yuanCell,
} from './imports.rules';

async function* pieces(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
async function rowsOf(bytes: Uint8Array): Promise<FileRow[]> {
  const { head, source } = await peek(pieces(bytes), 64 * 1024);
  const format = detectFormat(head);
  if (!format) throw new Error('not readable');
  const out: FileRow[] = [];
  for await (const row of readRows(source, format)) out.push(row);
  return out;
}

describe('detectFormat', () => {
  const text = '许可证号,店名\r\n330100000001,西湖便利店\r\n';
  it('tells UTF-8 (with or without a BOM), GB18030, UTF-16 and .xlsx apart', () => {
    expect(detectFormat(new TextEncoder().encode(text))).toBe('utf-8');
    expect(detectFormat(new TextEncoder().encode(`\uFEFF${text}`))).toBe('utf-8');
    expect(detectFormat(iconv.encode(text, 'gb18030'))).toBe('gb18030');
    expect(detectFormat(iconv.encode(text, 'utf-16le', { addBOM: true }))).toBe('utf-16le');
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('xlsx');
    expect(detectFormat(new TextEncoder().encode('code,limit\n1,2\n'))).toBe('utf-8');
  });
  it('refuses binary files (an old .xls, an image)', () => {
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBeNull();
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toBeNull();
  });
});

describe('readRows', () => {
  it('reads GB18030 CSV across piece boundaries, with quoted commas and line numbers as a spreadsheet counts them', async () => {
    const csv = '许可证号,店名\r\n330100000001,"西湖,便利店"\r\n\r\n330100000002,黄鹤楼烟酒\r\n';
    const rows = await rowsOf(iconv.encode(csv, 'gb18030'));
    expect(rows).toEqual([
      { line: 1, cells: ['许可证号', '店名'] },
      { line: 2, cells: ['330100000001', '西湖,便利店'] },
      { line: 4, cells: ['330100000002', '黄鹤楼烟酒'] },
    ]);
  });
  it('drops a UTF-8 BOM and reads UTF-16 text', async () => {
    expect((await rowsOf(new TextEncoder().encode('\uFEFFa,b\n1,2')))[0]).toEqual({ line: 1, cells: ['a', 'b'] });
    expect(await rowsOf(iconv.encode('名称\n中华', 'utf-16le', { addBOM: true }))).toEqual([
      { line: 1, cells: ['名称'] },
      { line: 2, cells: ['中华'] },
    ]);
  });
  it('names the line of malformed CSV', async () => {
    await expect(rowsOf(new TextEncoder().encode('a,b\n"open,1\n'))).rejects.toMatchObject({ messageKey: 'imports.reject.csv' });
  });
});

describe('columns and cells', () => {
  const columns = [
    { field: 'quantity', names: ['数量(条)', 'quantity'], required: true },
    { field: 'note', names: ['备注'], required: false },
    { field: 'code', names: ['卷烟编码'], required: true },
  ];
  it('finds columns by any of their names, full-width brackets and spaces ignored, and names the missing ones', () => {
    expect(mapColumns(columns, [' 数量（条） ', '卷烟编码']).at).toEqual(
      new Map([
        ['quantity', 0],
        ['code', 1],
      ]),
    );
    expect(mapColumns(columns, ['QUANTITY']).missing.map((c) => c.field)).toEqual(['code']);
    expect(rowFields(columns, new Map([['quantity', 1]]), [' x ', ' 5 '])).toEqual({ quantity: '5', note: '', code: '' });
  });
  it('reads whole numbers and names what is wrong with the others', () => {
    const q = wholeCell(1, 100);
    expect(q.parse('1,0')).toBe(10);
    for (const [text, key] of [
      ['2.5', 'imports.error.whole'],
      ['-1', 'imports.error.positive'],
      ['abc', 'imports.error.number'],
      ['101', 'imports.error.tooLarge'],
      ['', 'imports.error.required'],
    ])
      expect(q.safeParse(text).error?.issues[0]?.message).toBe(key);
    expect(wholeCell(0, 5).safeParse('-1').error?.issues[0]?.message).toBe('imports.error.negative');
  });
  it('reads yuan to whole fen without floating-point error', () => {
    expect(yuanCell.parse('¥1,250.5')).toBe(125_050);
    expect(yuanCell.parse('0.07')).toBe(7);
    expect(yuanCell.safeParse('1.234').error?.issues[0]?.message).toBe('imports.error.money');
    expect(yuanCell.safeParse('-3').error?.issues[0]?.message).toBe('imports.error.negative');
  });
  it('reads China times and dates, refusing days that do not exist', () => {
    expect(chinaDateTimeCell.parse('2026-12-09 09:30')).toBe('2026-12-09T01:30:00.000Z');
    expect(chinaDateTimeCell.parse('2026/12/9 0:05:09')).toBe('2026-12-08T16:05:09.000Z');
    expect(chinaDateTimeCell.parse('2026-12-09T09:30:00+08:00')).toBe('2026-12-09T01:30:00.000Z');
    expect(chinaDateTimeCell.safeParse('2026-02-30 10:00').success).toBe(false);
    expect(chinaDateTimeCell.safeParse('2026-12-09 24:00').success).toBe(false);
    expect(dateCell.parse('2026/3/1')).toBe('2026-03-01');
    expect(dateCell.safeParse('2026-13-01').success).toBe(false);
  });
  it('reads choices by any of their names, with a default for an empty cell', () => {
    const scarce = choiceCell(YES_NO, false);
    expect([scarce.parse('是'), scarce.parse('N'), scarce.parse('')]).toEqual([true, false, false]);
    expect(scarce.safeParse('也许').error?.issues[0]?.message).toBe('imports.error.choice');
  });
  it('turns a row’s issues into one report line per column, with the cell’s text', () => {
    const fields = {
      licenceNo: '1',
      orderNo: 'A',
      orderedAt: '2026-12-09',
      productCode: '',
      quantity: 'x',
      unitPriceFen: '1',
      status: '',
      channel: '',
    };
    const result = IMPORT_KINDS.ORDERS.row.safeParse(fields);
    expect(issuesToErrors(7, fields, result.error!.issues)).toEqual([
      { line: 7, column: 'licenceNo', code: 'imports.error.licence', value: '1' },
      { line: 7, column: 'productCode', code: 'imports.error.required', value: '' },
      { line: 7, column: 'quantity', code: 'imports.error.number', value: 'x' },
    ]);
  });
});

describe('allocation bands', () => {
  const row = (line: number, productId: number, gradeFrom: number, gradeTo: number) => ({
    line,
    productId,
    productCode: `P${productId}`,
    gradeFrom,
    gradeTo,
    limitQuantity: 1,
  });
  it('reports overlaps with the other row’s line, and grades out of order', () => {
    expect(bandErrors([row(2, 1, 1, 10), row(3, 1, 10, 20), row(4, 2, 5, 1), row(5, 2, 1, 30)])).toEqual([
      { line: 3, column: 'gradeFrom', code: 'imports.error.bandOverlap', value: 'P1 ↔ 2' },
      { line: 4, column: 'gradeFrom', code: 'imports.error.gradeOrder', value: '5–1' },
    ]);
  });
});

describe('who may import', () => {
  it('opens the import screens to exactly the roles that may import at least one kind', () => {
    for (const role of STAFF_ROLES) {
      const anyKind = Object.values(IMPORT_KINDS).some((spec) => hasPermission([role], spec.permission));
      expect([role, hasPermission([role], 'imports.use')]).toEqual([role, anyKind]);
    }
  });
});
