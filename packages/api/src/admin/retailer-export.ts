import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { hasPermission } from '@tobacco/auth/permissions';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { Actor } from '../actor';
import type { Db } from '@tobacco/db/client';
import { DomainError } from '../errors';
import type { TRetailerFilter } from './retailer-accounts.schema';
import { exportRetailerAccounts, type ExportRow } from './retailer-accounts.service';
import { CSV_HEADERS, IMPORT_FIELDS, toCsvLine } from './retailer-import.rules';

// The filtered retailer list as CSV or Excel, streamed batch by batch: the first bytes leave before the
// last row is read, and memory stays flat whatever the size. The columns are the import's, so an exported
// file is also a template (plus grade and status, which the import ignores).

export type ExportFormat = 'csv' | 'xlsx';

const EXTRA_HEADERS = ['档位', '状态'];
const zh = (key: string) => translate('zh-CN', key as MessageKey);

function cellsOf(r: ExportRow): (string | number | null)[] {
  const byField: Record<(typeof IMPORT_FIELDS)[number], string | number | null> = {
    licenceNo: r.licenceNo,
    shopName: r.shopName,
    ownerName: r.ownerName,
    contactName: r.contactName,
    phone: r.phone,
    address: r.address,
    district: r.district.name,
    market: zh(`enum.market.${r.market}`),
    businessForm: zh(`enum.form.${r.businessForm}`),
    sizeClass: zh(`common.size.${r.sizeClass}`),
    shopAreaM2: r.shopAreaM2,
    orderWeekday: zh(`enum.weekday.${r.orderWeekday}`),
    integrityLevel: r.integrityLevel,
    accountManager: r.accountManager?.username ?? null,
  };
  return [...IMPORT_FIELDS.map((f) => byField[f]), r.grade, zh(`enum.status.${r.status}`)];
}

/** The export's body; refuses anyone without `retailers.manage`. */
export function exportRetailers(
  ctx: { db: Db; actor: Actor | null; clock: () => Date },
  filter: TRetailerFilter,
  format: ExportFormat,
): ReadableStream<Uint8Array> {
  if (!ctx.actor) throw new DomainError('FORBIDDEN');
  if (ctx.actor.kind !== 'staff' || ctx.actor.mustChangePassword || !hasPermission(ctx.actor.roles, 'retailers.manage'))
    throw new DomainError('FORBIDDEN');
  const deps = { db: ctx.db, actor: ctx.actor, clock: ctx.clock };
  const headers = [...IMPORT_FIELDS.map((f) => CSV_HEADERS[f]), ...EXTRA_HEADERS];
  const batches = exportRetailerAccounts(deps, filter);

  return streamSheet(headers, batches, cellsOf, format, '零售客户');
}

/**
 * Streams rows as CSV (with a BOM, so Excel keeps the Chinese) or as an .xlsx sheet, batch by batch: the
 * first bytes leave before the last row is read. Shared by every export of the back office.
 */
export function streamSheet<T>(
  headers: readonly string[],
  batches: AsyncIterable<readonly T[]>,
  cellsOf: (row: T) => (string | number | null)[],
  format: ExportFormat,
  sheetName: string,
): ReadableStream<Uint8Array> {
  if (format === 'csv') {
    async function* lines() {
      // The BOM makes Excel open the UTF-8 file with the Chinese intact.
      yield Buffer.from(`\uFEFF${toCsvLine([...headers])}\r\n`);
      for await (const batch of batches) yield Buffer.from(batch.map((r) => toCsvLine(cellsOf(r))).join('\r\n') + '\r\n');
    }
    return Readable.toWeb(Readable.from(lines())) as ReadableStream<Uint8Array>;
  }

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  void (async () => {
    try {
      sheet.addRow([...headers]).commit();
      for await (const batch of batches) for (const r of batch) sheet.addRow(cellsOf(r)).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
