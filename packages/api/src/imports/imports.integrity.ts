import type { DbTx } from '@tobacco/db/client';
import { Prisma } from '@tobacco/db/client';
import { z } from 'zod';
import type { StaffActor } from '../actor';
import { INTEGRITY_BATCH_MAX, recordIntegrityChanges } from '../grading/grading.integrity.service';
import { chinaDate } from '../schedule/calendar.rules';
import { flagRows, stagedRows, type ImportKindSpec, type ImportRunRef } from './imports.kind';
import { choiceCell, dateCell, licenceCell, textCell } from './imports.rules';

// Integrity levels (诚信等级) from the licensing system (专卖), through recordIntegrityChanges, the one writer:
// a history row each, and a change to C or D caps the grade at once with notices.

const COLUMNS = [
  { field: 'licenceNo', names: ['许可证号', '专卖许可证号', 'licence_no'], required: true },
  { field: 'level', names: ['诚信等级', '等级', 'integrity_level', 'level'], required: true },
  { field: 'effectiveFrom', names: ['生效日期', '评定日期', 'effective_from'], required: true },
  { field: 'reason', names: ['原因', '说明', '备注', 'reason'], required: true },
] as const;

const ZIntegrityRow = z.object({
  licenceNo: licenceCell,
  level: choiceCell({ A: 'A', B: 'B', C: 'C', D: 'D', A级: 'A', B级: 'B', C级: 'C', D级: 'D' }),
  effectiveFrom: dateCell,
  reason: textCell(200),
});
type IntegrityRow = z.output<typeof ZIntegrityRow>;

async function verify(tx: DbTx, run: ImportRunRef): Promise<number> {
  const staged = Prisma.sql`"ImportStagedRow" s WHERE s."runId" = ${run.id} AND s.valid`;
  let errors = await flagRows(
    tx,
    run.id,
    Prisma.sql`SELECT s.line, 'licenceNo' AS "column", 'imports.error.unknownLicence' AS code, s.data->>'licenceNo' AS value
      FROM ${staged} AND NOT EXISTS (SELECT 1 FROM "Retailer" r WHERE r."licenceNo" = (s.data->>'licenceNo')::char(12))`,
  );
  errors += await flagRows(
    tx,
    run.id,
    Prisma.sql`SELECT line, 'licenceNo' AS "column", 'imports.error.duplicateInFile' AS code, value FROM (
        SELECT s.line, s.data->>'licenceNo' AS value, row_number() OVER (PARTITION BY s.data->>'licenceNo' ORDER BY s.line) AS n
        FROM ${staged}) d WHERE n > 1`,
  );
  errors += await flagRows(
    tx,
    run.id,
    Prisma.sql`SELECT s.line, 'effectiveFrom' AS "column", 'imports.error.futureDate' AS code, s.data->>'effectiveFrom' AS value
      FROM ${staged} AND s.data->>'effectiveFrom' > ${chinaDate(run.now)}`,
  );
  return errors;
}

async function apply(tx: DbTx, run: ImportRunRef, actor: StaffActor) {
  const rows = await stagedRows<IntegrityRow>(tx, run.id);
  const ids = await tx.retailer.findMany({
    where: { licenceNo: { in: rows.map((r) => r.licenceNo) } },
    select: { id: true, licenceNo: true },
  });
  const idOf = new Map(ids.map((r) => [r.licenceNo, r.id]));
  const result = await recordIntegrityChanges(
    { db: tx, actor, clock: () => run.now },
    rows.map((r) => ({
      retailerId: idOf.get(r.licenceNo)!,
      level: r.level,
      effectiveFrom: r.effectiveFrom,
      reason: r.reason,
      source: 'IMPORT',
    })),
  );
  return { applied: result.recorded, summary: { recorded: result.recorded, capped: result.capped.length } };
}

export const INTEGRITY_IMPORT: ImportKindSpec = {
  kind: 'INTEGRITY',
  permission: 'grading.integrity',
  columns: COLUMNS,
  row: ZIntegrityRow,
  maxRows: INTEGRITY_BATCH_MAX,
  partial: false,
  verify,
  apply,
};
