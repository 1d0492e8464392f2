import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { hasPermission } from '@tobacco/auth/permissions';
import { Prisma } from '@tobacco/db/client';
import { formatDateTime } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { StaffDeps } from '../deps';
import { DomainError } from '../errors';
import { getIndexBreakdown, getIndexOverview, getIndexTrend, getQuadrant, getStrataResponse } from './surveys.analytics';
import { flattenQuestions } from './surveys.rules';
import { ZSurveyDefinition, type Breakdown, type TExportInput } from './surveys.schema';

// Exports of the analytics screen: the answers (one row per response) and every index table, with the
// screen's filters, as CSV or Excel. Rows come from an async generator, a batch of responses at a time, and
// are written straight into the response stream: the whole file never sits in memory.

export type Cell = string | number | null;
export type ExportRows = { filename: string; sheet: string; total: number; rows: AsyncGenerator<Cell[]> };

const BATCH = 500;

const round = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The rows of one export. The answers need analytics.readNamed (they are individual answers); the index
 * tables follow the same anonymity rules as the screen, because they are built by the screen's functions.
 */
export async function exportRows(deps: StaffDeps, input: TExportInput, locale: Locale): Promise<ExportRows> {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const { table, format: _format, ...filter } = input;
  const base = `survey-${filter.surveyId}-${table}`;
  const sheet = t(`surveys.export.table.${table}` as MessageKey).slice(0, 31);
  const enumLabel = (kind: 'market' | 'form', value: string) => (value ? t(`enum.${kind}.${value}` as MessageKey) : '');
  const bandLabel = (band: number) => t(`surveys.band.${band}` as MessageKey);

  if (table === 'answers') {
    if (!hasPermission(deps.actor.roles, 'analytics.readNamed')) throw new DomainError('FORBIDDEN', 'surveys.error.namedOnly');
    return answerRows(deps, filter, locale, { filename: base, sheet, enumLabel, bandLabel, t });
  }

  const list = async function* (header: Cell[], body: Cell[][]) {
    yield header;
    for (const row of body) yield row;
  };

  if (table === 'dimensions' || table === 'nps') {
    const o = await getIndexOverview(deps, filter);
    if (table === 'dimensions') {
      const body: Cell[][] = o.dimensions.map((d) => [
        d.title,
        t(`surveys.dimension.${d.dimension}` as MessageKey),
        d.weight,
        round(d.score),
        d.answers,
      ]);
      body.push([t('surveys.analytics.index'), '', '', round(o.index), o.respondents]);
      return {
        filename: base,
        sheet,
        total: body.length,
        rows: list(
          [t('surveys.col.section'), t('surveys.col.dimension'), t('surveys.col.weight'), t('surveys.col.score'), t('surveys.col.answers')],
          body,
        ),
      };
    }
    const n = o.nps;
    return {
      filename: base,
      sheet,
      total: 1,
      rows: list(
        [
          t('surveys.col.promoters'),
          t('surveys.col.passives'),
          t('surveys.col.detractors'),
          t('surveys.col.answers'),
          t('surveys.col.nps'),
        ],
        [[n.promoters, n.passives, n.detractors, n.total, round(n.nps)]],
      ),
    };
  }

  if (table === 'quadrant') {
    const q = await getQuadrant(deps, filter);
    const body = q.points.map((p) => [
      p.title,
      round(p.importance, 3),
      round(p.satisfaction),
      t(`surveys.quadrant.${p.quadrant}` as MessageKey),
    ]);
    return {
      filename: base,
      sheet,
      total: body.length,
      rows: list([t('surveys.col.dimension'), t('surveys.col.importance'), t('surveys.col.score'), t('surveys.col.quadrant')], body),
    };
  }

  if (table === 'trend') {
    const trend = await getIndexTrend(deps, filter);
    const body = trend.rows.map((r) => [
      r.title,
      r.opensAt ? formatDateTime(r.opensAt, locale) : '',
      r.respondents,
      round(r.index),
      round(r.nps),
    ]);
    return {
      filename: base,
      sheet,
      total: body.length,
      rows: list(
        [t('surveys.col.survey'), t('surveys.col.opensAt'), t('surveys.col.respondents'), t('surveys.col.index'), t('surveys.col.nps')],
        body,
      ),
    };
  }

  if (table === 'strata') {
    const strata = await getStrataResponse(deps, filter);
    const body = strata.map((s) => [
      s.key,
      enumLabel('market', s.market),
      t(`common.size.${s.sizeClass}` as MessageKey),
      enumLabel('form', s.businessForm),
      bandLabel(s.gradeBand),
      s.invited,
      s.responded,
      round(s.rate === null ? null : s.rate * 100, 1),
    ]);
    return {
      filename: base,
      sheet,
      total: body.length,
      rows: list(
        [
          t('surveys.col.stratum'),
          t('surveys.col.market'),
          t('surveys.col.size'),
          t('surveys.col.form'),
          t('surveys.col.gradeBand'),
          t('surveys.col.invited'),
          t('surveys.col.responded'),
          t('surveys.col.responseRate'),
        ],
        body,
      ),
    };
  }

  const by = table as Breakdown;
  const breakdown = await getIndexBreakdown(deps, { ...filter, by });
  const groupName = (key: string, label: { name: string; nameEn: string } | null) => {
    if (label) return locale === 'en' ? label.nameEn : label.name;
    if (by === 'market') return enumLabel('market', key);
    if (by === 'businessForm') return enumLabel('form', key);
    if (by === 'gradeBand') return bandLabel(Number(key));
    if (by === 'accountManager' && key === '0') return t('common.notAssigned');
    return key;
  };
  const body = breakdown.rows.map((r) => [
    groupName(r.key, r.label),
    r.respondents,
    round(r.index),
    ...breakdown.dimensions.map((d) => round(r.dimensions[d.dimension]?.score)),
    round(r.nps.nps),
  ]);
  return {
    filename: base,
    sheet,
    total: body.length,
    rows: list(
      [
        t(`surveys.breakdown.${by}` as MessageKey),
        t('surveys.col.respondents'),
        t('surveys.col.index'),
        ...breakdown.dimensions.map((d) => d.title),
        t('surveys.col.nps'),
      ],
      body,
    ),
  };
}

