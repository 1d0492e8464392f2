/**
 * A provincial data set for benchmarks, added beside the demo company: 300,000 retailers over 11 districts
 * with ~60 account managers, 52 weekly cycles of orders (about 30 million order lines), 100,000 complaints and
 * a survey with 100,000 responses × 10 ratings (1,000,000 answers). Everything is generated inside PostgreSQL
 * with set-based INSERT … SELECT over generate_series, one statement per cycle, never row by row.
 * `--retailers N` makes a smaller set with the same shape (for trying it out).
 */
import { createDb } from '../../packages/db/src/client';

const DEFAULT_RETAILERS = 300_000;

export async function seedProvince(url: string, options: { retailers?: number } = {}): Promise<void> {
  const total = options.retailers ?? DEFAULT_RETAILERS;
  if (!Number.isInteger(total) || total < 1000) throw new Error('--retailers must be a whole number of at least 1000');
  const db = createDb(url, { max: 2 });
  const began = Date.now();
  const step = async (label: string, sql: string) => {
    const t = Date.now();
    await db.$executeRawUnsafe(sql);
    console.log(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };
  try {
    if ((await db.district.count({ where: { code: { startsWith: 'P' } } })) > 0) {
      console.log('The provincial data set is already there.');
      return;
    }
    console.log(`› Generating a provincial data set of ${total.toLocaleString('en')} retailers…`);
    const hash = (await db.retailerLogin.findFirstOrThrow({ select: { passwordHash: true } })).passwordHash;
    await step('districts and account managers', `
      INSERT INTO "District" (code, name, "nameEn") SELECT 'P' || lpad(n::text, 2, '0'), '省辖市' || n || '营销部', 'Prefecture ' || n FROM generate_series(1, 11) n;
      INSERT INTO "StaffUser" (username, name, "passwordHash", "districtId")
        SELECT 'pam' || lpad(n::text, 3, '0'), '客户经理' || n, '${hash}', d.id
        FROM generate_series(1, 60) n JOIN "District" d ON d.code = 'P' || lpad((1 + n % 11)::text, 2, '0');
      INSERT INTO "StaffRoleGrant" ("userId", role) SELECT id, 'ACCOUNT_MANAGER' FROM "StaffUser" WHERE username LIKE 'pam%';`);
    await step('retailers', `
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
        SELECT id, "licenceNo", "ownerName", '${hash}' FROM "Retailer" WHERE "licenceNo" LIKE '34%';`);
    const cycles = await db.$queryRaw<{ id: number }[]>`SELECT id FROM "OrderCycle" WHERE "weekStart" <= now()::date ORDER BY "weekStart" DESC LIMIT 52`;
    const products = await db.product.count();
    for (const [index, cycle] of cycles.entries()) {
      // ~93 % of shops order each week with about 2 lines each: 300,000 × 52 × 0.93 × 2 ≈ 29 million lines.
      await step(`cycle ${index + 1}/${cycles.length}`, `
        WITH o AS (
          INSERT INTO "Order" ("retailerId", "cycleId", "orderDate", channel, "totalQuantity", "totalAmountFen")
          SELECT r.id, c.id, c."weekStart" + (r."orderWeekday" - 1), 'ONLINE', 0, 0
          FROM "Retailer" r, "OrderCycle" c
          WHERE c.id = ${cycle.id} AND r."licenceNo" LIKE '34%' AND (r.id * 7 + c.id * 13) % 100 >= 7
          RETURNING id)
        INSERT INTO "OrderLine" ("orderId", "productId", quantity, "unitPriceFen", "amountFen")
        SELECT o.id, p.id, q.qty, p."wholesalePriceFen", q.qty * p."wholesalePriceFen"
        FROM o CROSS JOIN generate_series(0, 1) k
        JOIN "Product" p ON p.id = (SELECT min(id) FROM "Product") + (o.id * 17 + k * 29) % ${products}
        CROSS JOIN LATERAL (SELECT 1 + (o.id + k) % 12 AS qty) q;
        UPDATE "Order" ord SET "totalQuantity" = t.qty, "totalAmountFen" = t.amount
        FROM (SELECT l."orderId", sum(quantity)::int qty, sum("amountFen") amount FROM "OrderLine" l JOIN "Order" x ON x.id = l."orderId"
              WHERE x."cycleId" = ${cycle.id} AND x."totalQuantity" = 0 GROUP BY l."orderId") t
        WHERE ord.id = t."orderId";`);
    }
    const complaints = Math.min(100_000, total / 3);
    await step('complaints', `
      INSERT INTO "Complaint" ("caseNo", "retailerId", kind, "categoryId", "departmentId", channel, state, subject, description,
        "acceptDueAt", "resolveDueAt", "createdAt", "updatedAt", "ownerId")
      SELECT 'PV' || lpad(n::text, 8, '0'), r.id, (ARRAY['COMPLAINT','QUESTION','SUGGESTION','REPORT'])[1 + n % 4]::"CaseKind", cat.id, cat."departmentId",
        (ARRAY['PORTAL','PHONE','VISIT'])[1 + n % 3]::"CaseChannel", (ARRAY['SUBMITTED','ACCEPTED','IN_PROGRESS','WAITING_RETAILER','RESOLVED','CLOSED'])[1 + n % 6]::"CaseState",
        '诉求' || n, '批量生成的诉求', now() - (n % 400) * interval '1 hour' + interval '24 hours', now() - (n % 400) * interval '1 hour' + interval '13 days',
        now() - (n % 400) * interval '1 hour', now(), CASE WHEN n % 6 > 0 THEN (SELECT id FROM "StaffUser" WHERE username = 'agent') END
      FROM generate_series(1, ${complaints}) n
      JOIN "Retailer" r ON r."licenceNo" = '34' || lpad((1 + n * 3 % ${total})::text, 10, '0')
      JOIN LATERAL (SELECT id, "departmentId" FROM "ComplaintCategory" ORDER BY id OFFSET n % 8 LIMIT 1) cat ON true;`);
    const responses = Math.min(100_000, total / 3);
    await step('survey with responses and answers', `
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
        WHERE resp."surveyId" = (SELECT max(id) FROM "Survey");`);
    await step('analyze', 'ANALYZE');
    const size = await db.$queryRaw<{ size: string }[]>`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`;
    console.log(`› Provincial data set generated in ${((Date.now() - began) / 60_000).toFixed(1)} min; database size ${size[0]?.size}`);
  } finally {
    await db.$disconnect();
  }
}
