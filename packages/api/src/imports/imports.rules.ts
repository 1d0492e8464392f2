import { z } from 'zod';

// What every import shares, with no I/O: columns found by the names people give them, a row turned into
// its fields, cell schemas for the values a company's files hold (licence numbers, yuan, China dates), and
// zod's issues turned into report lines.

export type ColumnSpec = {
  field: string;
  /** Header texts that name the column (compared without case, spaces and full-width brackets). */
  names: readonly string[];
  required: boolean;
};

export type ReportError = { line: number; column: string | null; code: string; value?: string | null };

const normalise = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

/** Which cell holds which field, and the required fields no header names. */
export function mapColumns(columns: readonly ColumnSpec[], header: readonly string[]): { at: Map<string, number>; missing: ColumnSpec[] } {
  const at = new Map<string, number>();
  header.forEach((cell, index) => {
    const name = normalise(cell);
    const column = columns.find((c) => !at.has(c.field) && (normalise(c.field) === name || c.names.some((n) => normalise(n) === name)));
    if (column) at.set(column.field, index);
  });
  return { at, missing: columns.filter((c) => c.required && !at.has(c.field)) };
}

/** A row's cells as an object of trimmed texts keyed by field; a column the file lacks is ''. */
export function rowFields(
  columns: readonly ColumnSpec[],
  at: ReadonlyMap<string, number>,
  cells: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const column of columns) {
    const index = at.get(column.field);
    out[column.field] = index === undefined ? '' : (cells[index] ?? '').trim();
  }
  return out;
}

/** The report lines of a row that failed its schema: one per field, the first problem of each. */
export function issuesToErrors(line: number, fields: Record<string, string>, issues: readonly z.core.$ZodIssue[]): ReportError[] {
  const seen = new Set<string>();
  const out: ReportError[] = [];
  for (const issue of issues) {
    const column = issue.path.length > 0 ? String(issue.path[0]) : null;
    const key = column ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    const code = issue.message.includes('.') ? issue.message : 'imports.error.invalid';
    out.push({ line, column, code, value: column ? (fields[column] ?? null) : null });
  }
  return out;
}

// ---------------------------------------------------------------- cell schemas (text in, typed value out)

const required = (schema: z.ZodString) => schema.min(1, 'imports.error.required');

export const licenceCell = required(z.string()).regex(/^\d{12}$/, 'imports.error.licence');

export const codeCell = required(z.string())
  .max(32, 'imports.error.tooLong')
  .regex(/^[0-9A-Za-z-]+$/, 'imports.error.code');

export const textCell = (max: number) => required(z.string()).max(max, 'imports.error.tooLong');

export const optionalTextCell = (max: number) =>
  z
    .string()
    .max(max, 'imports.error.tooLong')
    .transform((v) => (v === '' ? null : v));

/** A whole number of 条 (or points, or a grade), written plainly; fractions and signs are named in the report. */
export const wholeCell = (min: number, max: number) =>
  required(z.string()).transform((text, ctx) => {
    const value = Number(text.replace(/,/g, ''));
    if (!/^-?[\d,]+(\.\d+)?$/.test(text) || !Number.isFinite(value)) ctx.addIssue({ code: 'custom', message: 'imports.error.number' });
    else if (!Number.isInteger(value)) ctx.addIssue({ code: 'custom', message: 'imports.error.whole' });
    else if (value < min) ctx.addIssue({ code: 'custom', message: min > 0 ? 'imports.error.positive' : 'imports.error.negative' });
    else if (value > max) ctx.addIssue({ code: 'custom', message: 'imports.error.tooLarge' });
    else return value;
    return z.NEVER;
  });

/** Money in yuan as a person writes it (¥12.50, 1,250), to whole fen. */
export const yuanCell = required(z.string()).transform((text, ctx) => {
  const plain = text.replace(/^[¥￥]/, '').replace(/,/g, '');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(plain)) {
    ctx.addIssue({ code: 'custom', message: /^-/.test(plain) ? 'imports.error.negative' : 'imports.error.money' });
    return z.NEVER;
  }
  const [yuan, fen = ''] = plain.split('.');
  return Number(yuan) * 100 + Number(fen.padEnd(2, '0'));
});

const DATE_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date and time as files write it (2026-12-09 09:30, 2026/12/9 9:30:05, an ISO time with an offset), as an
 * instant; times without a zone are China time, as every company system here writes them.
 */
export const chinaDateTimeCell = required(z.string()).transform((text, ctx) => {
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(text).toISOString();
  const m = DATE_TIME.exec(text);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s));
    const check = new Date(utc + 8 * 3_600_000);
    if (check.getUTCMonth() === Number(mo) - 1 && check.getUTCDate() === Number(d) && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60)
      return new Date(utc).toISOString();
  }
  ctx.addIssue({ code: 'custom', message: 'imports.error.dateTime' });
  return z.NEVER;
});

/** A calendar date (YYYY-MM-DD or with slashes), as YYYY-MM-DD. */
export const dateCell = required(z.string()).transform((text, ctx) => {
  const m = DATE_TIME.exec(text);
  if (m && m[4] === undefined) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    const parsed = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso)) return iso;
  }
  ctx.addIssue({ code: 'custom', message: 'imports.error.date' });
  return z.NEVER;
});

/** One of a few values, each known by several names (是/否, 确认/取消 …); '' gives the default when there is one. */
export function choiceCell<T extends string | number | boolean>(names: Record<string, T>, fallback?: T) {
  const byName = new Map(Object.entries(names).map(([name, value]) => [normalise(name), value]));
  return z.string().transform((text, ctx) => {
    if (text === '' && fallback !== undefined) return fallback;
    const value = byName.get(normalise(text));
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: text === '' ? 'imports.error.required' : 'imports.error.choice' });
      return z.NEVER;
    }
    return value;
  });
}

export const YES_NO = { 是: true, 否: false, y: true, n: false, yes: true, no: false, true: true, false: false, '1': true, '0': false };
