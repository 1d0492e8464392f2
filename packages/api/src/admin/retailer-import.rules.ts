import { BUSINESS_FORMS, INTEGRITY_LEVELS, LICENCE_RE, MARKETS, PHONE_RE } from './retailer-accounts.schema';

// CSV import and export of retailer records: pure parsing and row-by-row validation. The service supplies
// what only the database knows (districts, account managers, licence numbers already taken).

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a leading BOM); blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

// A spreadsheet treats a cell starting with = + - @ as a formula; a leading apostrophe keeps it text.
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (without the line break), quoting where needed and defusing formulas. */
export function toCsvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells
    .map((cell) => {
      const text = neutralise(cell === null || cell === undefined ? '' : String(cell));
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

export const IMPORT_FIELDS = [
  'licenceNo',
  'shopName',
  'ownerName',
  'contactName',
  'phone',
  'address',
  'district',
  'market',
  'businessForm',
  'sizeClass',
  'shopAreaM2',
  'orderWeekday',
  'integrityLevel',
  'accountManager',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = [
  'licenceNo',
  'shopName',
  'ownerName',
  'phone',
  'address',
  'district',
  'market',
  'businessForm',
  'sizeClass',
  'orderWeekday',
];

/** The header the export writes (zh-CN, as staff know the terms); the import also accepts the field names. */
export const CSV_HEADERS: Record<ImportField, string> = {
  licenceNo: '许可证号',
  shopName: '店名',
  ownerName: '负责人',
  contactName: '联系人',
  phone: '电话',
  address: '地址',
  district: '区县',
  market: '市场',
  businessForm: '业态',
  sizeClass: '规模',
  shopAreaM2: '面积',
  orderWeekday: '订货日',
  integrityLevel: '诚信等级',
  accountManager: '客户经理',
};

export type HeaderMap = Partial<Record<ImportField, number>>;

export function mapHeader(header: readonly string[]): { map: HeaderMap; missing: ImportField[] } {
  const map: HeaderMap = {};
  header.forEach((raw, index) => {
    const name = raw.trim().replace(/^\uFEFF/, '');
    const field = IMPORT_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase() || CSV_HEADERS[f] === name);
    if (field && map[field] === undefined) map[field] = index;
  });
  return { map, missing: REQUIRED_IMPORT_FIELDS.filter((field) => map[field] === undefined) };
}

const MARKET_NAMES: Record<string, (typeof MARKETS)[number]> = { 城镇: 'C', 乡村: 'X' };
const FORM_NAMES: Record<string, (typeof BUSINESS_FORMS)[number]> = {
  食杂店: 'Z',
  便利店: 'B',
  超市: 'S',
  商场: 'N',
  烟酒商店: 'Y',
  娱乐服务类: 'F',
  其他: 'Q',
};
const SIZE_NAMES: Record<string, number> = { 大: 1, 中: 2, 小: 3 };
const WEEKDAY_NAMES: Record<string, number> = {
  星期一: 1,
  星期二: 2,
  星期三: 3,
  星期四: 4,
  星期五: 5,
  星期六: 6,
  星期日: 7,
  周一: 1,
  周二: 2,
  周三: 3,
  周四: 4,
  周五: 5,
  周六: 6,
  周日: 7,
};

export type ImportErrorCode =
  | 'missingColumn'
  | 'required'
  | 'licenceNo'
  | 'duplicateInFile'
  | 'duplicateExisting'
  | 'unknownDistrict'
  | 'unknownManager'
  | 'market'
  | 'businessForm'
  | 'sizeClass'
  | 'orderWeekday'
  | 'integrityLevel'
  | 'phone'
  | 'shopArea'
  | 'tooLong';

export type ImportError = { line: number; field: ImportField | null; code: ImportErrorCode; value?: string };

export type ImportRow = {
  line: number;
  licenceNo: string;
  shopName: string;
  ownerName: string;
  contactName: string | null;
  phone: string;
  address: string;
  districtId: number;
  market: (typeof MARKETS)[number];
  businessForm: (typeof BUSINESS_FORMS)[number];
  sizeClass: number;
  shopAreaM2: number | null;
  orderWeekday: number;
  integrityLevel: (typeof INTEGRITY_LEVELS)[number];
  accountManagerId: number | null;
};

export type ImportLookups = {
  /** By district code and by name (zh-CN), active districts only. */
  districts: ReadonlyMap<string, number>;
  /** By username, active account managers only. */
  managers: ReadonlyMap<string, number>;
  /** Licence numbers already in the database. */
  existingLicences: ReadonlySet<string>;
};

const MAX_LENGTH: Partial<Record<ImportField, number>> = { shopName: 60, ownerName: 30, contactName: 30, address: 120 };

/**
 * Checks every row and reports every problem with its line number (line 1 is the header). Rows are valid
 * only when the whole report is empty; the caller saves nothing otherwise.
 */
export function validateImportRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  lookups: ImportLookups,
  firstLine = 2,
): { valid: ImportRow[]; errors: ImportError[] } {
  const { map, missing } = mapHeader(header);
  if (missing.length > 0) return { valid: [], errors: missing.map((field) => ({ line: 1, field, code: 'missingColumn' as const })) };
  const valid: ImportRow[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, index) => {
    const line = firstLine + index;
    const get = (field: ImportField) => {
      const at = map[field];
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const rowErrors: ImportError[] = [];
    const fail = (field: ImportField, code: ImportErrorCode, value?: string) =>
      rowErrors.push({ line, field, code, ...(value ? { value } : {}) });

    for (const field of REQUIRED_IMPORT_FIELDS) if (get(field) === '') fail(field, 'required');
    for (const [field, max] of Object.entries(MAX_LENGTH) as [ImportField, number][]) if (get(field).length > max) fail(field, 'tooLong');

    const licenceNo = get('licenceNo');
    if (licenceNo && !LICENCE_RE.test(licenceNo)) fail('licenceNo', 'licenceNo', licenceNo);
    else if (licenceNo) {
      if (seen.has(licenceNo)) fail('licenceNo', 'duplicateInFile', licenceNo);
      else if (lookups.existingLicences.has(licenceNo)) fail('licenceNo', 'duplicateExisting', licenceNo);
      seen.set(licenceNo, line);
    }
    const phone = get('phone');
    if (phone && !PHONE_RE.test(phone)) fail('phone', 'phone', phone);

    const districtText = get('district');
    const districtId = lookups.districts.get(districtText);
    if (districtText && districtId === undefined) fail('district', 'unknownDistrict', districtText);

    const marketText = get('market');
    const market = (MARKETS as readonly string[]).includes(marketText.toUpperCase())
      ? (marketText.toUpperCase() as ImportRow['market'])
      : MARKET_NAMES[marketText];
    if (marketText && !market) fail('market', 'market', marketText);

    const formText = get('businessForm');
    const businessForm = (BUSINESS_FORMS as readonly string[]).includes(formText.toUpperCase())
      ? (formText.toUpperCase() as ImportRow['businessForm'])
      : FORM_NAMES[formText];
    if (formText && !businessForm) fail('businessForm', 'businessForm', formText);

    const sizeText = get('sizeClass');
    const sizeClass = /^[123]$/.test(sizeText) ? Number(sizeText) : SIZE_NAMES[sizeText];
    if (sizeText && !sizeClass) fail('sizeClass', 'sizeClass', sizeText);

    const weekdayText = get('orderWeekday');
    const orderWeekday = /^[1-7]$/.test(weekdayText) ? Number(weekdayText) : WEEKDAY_NAMES[weekdayText];
    if (weekdayText && !orderWeekday) fail('orderWeekday', 'orderWeekday', weekdayText);

    const integrityText = get('integrityLevel').toUpperCase();
    const integrityLevel =
      integrityText === ''
        ? 'A'
        : (INTEGRITY_LEVELS as readonly string[]).includes(integrityText)
          ? (integrityText as ImportRow['integrityLevel'])
          : undefined;
    if (!integrityLevel) fail('integrityLevel', 'integrityLevel', integrityText);

    const areaText = get('shopAreaM2');
    const shopAreaM2 = areaText === '' ? null : /^\d{1,6}$/.test(areaText) && Number(areaText) > 0 ? Number(areaText) : undefined;
    if (shopAreaM2 === undefined) fail('shopAreaM2', 'shopArea', areaText);

    const managerText = get('accountManager');
    const accountManagerId = managerText === '' ? null : lookups.managers.get(managerText);
    if (accountManagerId === undefined) fail('accountManager', 'unknownManager', managerText);

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    valid.push({
      line,
      licenceNo,
      shopName: get('shopName'),
      ownerName: get('ownerName'),
      contactName: get('contactName') || null,
      phone,
      address: get('address'),
      districtId: districtId!,
      market: market!,
      businessForm: businessForm!,
      sizeClass: sizeClass!,
      shopAreaM2: shopAreaM2 ?? null,
      orderWeekday: orderWeekday!,
      integrityLevel: integrityLevel!,
      accountManagerId: accountManagerId ?? null,
    });
  });
  return { valid, errors };
}
