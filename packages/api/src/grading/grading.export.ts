import type { Locale } from '@tobacco/i18n/locale';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { StaffDeps } from '../deps';
import { notFound } from '../errors';
import { streamSheet, type ExportFormat } from '../admin/retailer-export';
import { runRowBatches, type RunRow } from './grading.review.service';

// A run's rows as CSV or Excel in the reader's language, within the caller's scope: the procedure in
// routes.ts checks the review's permission, and the rows come through the review's own scoped query.

type Note = MessageKey | null;
const COLUMNS: [MessageKey, (r: RunRow) => string | number | null | { note: Note }][] = [
  ['grading.staff.col.licenceNo', (r) => r.licenceNo],
  ['grading.staff.col.shopName', (r) => r.shopName],
  ['grading.staff.col.district', (r) => r.district],
  ['grading.staff.col.rank', (r) => r.rank],
  ['grading.staff.col.score', (r) => r.score],
  ['grading.staff.col.volumeScore', (r) => r.volumeScore],
  ['grading.staff.col.amountScore', (r) => r.amountScore],
  ['grading.staff.col.varietyScore', (r) => r.varietyScore],
  ['grading.staff.col.classShareScore', (r) => r.classShareScore],
  ['grading.staff.col.volumeTiao', (r) => r.volumeTiao],
  ['grading.staff.col.amountYuan', (r) => r.amountFen / 100],
  ['grading.staff.col.distinctProducts', (r) => r.distinctProducts],
  ['grading.staff.col.computedGrade', (r) => r.computedGrade],
  ['grading.staff.col.grade', (r) => r.grade],
  ['grading.staff.col.previousGrade', (r) => r.previousGrade],
  ['grading.staff.col.integrity', (r) => r.integrityLevel],
  ['grading.staff.col.note', (r) => ({ note: r.initial ? 'grading.staff.initial' : r.capped ? 'grading.staff.capped' : null })],
];

/** The export's name and body; an unknown run is NOT_FOUND. */
export async function exportRun(
  deps: StaffDeps,
  input: { id: number; format: ExportFormat; locale: Locale },
): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const run = await deps.db.gradeRun.findUnique({ where: { id: input.id }, select: { period: { select: { code: true } } } });
  if (!run) throw notFound();
  const t = (key: MessageKey) => translate(input.locale, key);
  const body = streamSheet(
    COLUMNS.map(([key]) => t(key)),
    runRowBatches(deps, input.id),
    (r) =>
      COLUMNS.map(([, cell]) => {
        const value = cell(r);
        return value !== null && typeof value === 'object' ? (value.note ? t(value.note) : null) : value;
      }),
    input.format,
    t('grading.staff.sheet'),
  );
  return { filename: `grading-${run.period.code}-${input.id}.${input.format}`, body };
}
