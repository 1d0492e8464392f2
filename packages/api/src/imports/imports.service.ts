import { hasPermission } from '@tobacco/auth/permissions';
import type { Db, DbTx } from '@tobacco/db/client';
import type { ImportKind, ImportStatus } from '@tobacco/db/enums';
import type { Locale } from '@tobacco/i18n/locale';
import { translate, type MessageKey, type MessageParams } from '@tobacco/i18n/messages';
import type { StaffRoleName } from '@tobacco/auth/permissions';
import type { StaffActor } from '../actor';
import { writeAudit } from '../admin/audit.service';
import { streamSheet } from '../admin/retailer-export';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { enqueueJob } from '../jobs/jobs.service';
import { ERROR_KEEP, type ImportKindSpec, type ImportRunRef } from './imports.kind';
import { IMPORT_KINDS } from './imports.kinds';
import { countBytes, detectFormat, peek, readRows } from './imports.read';
import { issuesToErrors, mapColumns, rowFields, type ReportError } from './imports.rules';
import {
  IMPORT_PAGE_SIZE,
  MAX_IMPORT_BYTES,
  type TApplyImportInput,
  type TImportIdInput,
  type TListImportErrorsInput,
  type TListImportsInput,
} from './imports.schema';

// The one import framework (数据导入). A file is uploaded in pieces into the database, so every app server
// and worker reads the same bytes; a job reads it as a stream (imports.read.ts), checks each row with its
// kind's schema and stages the good ones, then the kind checks the staged rows against the database in SQL.
// The report (line, column, reason) is the outcome of the check; nothing is written to the business tables
// until a person applies it, and the apply job checks once more and writes everything in one transaction.

export const IMPORT_CHECK_QUEUE = 'imports.check';
export const IMPORT_APPLY_QUEUE = 'imports.apply';

const CHUNK_BYTES = 1024 * 1024;
const BATCH_ROWS = 2000;
const HEAD_BYTES = 64 * 1024;
const APPLY_TIMEOUT_MS = 30 * 60_000;

/** The kinds a person may import and see: the one scope every query of this module filters by. */
export function importKindsFor(actor: { roles: readonly StaffRoleName[] }): ImportKind[] {
  return Object.values(IMPORT_KINDS)
    .filter((spec) => hasPermission(actor.roles, spec.permission))
    .map((spec) => spec.kind);
}

function specFor(actor: StaffActor, kind: ImportKind): ImportKindSpec {
  if (!importKindsFor(actor).includes(kind)) throw new DomainError('FORBIDDEN');
  return IMPORT_KINDS[kind];
}

/** An import the person may see (another kind's is NOT_FOUND, as if it did not exist). */
async function visibleRun(db: DbTx, actor: StaffActor, id: number) {
  const run = await db.importRun.findFirst({ where: { id, kind: { in: importKindsFor(actor) } } });
  if (!run) throw notFound();
  return run;
}

// ---------------------------------------------------------------- upload

export type UploadInput = {
  kind: ImportKind;
  fileName: string;
  options: Record<string, unknown>;
  body: AsyncIterable<Uint8Array>;
};

/**
 * Stores an uploaded file in pieces and queues its check. A file over MAX_IMPORT_BYTES is refused as soon
 * as the limit is passed, and what was stored of it is removed.
 */
export async function uploadImport({ db, actor }: StaffDeps, input: UploadInput) {
  const spec = specFor(actor, input.kind);
  let options: Record<string, unknown> = {};
  if (spec.options) {
    const parsed = spec.options.schema.safeParse(input.options);
    if (!parsed.success) throw new DomainError('VALIDATION', 'imports.errors.options');
    options = parsed.data;
    await spec.options.check(db, options);
  }
  const run = await db.importRun.create({
    data: { kind: input.kind, fileName: input.fileName, byteSize: 0, options: options as object, createdById: actor.userId },
  });
  let size = 0;
  let seq = 0;
  try {
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      await db.importFileChunk.create({ data: { runId: run.id, seq, bytes: Buffer.concat(pending) } });
      seq += 1;
      pending = [];
      pendingBytes = 0;
    };
    for await (const piece of input.body) {
      size += piece.length;
      if (size > MAX_IMPORT_BYTES)
        throw new DomainError('LIMIT_EXCEEDED', 'imports.reject.tooLarge', { max: MAX_IMPORT_BYTES / 1024 / 1024 });
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
  } catch (error) {
    await removeRun(db, run.id);
    throw error;
  }
  if (size === 0) {
    await removeRun(db, run.id);
    throw new DomainError('VALIDATION', 'imports.reject.empty');
  }
  await db.$transaction(async (tx) => {
    await tx.importRun.update({ where: { id: run.id }, data: { byteSize: size } });
    await enqueueJob(tx, { queue: IMPORT_CHECK_QUEUE, payload: { runId: run.id }, uniqueKey: `check:${run.id}` });
  });
  return { id: run.id };
}

