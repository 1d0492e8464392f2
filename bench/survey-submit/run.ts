/**
 * Survey submissions under load, with the index's running totals kept current (see bench/README.md):
 *   npx tsx bench/survey-submit/run.ts [--shops 30000] [--clients 32] [--warmup 5] [--seconds 20] [--doubles 5]
 *
 * Creates a throw-away database on the embedded server (EMBEDDED_PG_PORT, or the server DATABASE_URL names),
 * generates shops over 12 districts with 60 account managers, one OPEN survey of ten rating questions
 * and one NPS question, and invites every shop; last quarter's survey, answered by every shop, is already in the
 * tables (a company's database never starts a survey with them empty). Then `--clients` callers submit, in a closed loop for a
 * warm-up and then a timed period, each as the next shop not yet served, through the portal's own procedure (tRPC caller →
 * `submitMyResponse`: validation, the response, its answers, the running totals and the audit row in one
 * transaction). `--doubles` per cent of the submissions are sent twice at once (a double click), which must
 * give the one response back, not a second one.
 *
 * Afterwards it checks, and fails the run otherwise: every submission answered is one SUBMITTED response
 * (0 lost), no shop has two responses or doubled answers (0 duplicated), and the running totals equal a
 * recomputation from the answers (`rebuildIndexCells`, compared cell by cell). The clock is pinned inside
 * the survey's window. The database is dropped at the end.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createPortalCaller } from '../../packages/api/src/portal';
import { rebuildIndexCells } from '../../packages/api/src/surveys/surveys.service';
import { createDb } from '../../packages/db/src/client';
import { createDatabase, databaseUrlFor, dropDatabase, ensureDatabase } from '../../packages/db/src/embedded';
import { applyMigrations } from '../../packages/db/src/migrate';
import { insertSurveyShops } from '../survey-shops';

const { values: args } = parseArgs({
  options: {
    shops: { type: 'string', default: '30000' },
    clients: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '20' },
    doubles: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '5' },
  },
});
const SHOPS = Number(args.shops);
const CLIENTS = Number(args.clients);
const SECONDS = Number(args.seconds);
const DOUBLES = Number(args.doubles) / 100;
const WARMUP = Number(args.warmup);
const RATINGS = ['supply_a', 'supply_b', 'order_a', 'delivery_a', 'delivery_b', 'am_a', 'am_b', 'settle_a', 'complaint_a', 'market_a'];
const DIMENSIONS = [
  'SUPPLY',
  'SUPPLY',
  'ORDERING',
  'DELIVERY',
  'DELIVERY',
  'ACCOUNT_MANAGER',
  'ACCOUNT_MANAGER',
  'SETTLEMENT',
  'COMPLAINTS',
  'MARKET',
];

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const server = await ensureDatabase('postgres');
const name = `bench_survey_submit_${process.pid}`;
const url = databaseUrlFor(server.adminUrl, name);
await createDatabase(server.adminUrl, name);
// The product's own pool, as one portal server has it: 32 callers share its connections.
const db = createDb(url);
const sql = (text: string, ...values: unknown[]) => db.$executeRawUnsafe(text, ...values);
try {
  await applyMigrations(url);
  await insertSurveyShops(db, SHOPS);
  const opensAt = new Date(Date.now() - 86_400_000);
  const moment = new Date(opensAt.getTime() + 3_600_000);
  const definition = {
    sections: [
      ...[...new Set(DIMENSIONS)].map((dimension) => ({
        key: dimension.toLowerCase(),
        dimension,
        weight: 1 / 7,
        title: dimension,
        questions: [
          ...RATINGS.filter((_, i) => DIMENSIONS[i] === dimension).map((key) => ({
            key,
            type: 'RATING',
            label: key,
            required: true,
            scaleMin: 1,
            scaleMax: 5,
          })),
          ...(dimension === 'MARKET' ? [{ key: 'nps', type: 'NPS', label: 'nps', required: true, scaleMin: 0, scaleMax: 10 }] : []),
        ],
      })),
    ],
  };
  /** A survey of the ten ratings and the NPS question, with its questions; answers as `answersOf` gives them. */
  const createSurvey = async (title: string, state: 'OPEN' | 'CLOSED', from: Date, to: Date | null) => {
    const [survey] = await db.$queryRawUnsafe<{ id: number }[]>(
      `INSERT INTO "Survey" (title, description, state, definition, target, "targetKind", "createdById", "opensAt", "closesAt", "updatedAt")
       VALUES ($1, '', $2::"SurveyState", $3::jsonb, '{"kind":"ALL"}', 'ALL', (SELECT min(id) FROM "StaffUser"), $4, $5, now()) RETURNING id`,
      title,
      state,
      JSON.stringify(definition),
      from,
      to,
    );
    await sql(
      `INSERT INTO "SurveyQuestion" ("surveyId", key, dimension, weight, type, "scaleMin", "scaleMax", position)
       SELECT $1, k.key, k.dim::"ServiceDimension", 0.1, 'RATING', 1, 5, k.n FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS k(key, dim, n)`,
      survey!.id,
      RATINGS,
      DIMENSIONS,
    );
    await sql(
      `INSERT INTO "SurveyQuestion" ("surveyId", key, dimension, weight, type, "scaleMin", "scaleMax", position) VALUES ($1, 'nps', 'MARKET', 0, 'NPS', 0, 10, 11)`,
      survey!.id,
    );
    await sql(`INSERT INTO "SurveyInvitation" ("surveyId", "retailerId") SELECT $1, id FROM "Retailer"`, survey!.id);
    return survey!.id;
  };
  // The tables as a company that runs surveys has them: last quarter's survey, answered by every shop, is in
  // the response and answer tables before this one opens. On empty tables each answer's foreign-key check
  // would keep the sequential-scan plan its connection made while the table was empty (see bench/README.md).
  const previousId = await createSurvey(
    '上季度调查',
    'CLOSED',
    new Date(opensAt.getTime() - 100 * 86_400_000),
    new Date(opensAt.getTime() - 70 * 86_400_000),
  );
  await sql(
    `INSERT INTO "SurveyResponse" ("surveyId", "retailerId", state, channel, answers, "startedAt", "updatedAt", "submittedAt",
       "districtId", market, "businessForm", "gradeBand", "accountManagerId")
     SELECT $1, r.id, 'SUBMITTED', 'PORTAL', '{}', s."opensAt", s."opensAt", s."opensAt", r."districtId", r.market, r."businessForm",
       CASE WHEN r.grade IS NULL THEN 0 ELSE 1 + (r.grade - 1) / 10 END, r."accountManagerId"
     FROM "Retailer" r, "Survey" s WHERE s.id = $1`,
    previousId,
  );
  await sql(
    `INSERT INTO "SurveyAnswer" ("responseId", "questionId", "numericValue")
     SELECT resp.id, q.id, CASE WHEN q.type = 'NPS' THEN (resp."retailerId" * 13) % 11 ELSE 1 + (resp."retailerId" * 7 + (q.position - 1) * 3) % 5 END
     FROM "SurveyResponse" resp JOIN "SurveyQuestion" q ON q."surveyId" = resp."surveyId" WHERE resp."surveyId" = $1`,
    previousId,
  );
  await rebuildIndexCells(db, previousId);
  const surveyId = await createSurvey('提交基准', 'OPEN', opensAt, null);
  await sql('VACUUM ANALYZE');
  // Submissions come from all over the province at once, not district by district: shops in random order.
  const shops = (await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM "Retailer" ORDER BY random()`)).map((r) => r.id);

  // ---------------------------------------------------------------- the run
  const clock = () => moment;
  const answersOf = (retailerId: number) => ({
    ...Object.fromEntries(RATINGS.map((key, i) => [key, 1 + ((retailerId * 7 + i * 3) % 5)])),
    nps: (retailerId * 13) % 11,
  });
  const submitAs = (retailerId: number) =>
    createPortalCaller({ db, actor: { kind: 'retailer', retailerId, loginId: 0 }, requestId: 'bench', clock }).surveys.submit({
      surveyId,
      answers: answersOf(retailerId),
    });

  // Submissions during the warm-up (the JIT, each connection preparing its statements) are checked like the
  // others but not timed.
  let next = 0;
  let submitted = 0;
  let timed = 0;
  let doubled = 0;
  const latencies: number[] = [];
  const answered = new Map<number, number>();
  const started = performance.now() + WARMUP * 1000;
  const deadline = started + SECONDS * 1000;
  let loadBefore = load();
  setTimeout(() => (loadBefore = load()), WARMUP * 1000);
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline && next < shops.length) {
        const retailerId = shops[next++]!;
        const t0 = performance.now();
        const twice = Math.random() < DOUBLES;
        const results = await Promise.all(twice ? [submitAs(retailerId), submitAs(retailerId)] : [submitAs(retailerId)]);
        if (t0 >= started) latencies.push(performance.now() - t0);
        if (new Set(results.map((r) => r.responseId)).size !== 1) throw new Error(`shop ${retailerId}: a double submit gave two responses`);
        answered.set(retailerId, results[0]!.responseId);
        submitted += 1;
        if (t0 >= started) timed += 1;
        if (twice && t0 >= started) doubled += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const loadAfter = load();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;

  // ---------------------------------------------------------------- the checks
  const [counts] = await db.$queryRawUnsafe<{ responses: number; shops: number; answers: number; respondents: number }[]>(
    `SELECT (SELECT count(*)::int FROM "SurveyResponse" WHERE "surveyId" = $1 AND state = 'SUBMITTED') AS responses,
            (SELECT count(DISTINCT "retailerId")::int FROM "SurveyResponse" WHERE "surveyId" = $1) AS shops,
            (SELECT count(*)::int FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId" WHERE r."surveyId" = $1) AS answers,
            (SELECT coalesce(sum(respondents), 0)::int FROM "SurveyRespondentCell" WHERE "surveyId" = $1) AS respondents`,
    surveyId,
  );
  const lost = submitted - counts!.responses;
  const duplicated = counts!.responses - counts!.shops + (counts!.answers - counts!.responses * (RATINGS.length + 1));
  // The running totals as the submissions left them, against the same totals recomputed from the answers.
  await sql(`CREATE TABLE bench_cells AS SELECT * FROM "SurveyIndexCell" WHERE "surveyId" = $1`, surveyId);
  await sql(`CREATE TABLE bench_respondents AS SELECT * FROM "SurveyRespondentCell" WHERE "surveyId" = $1`, surveyId);
  await rebuildIndexCells(db, surveyId);
  const [diff] = await db.$queryRawUnsafe<{ cells: number; respondents: number; total: number }[]>(
    `SELECT (SELECT count(*)::int FROM ((SELECT * FROM bench_cells EXCEPT SELECT * FROM "SurveyIndexCell" WHERE "surveyId" = $1)
                                   UNION ALL (SELECT * FROM "SurveyIndexCell" WHERE "surveyId" = $1 EXCEPT SELECT * FROM bench_cells)) d) AS cells,
            (SELECT count(*)::int FROM ((SELECT * FROM bench_respondents EXCEPT SELECT * FROM "SurveyRespondentCell" WHERE "surveyId" = $1)
                                   UNION ALL (SELECT * FROM "SurveyRespondentCell" WHERE "surveyId" = $1 EXCEPT SELECT * FROM bench_respondents)) d) AS respondents,
            (SELECT count(*)::int FROM bench_cells) AS total`,
    surveyId,
  );

  console.log(
    `database: ${name}; ${SHOPS.toLocaleString('en')} shops invited, ${CLIENTS} concurrent clients, ${WARMUP} s warm-up, then ${SECONDS} s timed; machine: ${os.cpus().length} cores, node ${process.version}`,
  );
  console.log(`load average before ${loadBefore}, after ${loadAfter}\n`);
  console.log(
    '| submissions timed | of them sent twice | per s | p50 ms | p95 ms | p99 ms | lost | duplicated | running totals vs recomputation |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| ${timed.toLocaleString('en')} | ${doubled} | ${(timed / elapsed).toFixed(0)} | ${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)} | ${at(0.99).toFixed(1)} | ${lost} | ${duplicated} | ${diff!.cells + diff!.respondents === 0 ? `equal (${diff!.total} cells, ${counts!.respondents} respondents)` : `${diff!.cells} cells and ${diff!.respondents} respondent cells differ`} |`,
  );
  if (lost !== 0 || duplicated !== 0 || diff!.cells + diff!.respondents !== 0 || counts!.respondents !== counts!.responses) {
    throw new Error('the run lost, duplicated or miscounted submissions');
  }
  if (next >= shops.length) console.log(`\nevery invited shop submitted before the time was up: give more --shops for a longer run`);
} finally {
  await db.$disconnect();
  await dropDatabase(server.adminUrl, name);
  await server.stop();
}
