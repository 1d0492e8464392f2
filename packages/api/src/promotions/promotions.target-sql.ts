import { Prisma } from '@tobacco/db/client';

// promotions.rules.ts's matchPromotionTarget as a SQL condition, for lists and counts that must not load
// promotions one by one. `pr` is a "Promotion" row alias and `r` a "Retailer" row alias in the query.
// promotions.integration.test.ts checks that the two agree on the same cases.
export function promotionTargetsRetailerSql(pr: string, r: string): Prisma.Sql {
  const p = Prisma.raw(pr);
  const x = Prisma.raw(r);
  return Prisma.sql`(CASE WHEN ${p}."targetNamedList"
      THEN EXISTS (SELECT 1 FROM "PromotionListMember" m WHERE m."promotionId" = ${p}.id AND m."retailerId" = ${x}.id)
      ELSE (${p}."targetGradeMin" IS NULL OR ${x}.grade >= ${p}."targetGradeMin")
        AND (${p}."targetGradeMax" IS NULL OR ${x}.grade <= ${p}."targetGradeMax")
        AND (cardinality(${p}."targetClassifications") = 0 OR ${x}."classificationCode" = ANY (${p}."targetClassifications"))
        AND (cardinality(${p}."targetDistrictIds") = 0 OR ${x}."districtId" = ANY (${p}."targetDistrictIds"))
        AND (cardinality(${p}."targetIntegrityLevels") = 0 OR ${x}."integrityLevel" = ANY (${p}."targetIntegrityLevels"))
    END)`;
}

/** A promotion a retailer sees now: approved or live, and inside its publish window. */
export function promotionIsLiveSql(pr: string, now: Date): Prisma.Sql {
  const p = Prisma.raw(pr);
  return Prisma.sql`(${p}.state IN ('APPROVED', 'LIVE') AND ${p}."startsAt" <= ${now} AND ${p}."endsAt" > ${now})`;
}