type AnswerContext = {
  filename: string;
  sheet: string;
  t: (key: MessageKey) => string;
  enumLabel: (kind: 'market' | 'form', value: string) => string;
  bandLabel: (band: number) => string;
};

function answerFilterSql(filter: Omit<TExportInput, 'table' | 'format'>): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c."surveyId" = ${filter.surveyId}`, Prisma.sql`c.state = 'SUBMITTED'`];
  if (filter.districtId !== undefined) parts.push(Prisma.sql`c."districtId" = ${filter.districtId}`);
  if (filter.market !== undefined) parts.push(Prisma.sql`c.market = ${filter.market}::"Market"`);
  if (filter.businessForm !== undefined) parts.push(Prisma.sql`c."businessForm" = ${filter.businessForm}::"BusinessForm"`);
  if (filter.gradeBand !== undefined) parts.push(Prisma.sql`c."gradeBand" = ${filter.gradeBand}`);
  if (filter.accountManagerId !== undefined) parts.push(Prisma.sql`coalesce(c."accountManagerId", 0) = ${filter.accountManagerId}`);
  return Prisma.join(parts, ' AND ');
}

async function answerRows(
  { db }: StaffDeps,
  filter: Omit<TExportInput, 'table' | 'format'>,
  locale: Locale,
  ctx: AnswerContext,
): Promise<ExportRows> {
  const survey = await db.survey.findUnique({ where: { id: filter.surveyId }, select: { definition: true, state: true } });
  if (!survey || !['OPEN', 'CLOSED'].includes(survey.state)) throw new DomainError('NOT_FOUND');
  const questions = flattenQuestions(ZSurveyDefinition.parse(survey.definition));
  const where = answerFilterSql(filter);
  const [{ n }] = (await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "SurveyResponse" c WHERE ${where}`) as [{ n: bigint }];

  // One column per question, and per row of a matrix.
  const columns = questions.flatMap((q) =>
    q.type === 'MATRIX'
      ? (q.rows ?? []).map((row) => ({ q, rowKey: row.key, label: `${q.label} · ${row.label}` }))
      : [{ q, rowKey: '', label: q.label }],
  );
  const header: Cell[] = [
    ctx.t('surveys.col.response'),
    ctx.t('surveys.col.licenceNo'),
    ctx.t('surveys.col.shopName'),
    ctx.t('surveys.col.district'),
    ctx.t('surveys.col.market'),
    ctx.t('surveys.col.form'),
    ctx.t('surveys.col.gradeBand'),
    ctx.t('surveys.col.accountManager'),
    ctx.t('surveys.col.channel'),
    ctx.t('surveys.col.submittedAt'),
    ...columns.map((c) => c.label),
  ];
  const optionLabel = new Map(questions.map((q) => [q.key, new Map((q.options ?? []).map((o) => [o.value, o.label]))]));

  async function* rows(): AsyncGenerator<Cell[]> {
    yield header;
    let after = 0;
    for (;;) {
      const batch = await db.$queryRaw<
        {
          id: number;
          submittedAt: Date;
          channel: string;
          licenceNo: string;
          shopName: string;
          district: string | null;
          districtEn: string | null;
          market: string | null;
          businessForm: string | null;
          gradeBand: number | null;
          manager: string | null;
        }[]
      >`
        SELECT c.id, c."submittedAt", c.channel::text AS channel, r."licenceNo", r."shopName", d.name AS district, d."nameEn" AS "districtEn",
          c.market::text AS market, c."businessForm"::text AS "businessForm", c."gradeBand", s.name AS manager
        FROM "SurveyResponse" c
        JOIN "Retailer" r ON r.id = c."retailerId"
        LEFT JOIN "District" d ON d.id = c."districtId"
        LEFT JOIN "StaffUser" s ON s.id = c."accountManagerId"
        WHERE ${where} AND c.id > ${after}
        ORDER BY c.id
        LIMIT ${BATCH}`;
      if (batch.length === 0) return;
      const ids = batch.map((b) => b.id);
      const answers = await db.$queryRaw<
        { responseId: number; key: string; rowKey: string; numericValue: number | null; choices: string[]; text: string | null }[]
      >`
        SELECT a."responseId", q.key, a."rowKey", a."numericValue", a.choices, a.text
        FROM "SurveyAnswer" a JOIN "SurveyQuestion" q ON q.id = a."questionId"
        WHERE a."responseId" = ANY(${ids}::int[])`;
      const byResponse = new Map<number, Map<string, Cell>>();
      for (const a of answers) {
        const labels = optionLabel.get(a.key);
        const value: Cell = a.numericValue ?? a.text ?? (a.choices.length ? a.choices.map((c) => labels?.get(c) ?? c).join('; ') : null);
        let m = byResponse.get(a.responseId);
        if (!m) byResponse.set(a.responseId, (m = new Map()));
        m.set(`${a.key}\u0000${a.rowKey}`, value);
      }
      for (const b of batch) {
        const m = byResponse.get(b.id);
        yield [
          b.id,
          b.licenceNo,
          b.shopName,
          (locale === 'en' ? b.districtEn : b.district) ?? '',
          ctx.enumLabel('market', b.market ?? ''),
          ctx.enumLabel('form', b.businessForm ?? ''),
          b.gradeBand === null ? '' : ctx.bandLabel(b.gradeBand),
          b.manager ?? '',
          ctx.t(`surveys.channel.${b.channel}` as MessageKey),
          formatDateTime(b.submittedAt, locale),
          ...columns.map((c) => m?.get(`${c.q.key}\u0000${c.rowKey}`) ?? null),
        ];
      }
      after = batch.at(-1)!.id;
      if (batch.length < BATCH) return;
    }
  }
  return { filename: ctx.filename, sheet: ctx.sheet, total: Number(n), rows: rows() };
}

// ---------------------------------------------------------------- writers

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what needs it, and defuse cells a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a byte-order mark (so Excel reads the Chinese right), pulled row by row as the client reads. */
export function csvStream(rows: AsyncGenerator<Cell[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = first ? '\uFEFF' : '';
      first = false;
      // Up to 200 rows per chunk: small enough to stream, large enough not to crawl.
      for (let i = 0; i < 200; i += 1) {
        const next = await rows.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += `${next.value.map(csvField).join(',')}\r\n`;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}

/** Excel through exceljs's streaming writer: each row is committed (written out) as soon as it is added. */
export function xlsxStream(rows: AsyncGenerator<Cell[]>, sheetName: string): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ') || 'Sheet1');
  void (async () => {
    try {
      for await (const row of rows) {
        sheet.addRow(row).commit();
        // Let a slow client set the pace instead of buffering the workbook.
        if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}
