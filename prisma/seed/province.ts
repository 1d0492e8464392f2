/**
 * A provincial data set for benchmarks, added beside the demo company: 300,000 retailers over 11 districts
 * with ~60 account managers, 52 weekly cycles of orders (about 30 million order lines), 100,000 complaints
 * (most closed, `openPercent` still open) and a survey with 100,000 responses × 10 ratings (1,000,000 answers).
 *
 * Why it takes minutes, not an hour: everything is generated inside PostgreSQL by a few set-based
 * INSERT … SELECT statements (all 52 cycles of orders, then all their lines, each in two halves that two sessions
 * insert at the same time, since one INSERT … SELECT runs on one core; cycle after cycle, so that a cycle's orders
 * and lines lie together as real ones do), each order's totals are computed while
 * it is inserted (its lines are a pure function of shop, cycle and line number, so no UPDATE pass rewrites 14
 * million rows), and the order tables' indexes, keys and foreign keys are dropped during the load and built once
 * afterwards (one sort per index instead of 30 million inserts into it), the two tables' at the same time.
 * `--retailers N` makes a smaller set with the same shape, for benches that should run in a few minutes.
 * Last, the per-cycle demand summary (需求预测 vs 投放) is computed again for every closed cycle, now with the
 * province's orders in it.
 */
import type { PrismaClient } from '../../packages/db/src/client';
import { createDb } from '../../packages/db/src/client';
import { backfillCycleDemand } from '../../packages/api/src/products/forecast.service';

const DEFAULT_RETAILERS = 300_000;
export const DEFAULT_OPEN_PERCENT = 7;

type Step = (label: string, sql: string) => Promise<void>;

/** Runs `work` and prints how long it took under `label`. */
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t = Date.now();
  const result = await work();
  console.log(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return result;
}

function stepper(db: PrismaClient): Step {
  return async (label, sql) => {
    await timed(label, () => db.$executeRawUnsafe(sql));
  };
}

/**
 * Runs `load` with the tables' indexes and keys removed (foreign keys on either side, primary and unique keys,
 * the other indexes), then builds them again: one sort per index instead of millions of inserts into it. With
 * two sessions, each builds the keys and indexes of its own tables while the other builds theirs.
 */
async function withoutIndexes(sessions: PrismaClient[], tables: string[], load: () => Promise<void>): Promise<void> {
  const [db] = sessions as [PrismaClient];
  const list = tables.map((t) => `'"${t}"'::regclass`).join(', ');
  type Rebuilt = { tbl: string; name: string; def: string };
  const indexes = await db.$queryRawUnsafe<Rebuilt[]>(`
    SELECT i.indrelid::regclass::text AS tbl, c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid IN (${list}) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`);
  const constraints = (where: string) =>
    db.$queryRawUnsafe<Rebuilt[]>(`
      SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE ${where}`);
  const foreignKeys = await constraints(`contype = 'f' AND (conrelid IN (${list}) OR confrelid IN (${list}))`);
  const keys = await constraints(`contype IN ('p', 'u') AND conrelid IN (${list})`);
  const addConstraint = (k: Rebuilt) => `ALTER TABLE ${k.tbl} ADD CONSTRAINT "${k.name}" ${k.def}`;
  await stepper(db)(
    `drop indexes and keys of ${tables.join(', ')} for the load`,
    [...foreignKeys, ...keys]
      .map((k) => `ALTER TABLE ${k.tbl} DROP CONSTRAINT "${k.name}";`)
      .concat(indexes.map((i) => `DROP INDEX "${i.name}";`))
      .join('\n'),
  );
  try {
    await load();
  } finally {
    // A table's builds one after the other, each with PostgreSQL's parallel index build; its primary key first.
    await Promise.all(
      sessions.map(async (session, n) => {
        const step = stepper(session);
        for (const [t, table] of tables.entries()) {
          if (t % sessions.length !== n) continue;
          const own = (r: Rebuilt) => r.tbl === `"${table}"`;
          for (const k of keys.filter(own)) await step(`key ${k.name}`, addConstraint(k));
          for (const i of indexes.filter(own)) await step(`index ${i.name}`, i.def);
        }
      }),
    );
    // The foreign keys when every key they point at is there.
    const step = stepper(db);
    for (const k of foreignKeys) await step(`foreign key ${k.name}`, addConstraint(k));
  }
}