async function removeRun(db: Db, runId: number): Promise<void> {
  await db.$executeRaw`DELETE FROM "ImportFileChunk" WHERE "runId" = ${runId}`;
  await db.importRun.delete({ where: { id: runId } });
}

/** The stored file as a stream of its pieces, one piece in memory at a time. */
async function* fileOf(db: DbTx, runId: number): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq += 1) {
    const rows = await db.$queryRaw<{ bytes: Uint8Array }[]>`SELECT bytes FROM "ImportFileChunk" WHERE "runId" = ${runId} AND seq = ${seq}`;
    if (rows.length === 0) return;
    yield rows[0]!.bytes;
  }
}

// ---------------------------------------------------------------- check (a job)

type Rejection = { key: MessageKey; params?: MessageParams };

async function reject(db: Db, runId: number, rejection: Rejection, now: Date): Promise<void> {
  // The rejection is the whole report: row errors found before the file stopped being readable go too.
  await db.$executeRaw`DELETE FROM "ImportRowError" WHERE "runId" = ${runId}`;
  await db.$executeRaw`DELETE FROM "ImportStagedRow" WHERE "runId" = ${runId}`;
  await db.$executeRaw`DELETE FROM "ImportFileChunk" WHERE "runId" = ${runId}`;
  await db.importRun.update({
    where: { id: runId },
    data: { status: 'REJECTED', rejectReason: rejection.key, summary: { params: rejection.params ?? {} }, checkedAt: now, validRows: 0 },
  });
}

type StagedRow = { line: number; data: string; failed: boolean };

async function insertStaged(db: Db, runId: number, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "ImportStagedRow" ("runId", line, data, valid, "schemaFailed")
    SELECT ${runId}, t.line, t.data::jsonb, NOT t.failed, t.failed
    FROM unnest(${rows.map((r) => r.line)}::int[], ${rows.map((r) => r.data)}::text[], ${rows.map((r) => r.failed)}::boolean[]) AS t(line, data, failed)`;
}

async function insertErrors(db: Db, runId: number, errors: readonly ReportError[]): Promise<void> {
  if (errors.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "ImportRowError" ("runId", line, "column", code, value)
    SELECT ${runId}, * FROM unnest(${errors.map((e) => e.line)}::int[], ${errors.map((e) => e.column)}::text[],
      ${errors.map((e) => e.code)}::text[], ${errors.map((e) => (e.value ?? '').slice(0, 200) || null)}::text[])`;
}

/**
 * The check job: reads the file, checks every row, stages the good ones and stores the report. Runs again
 * from the start when retried (what a failed attempt left is cleared first).
 */
