import { Readable } from 'node:stream';
import chardet from 'chardet';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DomainError } from '../errors';

// Reading an import file as a stream of rows, whatever a company's systems and Excel produce: CSV in UTF-8
// (with or without a BOM), in GB18030 (Excel on Chinese Windows saves "CSV" in the ANSI code page, GBK, a
// subset of GB18030) or in UTF-16 ("Unicode text"), and .xlsx. Nothing here holds the whole file: bytes
// come in pieces, rows go out one at a time.

export type FileFormat = 'utf-8' | 'gb18030' | 'utf-16le' | 'xlsx';

/** One row of the file: `line` as a spreadsheet numbers it (the header is line 1), cells as text. */
export type FileRow = { line: number; cells: string[] };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * The file's format from its first bytes (64 KB is plenty): .xlsx by its zip signature, a BOM when there is
 * one, otherwise the encoding chardet finds, narrowed to those a Chinese office saves. Null when the file is
 * neither (an old .xls, a PDF, another encoding): the caller rejects it with a message.
 */
export function detectFormat(head: Uint8Array): FileFormat | null {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (head.length === 0) return 'utf-8';
  // A zero byte never occurs in text of the encodings below (old .xls, images and PDFs have many).
  if (head.includes(0)) return null;
  const found = chardet.detect(head);
  if (found === 'UTF-8' || found === 'ASCII') return 'utf-8';
  if (found === 'GB18030') return 'gb18030';
  // chardet names plain ASCII after a single-byte code page; text that decodes as UTF-8 is UTF-8.
  if (head.every((b) => b < 0x80)) return 'utf-8';
  const candidates = chardet.analyse(head);
  return candidates.some((c) => c.name === 'GB18030' && c.confidence >= 10) ? 'gb18030' : null;
}

/** Counts bytes as they pass, for a progress bar that moves while the rows are read. */
export async function* countBytes(source: AsyncIterable<Uint8Array>, onBytes: (total: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const piece of source) {
    total += piece.length;
    onBytes(total);
    yield piece;
  }
}

/** Takes the first `size` bytes for detection and gives back a source that still starts at byte 0. */
export async function peek(
  source: AsyncIterable<Uint8Array>,
  size: number,
): Promise<{ head: Uint8Array; source: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(taken).subarray(0, size);
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* taken;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, source: replay() };
}

async function* csvRows(source: AsyncIterable<Uint8Array>, encoding: Exclude<FileFormat, 'xlsx'>): AsyncGenerator<FileRow> {
  const parser = Readable.from(source)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 1_000_000 }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines, cells: record };
    }
  } catch (error) {
    // csv-parse names the line of an unclosed quote or a record too large to be a row.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('CSV_'))
      throw new DomainError('VALIDATION', 'imports.reject.csv', { line: (error as { lines?: number }).lines ?? 0 });
    throw error;
  }
}

/** A cell as the text a person sees: dates as YYYY-MM-DD HH:mm:ss wall time, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel stores wall time without a zone; exceljs hands it over as that wall time in UTC.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function* xlsxRows(source: AsyncIterable<Uint8Array>): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    // The first worksheet is the data; a workbook's other sheets (notes, pivots) are not read.
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, (value) => cellText(value as ExcelJS.CellValue));
        if (cells.some((cell) => cell.trim() !== '')) yield { line: row.number, cells };
      }
      break;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('VALIDATION', 'imports.reject.xlsx');
  }
}

/** The rows of a file in the given format. Errors that make the file unreadable are DomainErrors with a message key. */
export function readRows(source: AsyncIterable<Uint8Array>, format: FileFormat): AsyncGenerator<FileRow> {
  return format === 'xlsx' ? xlsxRows(source) : csvRows(source, format);
}
