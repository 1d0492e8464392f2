import type { DbTx } from '@tobacco/db/client';
import { z } from 'zod';
import type { StaffActor } from '../actor';
import { checkRetailerRows, createImportedRetailers } from '../admin/retailer-accounts.service';
import { CSV_HEADERS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from '../admin/retailer-import.rules';
import { flagRowList, stagedRows, type ImportKindSpec, type ImportRunRef } from './imports.kind';

// New retailers (零售客户) with their owner logins, checked by the retailer rules the administration screens
// use (retailer-import.rules.ts): codes or Chinese names for market, form, size and order day, districts by
// code or name, account managers by username, licence numbers new to the company.

const COLUMNS = IMPORT_FIELDS.map((field) => ({ field, names: [CSV_HEADERS[field]], required: REQUIRED_IMPORT_FIELDS.includes(field) }));

// Every cell is text here; the retailer rules read and report each one in verify, with the database's lookups.
const ZRetailerRow = z.object(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, z.string().max(500, 'imports.error.tooLong')])));

const ERROR_CODES: Record<string, string> = {
  required: 'imports.error.required',
  licenceNo: 'imports.error.licence',
  duplicateInFile: 'imports.error.duplicateInFile',
  duplicateExisting: 'imports.error.licenceExists',
  unknownDistrict: 'imports.error.unknownDistrict',
  unknownManager: 'imports.error.unknownManager',
  phone: 'imports.error.phone',
  tooLong: 'imports.error.tooLong',
  shopArea: 'imports.error.positive',
};

async function check(tx: DbTx, runId: number) {
  const rows = await stagedRows<Record<string, string>>(tx, runId);
  return checkRetailerRows(
    tx,
    rows.map(({ line, ...cells }) => ({ line, cells })),
  );
}

async function verify(tx: DbTx, run: ImportRunRef): Promise<number> {
  const { errors } = await check(tx, run.id);
  return flagRowList(
    tx,
    run.id,
    errors.map((e) => ({ line: e.line, column: e.field, code: ERROR_CODES[e.code] ?? 'imports.error.choice', value: e.value ?? null })),
  );
}

async function apply(tx: DbTx, run: ImportRunRef, actor: StaffActor) {
  const { valid } = await check(tx, run.id);
  const created = await createImportedRetailers(tx, valid, actor.userId, run.now);
  return { applied: created, summary: { created } };
}

export const RETAILERS_IMPORT: ImportKindSpec = {
  kind: 'RETAILERS',
  permission: 'retailers.manage',
  columns: COLUMNS,
  row: ZRetailerRow,
  maxRows: 50_000,
  partial: false,
  verify,
  apply,
};
