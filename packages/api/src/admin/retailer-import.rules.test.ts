import { describe, expect, it } from 'vitest';
import {
  CSV_HEADERS,
  IMPORT_FIELDS,
  mapHeader,
  parseCsv,
  toCsvLine,
  validateImportRows,
  type ImportLookups,
} from './retailer-import.rules';

describe('parseCsv and toCsvLine', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM, and skips blank lines', () => {
    const text = '\uFEFFa,b,c\r\n"1,2","say ""hi""",x\r\n\r\n"multi\nline",,z\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1,2', 'say "hi"', 'x'],
      ['multi\nline', '', 'z'],
    ]);
  });

  it('round-trips what it writes, and defuses spreadsheet formulas', () => {
    const cells = ['plain', 'with,comma', 'with "quote"', 'line\nbreak', null, 42];
    expect(parseCsv(toCsvLine(cells))).toEqual([['plain', 'with,comma', 'with "quote"', 'line\nbreak', '', '42']]);
    expect(toCsvLine(['=HYPERLINK("x")', '+1', '-2', '@a'])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@a`);
  });
});

const header = IMPORT_FIELDS.map((f) => CSV_HEADERS[f]);
const lookups: ImportLookups = {
  districts: new Map([
    ['D01', 1],
    ['上城区', 1],
  ]),
  managers: new Map([['am01', 7]]),
  existingLicences: new Set(['330100000001']),
};
// licenceNo, shopName, ownerName, contactName, phone, address, district, market, businessForm, sizeClass, shopAreaM2, orderWeekday, integrityLevel, accountManager
const row = (overrides: Partial<Record<(typeof IMPORT_FIELDS)[number], string>> = {}) => {
  const base: Record<(typeof IMPORT_FIELDS)[number], string> = {
    licenceNo: '330100009001',
    shopName: '新开便利店',
    ownerName: '张三',
    contactName: '',
    phone: '13800000001',
    address: '解放路 1 号',
    district: '上城区',
    market: '城镇',
    businessForm: '便利店',
    sizeClass: '中',
    shopAreaM2: '60',
    orderWeekday: '星期三',
    integrityLevel: 'AA',
    accountManager: 'am01',
  };
  return IMPORT_FIELDS.map((f) => overrides[f] ?? base[f]);
};

describe('validateImportRows', () => {
  it('turns a good row into a record, accepting names or codes', () => {
    const { valid, errors } = validateImportRows(
      header,
      [
        row(),
        row({
          licenceNo: '330100009002',
          district: 'D01',
          market: 'x',
          businessForm: 'Z',
          sizeClass: '3',
          orderWeekday: '5',
          accountManager: '',
          integrityLevel: '',
          shopAreaM2: '',
        }),
      ],
      lookups,
    );
    expect(errors).toEqual([]);
    expect(valid[0]).toMatchObject({
      line: 2,
      licenceNo: '330100009001',
      districtId: 1,
      market: 'C',
      businessForm: 'B',
      sizeClass: 2,
      orderWeekday: 3,
      integrityLevel: 'AA',
      accountManagerId: 7,
      shopAreaM2: 60,
      contactName: null,
    });
    expect(valid[1]).toMatchObject({
      line: 3,
      market: 'X',
      businessForm: 'Z',
      sizeClass: 3,
      orderWeekday: 5,
      integrityLevel: 'A',
      accountManagerId: null,
      shopAreaM2: null,
    });
  });

  it('reports every problem with its line: bad licence, unknown district, duplicates in the file and in the database', () => {
    const { valid, errors } = validateImportRows(
      header,
      [
        row({ licenceNo: '12345' }),
        row({ district: '火星区' }),
        row({ licenceNo: '330100000001' }),
        row({ licenceNo: '330100009005' }),
        row({ licenceNo: '330100009005', phone: '123' }),
      ],
      lookups,
    );
    expect(valid.map((r) => r.line)).toEqual([5]);
    expect(errors).toEqual([
      { line: 2, field: 'licenceNo', code: 'licenceNo', value: '12345' },
      { line: 3, field: 'district', code: 'unknownDistrict', value: '火星区' },
      { line: 4, field: 'licenceNo', code: 'duplicateExisting', value: '330100000001' },
      { line: 6, field: 'licenceNo', code: 'duplicateInFile', value: '330100009005' },
      { line: 6, field: 'phone', code: 'phone', value: '123' },
    ]);
  });

  it('reports empty required values, unknown codes and an unknown account manager', () => {
    const { errors } = validateImportRows(
      header,
      [
        row({
          shopName: '',
          market: '海外',
          sizeClass: '4',
          orderWeekday: '8',
          integrityLevel: 'E',
          accountManager: 'nobody',
          shopAreaM2: '-3',
        }),
      ],
      lookups,
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['shopName', 'required'],
      ['market', 'market'],
      ['sizeClass', 'sizeClass'],
      ['orderWeekday', 'orderWeekday'],
      ['integrityLevel', 'integrityLevel'],
      ['shopAreaM2', 'shopArea'],
      ['accountManager', 'unknownManager'],
    ]);
  });

  it('refuses a file without the required columns, naming them', () => {
    const { valid, errors } = validateImportRows(['许可证号', '店名'], [['330100009001', '店']], lookups);
    expect(valid).toEqual([]);
    expect(errors.every((e) => e.line === 1 && e.code === 'missingColumn')).toBe(true);
    expect(errors.map((e) => e.field)).toContain('district');
  });

  it('accepts the field names as headers too, in any order', () => {
    expect(mapHeader(['phone', 'licenceNo']).map).toEqual({ phone: 0, licenceNo: 1 });
  });
});
