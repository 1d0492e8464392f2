import type { PrismaClient } from '../packages/db/src/client';

/** The survey benches' province: 12 districts, 5 account managers each, and `count` shops spread over
 *  districts, markets, forms, sizes and grades, each district's shops shared by its managers. */
export async function insertSurveyShops(db: PrismaClient, count: number): Promise<void> {
  const DISTRICTS = 12;
  const MANAGERS_PER_DISTRICT = 5;
  await db.$executeRawUnsafe(
    `INSERT INTO "District" (code, name, "nameEn") SELECT 'B' || g, '区县' || g, 'District ' || g FROM generate_series(1, ${DISTRICTS}) g`,
  );
  await db.$executeRawUnsafe(`
    INSERT INTO "StaffUser" (username, name, "passwordHash", "districtId")
    SELECT 'bench_am' || g, '客户经理' || g, 'x', (SELECT id FROM "District" ORDER BY id OFFSET (g - 1) % ${DISTRICTS} LIMIT 1)
    FROM generate_series(1, ${DISTRICTS * MANAGERS_PER_DISTRICT}) g`);
  await db.$executeRawUnsafe(`
    WITH d AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM "District"),
         m AS (SELECT id, "districtId", row_number() OVER (PARTITION BY "districtId" ORDER BY id) - 1 AS n FROM "StaffUser")
    INSERT INTO "Retailer" ("licenceNo", "shopName", "ownerName", phone, address, "districtId", market, "businessForm", "sizeClass",
      "classificationCode", "accountManagerId", "orderWeekday", grade, "openedOn", "updatedAt")
    SELECT lpad((800000000000 + g)::text, 12, '0'), '测试店' || g, '店主' || g, '139' || lpad(g::text, 8, '0'), '测试路' || g,
      d.id, mk::"Market", fm::"BusinessForm", sz, mk || fm || sz, m.id, 1 + g % 7, 1 + (g * 7) % 30, DATE '2020-01-01', now()
    FROM generate_series(1, ${count}) g
    CROSS JOIN LATERAL (SELECT CASE WHEN g % 3 = 0 THEN 'X' ELSE 'C' END AS mk,
                               (ARRAY['Z','B','S','N','Y','F','Q'])[1 + g % 7] AS fm, 1 + g % 3 AS sz) x
    JOIN d ON d.n = g % ${DISTRICTS}
    JOIN m ON m."districtId" = d.id AND m.n = (g / ${DISTRICTS}) % ${MANAGERS_PER_DISTRICT}`);
}
