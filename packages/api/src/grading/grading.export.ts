import { hasPermission } from '@tobacco/auth/permissions';
import type { Db } from '@tobacco/db/client';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { Actor } from '../actor';
import { DomainError, notFound } from '../errors';
import { streamSheet, type ExportFormat } from '../admin/retailer-export';
import { runRowBatches, type RunRow } from './grading.review.service';

// A run's rows as CSV or Excel, within the caller's scope: the same permission and scope as the review.

const COLUMNS: [MessageKey, (r: RunRow) => string | number | null][] = [
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
  [
    'grading.staff.col.note',
    (r) => (r.initial ? translate('zh-CN', 'grading.staff.initial') : r.capped ? translate('zh-CN', 'grading.staff.capped') : null),
  ],
];

/** The export's name and body; refuses anyone without `grading.review`, and an unknown run is NOT_FOUND. */
export async function exportRun(
  ctx: { db: Db; actor: Actor | null; clock: () => Date },
  runId: number,
  format: ExportFormat,
): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const actor = ctx.actor;
  if (!actor || actor.kind !== 'staff' || actor.mustChangePassword || !hasPermission(actor.roles, 'grading.review'))
    throw new DomainError('FORBIDDEN');
  const run = await ctx.db.gradeRun.findUnique({ where: { id: runId }, select: { period: { select: { code: true } } } });
  if (!run) throw notFound();
  const headers = COLUMNS.map(([key]) => translate('zh-CN', key));
  const body = streamSheet(
    headers,
    runRowBatches({ db: ctx.db, actor, clock: ctx.clock }, runId),
    (r) => COLUMNS.map(([, cell]) => cell(r)),
    format,
    translate('zh-CN', 'grading.staff.sheet'),
  );
  return { filename: `grading-${run.period.code}-${runId}.${format}`, body };
}
