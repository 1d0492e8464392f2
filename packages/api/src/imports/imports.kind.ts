import type { Permission } from '@tobacco/auth/permissions';
import type { DbTx } from '@tobacco/db/client';
import type { ImportKind } from '@tobacco/db/enums';
import { Prisma } from '@tobacco/db/client';
import type { z } from 'zod';
import type { StaffActor } from '../actor';
import type { ColumnSpec, ReportError } from './imports.rules';

// What one kind of import (orders, products, retailers, integrity levels, allocation limits) tells the
// framework in imports.service.ts: its columns, the schema of one row, how to check the rows against the
// database, and how to apply them. The framework does the rest the same way for every kind: reading the
// file, the report, all-or-nothing, progress and history.

/** An import as a kind's check and apply see it. */
export type ImportRunRef = { id: number; options: Record<string, unknown>; now: Date };

export type ImportKindSpec = {
  kind: ImportKind;
  /** Who may upload, see and apply imports of this kind. */
  permission: Permission;
  columns: readonly ColumnSpec[];
  /** One row: the fields as text in, the typed values out (stored as JSON until applied); messages are message keys. */
  row: z.ZodType;
  maxRows: number;
  /** Orders may apply their valid rows by an explicit choice after the report; every other kind is all or nothing. */
  partial: boolean;
  /** What the kind needs besides the file, checked at upload (with the database, e.g. the policy is still a draft). */
  options?: { schema: z.ZodType<Record<string, unknown>>; check(tx: DbTx, options: Record<string, unknown>): Promise<void> };
  /** Checks the staged rows against the database and each other; reports with flagRows / flagRowList. */
  verify(tx: DbTx, run: ImportRunRef): Promise<number>;
  /** Writes the valid staged rows; runs in the transaction that verified them once more. */
  apply(tx: DbTx, run: ImportRunRef, actor: StaffActor): Promise<{ applied: number; summary?: Record<string, number> }>;
};

/** Stored report lines per import; the count of all of them is kept on the run. */
export const ERROR_KEEP = 10_000;

/**
 * Reports the rows a query finds, `(line, "column", code, value)`, and marks them invalid. Returns how many
 * errors it found (every one counts; only the first ERROR_KEEP per import are stored).
 */
export async function flagRows(tx: DbTx, runId: number, bad: Prisma.Sql): Promise<number> {
  const rows = await tx.$queryRaw<{ errors: number }[]>`
    WITH bad AS MATERIALIZED (${bad}),
    room AS (SELECT greatest(0, ${ERROR_KEEP} - (SELECT count(*) FROM "ImportRowError" WHERE "runId" = ${runId}))::int AS n),
    marked AS (
      UPDATE "ImportStagedRow" s SET valid = false FROM (SELECT DISTINCT line FROM bad) b
      WHERE s."runId" = ${runId} AND s.line = b.line AND s.valid RETURNING 1),
    kept AS (
      INSERT INTO "ImportRowError" ("runId", line, "column", code, value)
      SELECT ${runId}, line, "column", code, left(value, 200) FROM bad ORDER BY line LIMIT (SELECT n FROM room) RETURNING 1)
    SELECT (SELECT count(*) FROM bad)::int AS errors, (SELECT count(*) FROM marked) AS m, (SELECT count(*) FROM kept) AS k`;
  return rows[0]?.errors ?? 0;
}

/** flagRows for errors found in code (the small kinds check their rows in memory). */
export function flagRowList(tx: DbTx, runId: number, errors: readonly ReportError[]): Promise<number> {
  if (errors.length === 0) return Promise.resolve(0);
  return flagRows(
    tx,
    runId,
    Prisma.sql`SELECT * FROM unnest(${errors.map((e) => e.line)}::int[], ${errors.map((e) => e.column)}::text[],
      ${errors.map((e) => e.code)}::text[], ${errors.map((e) => e.value ?? null)}::text[]) AS t(line, "column", code, value)`,
  );
}

/** The valid staged rows of an import, for the kinds small enough to check and apply in memory. */
export async function stagedRows<T>(tx: DbTx, runId: number): Promise<(T & { line: number })[]> {
  const rows = await tx.$queryRaw<{ line: number; data: T }[]>`
    SELECT line, data FROM "ImportStagedRow" WHERE "runId" = ${runId} AND valid ORDER BY line`;
  return rows.map((r) => ({ ...r.data, line: r.line }));
}