export async function checkImport(db: Db, { runId }: { runId: number }, now: Date): Promise<void> {
  const run = await db.importRun.findUnique({ where: { id: runId } });
  if (!run || (run.status !== 'UPLOADED' && run.status !== 'CHECKING')) return;
  const spec = IMPORT_KINDS[run.kind];
  await db.$executeRaw`DELETE FROM "ImportStagedRow" WHERE "runId" = ${runId}`;
  await db.$executeRaw`DELETE FROM "ImportRowError" WHERE "runId" = ${runId}`;
  await db.importRun.update({ where: { id: runId }, data: { status: 'CHECKING', bytesRead: 0, totalRows: 0, errorCount: 0 } });

  let bytesRead = 0;
  const { head, source } = await peek(fileOf(db, runId), HEAD_BYTES);
  const format = detectFormat(head);
  if (!format) return reject(db, runId, { key: 'imports.reject.encoding' }, now);
  await db.importRun.update({ where: { id: runId }, data: { encoding: format } });

  let header: { at: Map<string, number> } | null = null;
  let totalRows = 0;
  let schemaErrors = 0;
  let stored = 0;
  let staged: StagedRow[] = [];
  let errors: ReportError[] = [];
  const flush = async () => {
    await insertStaged(db, runId, staged);
    const room = Math.max(0, ERROR_KEEP - stored);
    await insertErrors(db, runId, errors.slice(0, room));
    stored += Math.min(room, errors.length);
    staged = [];
    errors = [];
    await db.importRun.update({ where: { id: runId }, data: { bytesRead, totalRows } });
  };
  try {
    for await (const row of readRows(
      countBytes(source, (n) => (bytesRead = n)),
      format,
    )) {
      if (!header) {
        const mapped = mapColumns(spec.columns, row.cells);
        if (mapped.missing.length > 0)
          return reject(
            db,
            runId,
            { key: 'imports.reject.missingColumns', params: { columns: mapped.missing.map((c) => c.names[0] ?? c.field) } },
            now,
          );
        header = mapped;
        continue;
      }
      totalRows += 1;
      if (totalRows > spec.maxRows) return reject(db, runId, { key: 'imports.reject.tooManyRows', params: { max: spec.maxRows } }, now);
      const fields = rowFields(spec.columns, header.at, row.cells);
      const parsed = spec.row.safeParse(fields);
      if (parsed.success) staged.push({ line: row.line, data: JSON.stringify(parsed.data), failed: false });
      else {
        const rowErrors = issuesToErrors(row.line, fields, parsed.error.issues);
        errors.push(...rowErrors);
        schemaErrors += rowErrors.length;
        staged.push({ line: row.line, data: JSON.stringify(fields), failed: true });
      }
      if (staged.length >= BATCH_ROWS) await flush();
    }
    await flush();
  } catch (error) {
    if (error instanceof DomainError) return reject(db, runId, { key: error.messageKey, params: error.params as Rejection['params'] }, now);
    throw error;
  }
  if (!header) return reject(db, runId, { key: 'imports.reject.empty' }, now);
  if (totalRows === 0) return reject(db, runId, { key: 'imports.reject.noRows' }, now);

  // Fresh statistics: a table the planner last saw nearly empty would be joined row by row.
  await db.$executeRaw`ANALYZE "ImportStagedRow"`;
  await db.$transaction(
    async (tx) => {
      const verifyErrors = await spec.verify(tx, ref(run, now));
      await finishCheck(tx, runId, { totalRows, schemaErrors, verifyErrors, bytesRead, now });
    },
    { timeout: APPLY_TIMEOUT_MS },
  );
}

function ref(run: { id: number; options: unknown }, now: Date): ImportRunRef {
  return { id: run.id, options: (run.options ?? {}) as Record<string, unknown>, now };
}

/** How many errors the row schemas found while reading, kept so that the checks against the database can be redone alone. */
type SchemaCounts = { schemaErrors: number };

async function finishCheck(
  tx: DbTx,
  runId: number,
  counts: SchemaCounts & { totalRows: number; verifyErrors: number; bytesRead: number; now: Date },
): Promise<void> {
  const [staged] = await tx.$queryRaw<{ valid: number; invalid: number }[]>`
    SELECT count(*) FILTER (WHERE valid)::int AS valid, count(*) FILTER (WHERE NOT valid)::int AS invalid
    FROM "ImportStagedRow" WHERE "runId" = ${runId}`;
  await tx.importRun.update({
    where: { id: runId },
    data: {
      status: 'CHECKED',
      checkedAt: counts.now,
      bytesRead: counts.bytesRead,
      totalRows: counts.totalRows,
      validRows: staged!.valid,
      invalidRows: staged!.invalid,
      errorCount: counts.schemaErrors + counts.verifyErrors,
      summary: { schemaErrors: counts.schemaErrors } satisfies SchemaCounts,
    },
  });
}

// ---------------------------------------------------------------- apply

/**
 * Asks for an import to be applied: all of it when every row is valid, or, for the kinds that allow it, only
 * the valid rows by an explicit choice. The apply job does the writing.
 */