/** A client of one connection, so that the session settings below apply to every statement it runs. */
async function session(url: string): Promise<PrismaClient> {
  const db = createDb(url, { max: 1 });
  // Generated data can be generated again: no need to wait for each commit's flush. Index builds get memory.
  await db.$executeRawUnsafe(`SET synchronous_commit = off`);
  await db.$executeRawUnsafe(`SET maintenance_work_mem = '512MB'`);
  await db.$executeRawUnsafe(`SET work_mem = '64MB'`);
  // A scan of a big table starts at its first page, not where the other session's scan has got to: the rows
  // are inserted in the order they are read (the lines in their orders' order).
  await db.$executeRawUnsafe(`SET synchronize_seqscans = off`);
  return db;
}

export async function seedProvince(url: string, options: { retailers?: number; openPercent?: number } = {}): Promise<void> {
  const total = options.retailers ?? DEFAULT_RETAILERS;
  if (!Number.isInteger(total) || total < 1000) throw new Error('--retailers must be a whole number of at least 1000');
  // The second session inserts the other half of the orders and of their lines while the first inserts its own.
  const [db, other] = await Promise.all([session(url), session(url)]);
  const began = Date.now();
  const step = stepper(db);
  /** The same statement for both halves (`half` 0 and 1), one half per session, at the same time. */
  const halves = (label: string, sql: (half: number) => string) =>
    timed(label, () => Promise.all([db.$executeRawUnsafe(sql(0)), other.$executeRawUnsafe(sql(1))]));
  try {
    if ((await db.district.count({ where: { code: { startsWith: 'P' } } })) > 0) {
      console.log('The provincial data set is already there.');
      return;
    }
    console.log(`› Generating a provincial data set of ${total.toLocaleString('en')} retailers…`);
    const hash = (await db.retailerLogin.findFirstOrThrow({ select: { passwordHash: true } })).passwordHash;
    await step(
      'districts and account managers',
      `
      INSERT INTO "District" (code, name, "nameEn") SELECT 'P' || lpad(n::text, 2, '0'), '省辖市' || n || '营销部', 'Prefecture ' || n FROM generate_series(1, 11) n;
      INSERT INTO "StaffUser" (username, name, "passwordHash", "districtId")
        SELECT 'pam' || lpad(n::text, 3, '0'), '客户经理' || n, '${hash}', d.id
        FROM generate_series(1, 60) n JOIN "District" d ON d.code = 'P' || lpad((1 + n % 11)::text, 2, '0');
      INSERT INTO "StaffRoleGrant" ("userId", role) SELECT id, 'ACCOUNT_MANAGER' FROM "StaffUser" WHERE username LIKE 'pam%';`,
    );
    await step(
      'retailers',
      `
      INSERT INTO "Retailer" ("licenceNo", "shopName", "ownerName", phone, address, "districtId", market, "businessForm", "sizeClass",
        "classificationCode", "accountManagerId", "orderWeekday", grade, "integrityLevel", "openedOn", "updatedAt")
      SELECT '34' || lpad(n::text, 10, '0'), '商店' || n, '店主' || n, '13' || lpad((n::bigint * 7919 % 1000000000)::text, 9, '0'), '省内某路' || n || '号',
        d.id, m.market::"Market", f.form::"BusinessForm", s.size, m.market || f.form || s.size, am.id, 1 + n % 5, 1 + (n * 31) % 30,
        (ARRAY['AAA','AA','AA','A','A','A','B','C'])[1 + n % 8]::"IntegrityLevel", DATE '2015-01-01', now()
      FROM generate_series(1, ${total}) n
      CROSS JOIN LATERAL (SELECT CASE WHEN n % 3 = 0 THEN 'X' ELSE 'C' END AS market) m
      CROSS JOIN LATERAL (SELECT (ARRAY['Z','Z','Z','B','B','S','Y','F','Q'])[1 + n % 9] AS form) f
      CROSS JOIN LATERAL (SELECT 1 + (n / 7) % 3 AS size) s
      JOIN "District" d ON d.code = 'P' || lpad((1 + n % 11)::text, 2, '0')
      JOIN LATERAL (SELECT id FROM "StaffUser" WHERE username = 'pam' || lpad((1 + n % 60)::text, 3, '0')) am ON true;
      INSERT INTO "RetailerLogin" ("retailerId", "loginName", "displayName", "passwordHash")
        SELECT id, "licenceNo", "ownerName", '${hash}' FROM "Retailer" WHERE "licenceNo" LIKE '34%';`,
    );

    // The 52 newest cycles up to this week. ~93 % of shops order each week, two lines an order:
    // 300,000 × 52 × 0.93 × 2 ≈ 29 million lines. Line k (0 or 1) of the order of shop r in cycle c is product
    // number (r·17 + c·7 + k·29) mod P with quantity 1 + (r + c + k) mod 12: the order's totals are known when
    // the order is inserted, and its lines are derived from it afterwards.
    // In both sessions: a temporary table is the session's own.
    await halves(
      'products and cycles to order',
      () => `
      CREATE TEMP TABLE bench_product AS SELECT array_agg(id ORDER BY id) AS ids, array_agg("wholesalePriceFen" ORDER BY id) AS prices, count(*)::int AS n FROM "Product";
      CREATE TEMP TABLE bench_cycle AS SELECT * FROM (
        SELECT id, "weekStart" FROM "OrderCycle" WHERE "weekStart" <= now()::date ORDER BY "weekStart" DESC LIMIT 52) newest ORDER BY "weekStart";`,
    );
    const slot = (r: string, c: string, k: string) => `1 + (${r} * 17 + ${c} * 7 + ${k} * 29) % b.n`;
    const qty = (r: string, c: string, k: string) => `(1 + (${r} + ${c} + ${k}) % 12)`;
    const amount = (r: string, c: string, k: string) => `${qty(r, c, k)} * b.prices[${slot(r, c, k)}]::bigint`;
    await withoutIndexes([db, other], ['Order', 'OrderLine'], async () => {
      const [{ before, linesBefore }] = await db.$queryRawUnsafe<[{ before: number; linesBefore: number }]>(`
        SELECT (SELECT coalesce(max(id), 0)::int FROM "Order") AS before, (SELECT coalesce(max(id), 0)::int FROM "OrderLine") AS "linesBefore"`);
      // The ids are computed, not drawn from the sequences: two sessions drawing from one sequence wait for each
      // other on every row. Half 0 takes before + 1, + 3, …, half 1 before + 2, + 4, …; line k of order o
      // takes linesBefore + 2·(o − before) − 1 + k. The sequences are moved past them afterwards.
      // Cycle after cycle, as real orders arrive: a cycle's orders, and then its lines, lie together in the
      // tables (not one shop's 52 weeks side by side), so what reads one cycle reads the pages a real one would.
      const [odd, even] = await halves(
        'orders of 52 cycles',
        (half) => `
        INSERT INTO "Order" (id, "retailerId", "cycleId", "orderDate", channel, "totalQuantity", "totalAmountFen")
        SELECT ${before} + 2 * row_number() OVER () - ${1 - half}, r.id, c.id, c."weekStart" + (r."orderWeekday" - 1), 'ONLINE',
          ${qty('r.id', 'c.id', '0')} + ${qty('r.id', 'c.id', '1')}, ${amount('r.id', 'c.id', '0')} + ${amount('r.id', 'c.id', '1')}
        FROM bench_cycle c CROSS JOIN bench_product b
        -- Inside the loop over the cycles (the subquery refers to the cycle, and OFFSET 0 keeps the planner from
        -- merging it into the join): the rows come out cycle by cycle without a sort.
        CROSS JOIN LATERAL (
          SELECT id, "orderWeekday" FROM "Retailer" r
          WHERE r."licenceNo" LIKE '34%' AND (r.id * 7 + c.id * 13) % 100 >= 7 AND r.id % 2 = ${half} OFFSET 0) r`,
      );
      await halves(
        'order lines',
        (half) => `
        INSERT INTO "OrderLine" (id, "orderId", "productId", quantity, "unitPriceFen", "amountFen")
        SELECT ${linesBefore} + 2 * (o.id - ${before}) - 1 + k, o.id, b.ids[${slot('o."retailerId"', 'o."cycleId"', 'k')}], ${qty('o."retailerId"', 'o."cycleId"', 'k')},
          b.prices[${slot('o."retailerId"', 'o."cycleId"', 'k')}], ${amount('o."retailerId"', 'o."cycleId"', 'k')}
        -- Both lines of an order one after the other (a set-returning function in the select list runs per row).
        FROM (SELECT id, "retailerId", "cycleId", generate_series(0, 1) AS k FROM "Order" WHERE id > ${before} AND id % 2 = ${half}) o
        CROSS JOIN bench_product b`,
      );
      const lastOrder = before + Math.max(2 * odd - 1, 2 * even);
      await step(
        'sequences past the new ids',
        `SELECT setval(pg_get_serial_sequence('"Order"', 'id'), ${lastOrder}),
          setval(pg_get_serial_sequence('"OrderLine"', 'id'), ${linesBefore + 2 * (lastOrder - before)})`,
      );
    });

    await seedProvinceComplaints(db, { retailers: total, openPercent: options.openPercent ?? DEFAULT_OPEN_PERCENT });

    const responses = Math.min(100_000, Math.floor(total / 3));
    await withoutIndexes([db], ['SurveyAnswer'], () =>
      step(
        'survey with responses and answers',
        `
        INSERT INTO "Survey" (title, description, state, definition, target, "createdById", "updatedAt")
          SELECT '全省满意度调查（基准数据）', '基准测试数据', 'CLOSED', definition, '{}'::jsonb, "createdById", now()
          FROM "Survey" ORDER BY id LIMIT 1;
        INSERT INTO "SurveyQuestion" ("surveyId", key, dimension, weight, type, "scaleMin", "scaleMax", position)
          SELECT (SELECT max(id) FROM "Survey"), 'q' || n, (ARRAY['SUPPLY','ORDERING','DELIVERY','ACCOUNT_MANAGER','SETTLEMENT','COMPLAINTS','MARKET'])[1 + n % 7]::"ServiceDimension",
            0.1, 'RATING', 1, 5, n FROM generate_series(1, 10) n;
        INSERT INTO "SurveyResponse" ("surveyId", "retailerId", state, answers, "submittedAt", "updatedAt")
          SELECT (SELECT max(id) FROM "Survey"), r.id, 'SUBMITTED', '{}'::jsonb, now(), now()
          FROM "Retailer" r WHERE r."licenceNo" LIKE '34%' ORDER BY r.id LIMIT ${responses};
        INSERT INTO "SurveyAnswer" ("responseId", "questionId", "numericValue")
          SELECT resp.id, q.id, 1 + (resp.id * 7 + q.id * 3) % 5
          FROM "SurveyResponse" resp JOIN "SurveyQuestion" q ON q."surveyId" = resp."surveyId"
          WHERE resp."surveyId" = (SELECT max(id) FROM "Survey");`,
      ),
    );
    // The state autovacuum reaches on its own after a load: visibility map set (index-only scans), statistics.
    await step('vacuum analyze', 'VACUUM (ANALYZE)');
    // The demand summary of every closed cycle again, now with the province's orders, by the cycle job's own
    // function (all the cycles in one statement: one pass over the order lines).
    const t = Date.now();
    const cycles = await backfillCycleDemand(db, new Date());
    console.log(`  demand summary of ${cycles} closed cycles (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    await step('analyze the demand summary', 'ANALYZE "ProductCycleDemand"');
    const size = await db.$queryRaw<{ size: string }[]>`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`;
    console.log(`› Provincial data set generated in ${((Date.now() - began) / 60_000).toFixed(1)} min; database size ${size[0]?.size}`);
  } finally {
    await Promise.all([db.$disconnect(), other.$disconnect()]);
  }
}

/**
 * The province's complaint cases, replaced as a whole: min(100,000, retailers / 3) cases filed over three
 * years, of which `openPercent` % are still open. Open cases are the recent ones (filed in the last 30 days,
 * some of them past their deadline); closed cases spread over the three years with their accept, resolve
 * and close times. The complaint bench calls it again with 80 % open for its stress variant.
 */
export async function seedProvinceComplaints(db: PrismaClient, options: { retailers: number; openPercent: number }): Promise<void> {
  const { retailers, openPercent } = options;
  if (!(openPercent >= 0 && openPercent <= 100)) throw new Error('--open-cases must be a percentage from 0 to 100');
  const cases = Math.min(100_000, Math.floor(retailers / 3));
  await stepper(db)(
    `complaints (${openPercent} % open)`,
    `
    DELETE FROM "Complaint" WHERE "caseNo" LIKE 'PV%';
    INSERT INTO "Complaint" ("caseNo", "retailerId", kind, "categoryId", "departmentId", channel, state, subject, description,
      "acceptDueAt", "resolveDueAt", "acceptedAt", "resolvedAt", "closedAt", "createdAt", "updatedAt", "ownerId")
    SELECT 'PV' || lpad(n::text, 8, '0'), r.id, (ARRAY['COMPLAINT','QUESTION','SUGGESTION','REPORT'])[1 + n % 4]::"CaseKind", cat.id, cat."departmentId",
      (ARRAY['PORTAL','PHONE','VISIT'])[1 + n % 3]::"CaseChannel", s.state::"CaseState", '诉求' || n, '批量生成的诉求',
      f.filed + interval '24 hours', f.filed + interval '13 days',
      CASE WHEN s.state NOT IN ('SUBMITTED') THEN f.filed + interval '3 hours' END,
      CASE WHEN s.state IN ('RESOLVED', 'CLOSED') THEN f.filed + interval '4 days' END,
      CASE WHEN s.state = 'CLOSED' THEN f.filed + interval '6 days' END,
      f.filed, f.filed + interval '6 days' * (s.state = 'CLOSED')::int,
      CASE WHEN s.state <> 'SUBMITTED' THEN (SELECT id FROM "StaffUser" WHERE username = 'agent') END
    FROM generate_series(1, ${cases}) n
    CROSS JOIN LATERAL (SELECT abs(hashint4(n)) % 100 < ${openPercent} AS open) o
    CROSS JOIN LATERAL (SELECT CASE WHEN o.open
        THEN (ARRAY['SUBMITTED','ACCEPTED','IN_PROGRESS','IN_PROGRESS','WAITING_RETAILER','RESOLVED'])[1 + n % 6]
        ELSE 'CLOSED' END AS state) s
    CROSS JOIN LATERAL (SELECT now() - CASE WHEN o.open THEN (n % 720) * interval '1 hour' ELSE interval '7 days' + (n % 1088) * interval '1 day' + (n % 24) * interval '1 hour' END AS filed) f
    JOIN "Retailer" r ON r."licenceNo" = '34' || lpad((1 + n::bigint * 7919 % ${retailers})::text, 10, '0')
    JOIN LATERAL (SELECT id, "departmentId" FROM "ComplaintCategory" ORDER BY id OFFSET n % 8 LIMIT 1) cat ON true;
    ANALYZE "Complaint";`,
  );
}