export async function applyImport({ db, actor }: StaffDeps, input: TApplyImportInput) {
  const run = await visibleRun(db, actor, input.id);
  const spec = IMPORT_KINDS[run.kind];
  if (run.status !== 'CHECKED') throw new DomainError('INVALID_STATE', 'imports.errors.notChecked');
  if (run.validRows === 0) throw new DomainError('INVALID_STATE', 'imports.errors.nothingValid');
  if (run.invalidRows > 0 && !(input.validOnly && spec.partial)) throw new DomainError('INVALID_STATE', 'imports.errors.notAllValid');
  return db.$transaction(async (tx) => {
    const updated = await tx.importRun.updateMany({
      where: { id: run.id, status: 'CHECKED' },
      data: { status: 'APPLYING', appliedById: actor.userId, appliedValidOnly: run.invalidRows > 0 },
    });
    if (updated.count === 0) throw new DomainError('CONFLICT', 'imports.errors.notChecked');
    await enqueueJob(tx, { queue: IMPORT_APPLY_QUEUE, payload: { runId: run.id }, uniqueKey: `apply:${run.id}:${Date.now()}` });
    return { id: run.id, status: 'APPLYING' as ImportStatus };
  });
}

async function actorOf(db: DbTx, userId: number): Promise<StaffActor> {
  const user = await db.staffUser.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, districtId: true, departmentId: true, roles: { select: { role: true } } },
  });
  return {
    kind: 'staff',
    userId: user.id,
    roles: user.roles.map((r) => r.role),
    districtId: user.districtId,
    departmentId: user.departmentId,
  };
}

/**
 * The apply job: in one transaction, checks the staged rows against the database again (another import or
 * the API may have written since the report), and writes them. When new errors appear in an all-or-nothing
 * import, nothing is written and the import goes back to CHECKED with the new report.
 */
export async function applyImportJob(db: Db, { runId }: { runId: number }, now: Date): Promise<void> {
  const run = await db.importRun.findUnique({ where: { id: runId } });
  if (!run || run.status !== 'APPLYING' || run.appliedById === null) return;
  const spec = IMPORT_KINDS[run.kind];
  try {
    await db.$transaction(
      async (tx) => {
        const actor = await actorOf(tx, run.appliedById!);
        await tx.$executeRaw`
          DELETE FROM "ImportRowError" e USING "ImportStagedRow" s
          WHERE e."runId" = ${runId} AND s."runId" = ${runId} AND e.line = s.line AND NOT s."schemaFailed"`;
        await tx.$executeRaw`UPDATE "ImportStagedRow" SET valid = true WHERE "runId" = ${runId} AND NOT valid AND NOT "schemaFailed"`;
        const verifyErrors = await spec.verify(tx, ref(run, now));
        if (verifyErrors > 0 && !run.appliedValidOnly) {
          // Something changed since the report: the new report replaces it, nothing is written.
          const schema = (run.summary ?? { schemaErrors: 0 }) as SchemaCounts;
          await finishCheck(tx, runId, { ...schema, totalRows: run.totalRows, verifyErrors, bytesRead: run.byteSize, now });
          return;
        }
        const result = await spec.apply(tx, ref(run, now), actor);
        await tx.importRun.update({
          where: { id: runId },
          data: {
            status: 'APPLIED',
            appliedRows: result.applied,
            appliedAt: now,
            summary: { ...(run.summary as object), ...result.summary },
          },
        });
        await writeAudit(tx, {
          actor,
          action: 'import.apply',
          entityType: 'ImportRun',
          entityId: runId,
          after: { kind: run.kind, fileName: run.fileName, applied: result.applied, validOnly: run.appliedValidOnly },
        });
        await tx.$executeRaw`DELETE FROM "ImportStagedRow" WHERE "runId" = ${runId}`;
        await tx.$executeRaw`DELETE FROM "ImportFileChunk" WHERE "runId" = ${runId}`;
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 60_000 },
    );
  } catch (error) {
    // Nothing was written (the transaction rolled back); the import can be applied again.
    await db.$executeRaw`
      UPDATE "ImportRun" SET status = 'CHECKED', summary = coalesce(summary, '{}') || '{"applyFailed": true}'
      WHERE id = ${runId} AND status = 'APPLYING'`;
    throw error;
  }
}

// ---------------------------------------------------------------- discard, history, report

export async function discardImport({ db, actor }: StaffDeps, input: TImportIdInput) {
  const run = await visibleRun(db, actor, input.id);
  const updated = await db.importRun.updateMany({
    where: { id: run.id, status: { in: ['CHECKED', 'REJECTED'] } },
    data: { status: 'DISCARDED' },
  });
  if (updated.count === 0) throw new DomainError('INVALID_STATE', 'imports.errors.notDiscardable');
  await db.$executeRaw`DELETE FROM "ImportStagedRow" WHERE "runId" = ${run.id}`;
  await db.$executeRaw`DELETE FROM "ImportFileChunk" WHERE "runId" = ${run.id}`;
  return { id: run.id, status: 'DISCARDED' as ImportStatus };
}

const RUN_SELECT = {
  id: true,
  kind: true,
  status: true,
  fileName: true,
  byteSize: true,
  encoding: true,
  bytesRead: true,
  totalRows: true,
  validRows: true,
  invalidRows: true,
  errorCount: true,
  rejectReason: true,
  summary: true,
  options: true,
  createdAt: true,
  checkedAt: true,
  appliedAt: true,
  appliedRows: true,
  appliedValidOnly: true,
  createdBy: { select: { name: true } },
} as const;

export async function listImports({ db, actor }: StaffDeps, input: TListImportsInput) {
  const kinds = importKindsFor(actor).filter((k) => !input.kind || k === input.kind);
  // A file still arriving (nothing stored yet) is not history.
  const where = { kind: { in: kinds }, byteSize: { gt: 0 } };
  const [total, items] = await Promise.all([
    db.importRun.count({ where }),
    db.importRun.findMany({
      where,
      orderBy: { id: 'desc' },
      skip: (input.page - 1) * IMPORT_PAGE_SIZE,
      take: IMPORT_PAGE_SIZE,
      select: RUN_SELECT,
    }),
  ]);
  return { items, total, page: input.page, pages: Math.max(1, Math.ceil(total / IMPORT_PAGE_SIZE)), kinds: importKindsFor(actor) };
}

export async function getImport({ db, actor }: StaffDeps, input: TImportIdInput) {
  await visibleRun(db, actor, input.id);
  const run = await db.importRun.findUniqueOrThrow({ where: { id: input.id }, select: RUN_SELECT });
  const spec = IMPORT_KINDS[run.kind];
  return {
    ...run,
    partial: spec.partial,
    columns: spec.columns.map((c) => ({ field: c.field, name: c.names[0] ?? c.field, required: c.required })),
  };
}

export async function listImportErrors({ db, actor }: StaffDeps, input: TListImportErrorsInput) {
  const run = await visibleRun(db, actor, input.id);
  const [total, items] = await Promise.all([
    db.importRowError.count({ where: { runId: run.id } }),
    db.importRowError.findMany({
      where: { runId: run.id },
      orderBy: [{ line: 'asc' }, { id: 'asc' }],
      skip: (input.page - 1) * IMPORT_PAGE_SIZE,
      take: IMPORT_PAGE_SIZE,
      select: { line: true, column: true, code: true, value: true },
    }),
  ]);
  return { items, total, page: input.page, pages: Math.max(1, Math.ceil(total / IMPORT_PAGE_SIZE)) };
}

/** The report as CSV in the reader's language: line, column, reason, value; every stored line, read in pages. */
export async function exportImportReport({ db, actor }: StaffDeps, input: TImportIdInput & { locale: Locale }) {
  const run = await visibleRun(db, actor, input.id);
  const spec = IMPORT_KINDS[run.kind];
  const t = (key: string, params?: MessageParams) => translate(input.locale, key as MessageKey, params);
  const columnName = (field: string | null) => (field ? (spec.columns.find((c) => c.field === field)?.names[0] ?? field) : '');
  type Line = { line: number | null; column: string | null; code: string; value: string | null; params?: MessageParams };
  async function* batches(): AsyncGenerator<Line[]> {
    if (run.status === 'REJECTED' && run.rejectReason)
      yield [
        {
          line: null,
          column: null,
          code: run.rejectReason,
          value: null,
          params: (run.summary as { params?: MessageParams } | null)?.params,
        },
      ];
    for (let after = -1n; ;) {
      const page = await db.importRowError.findMany({
        where: { runId: run.id, id: { gt: after } },
        orderBy: { id: 'asc' },
        take: 1000,
        select: { id: true, line: true, column: true, code: true, value: true },
      });
      yield page;
      if (page.length < 1000) return;
      after = page[page.length - 1]!.id;
    }
  }
  const body = streamSheet(
    [t('imports.report.line'), t('imports.report.column'), t('imports.report.reason'), t('imports.report.value')],
    batches(),
    (e) => [e.line, columnName(e.column), t(e.code, e.params), e.value],
    'csv',
    'report',
  );
  return { filename: `import-${run.id}-report.csv`, body };
}
