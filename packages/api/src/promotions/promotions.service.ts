import type { DbTx } from '@tobacco/db/client';
import type { RetailerDeps } from '../deps';
import { notFound } from '../errors';
import { promotionBodyText, sanitizePromotionBody } from './promotions.body.rules';
import { matchPromotionTarget } from './promotions.rules';
import { promotionIsLiveSql, promotionTargetsRetailerSql } from './promotions.target-sql';
import type { ZMyPromotionsInput } from './promotions.schema';
import type { z } from 'zod';

// Promotions as a retailer sees them (domain.md §6): the live ones that target me, newest first, and a
// detail that says why I see it. Opening one marks my delivery opened, for staff's open rate.

type ListRow = {
  id: number;
  title: string;
  body: string;
  startsAt: Date;
  endsAt: Date;
  productCount: number;
  openedAt: Date | null;
  total: number;
};

/** Live promotions targeting the retailer, newest first: one query on the (state, startsAt, endsAt) index. */
export async function listLivePromotionsFor(db: DbTx, retailerId: number, now: Date, page: { page: number; pageSize: number }) {
  const rows = await db.$queryRaw<ListRow[]>`
    SELECT pr.id, pr.title, left(pr.body, 2000) AS body, pr."startsAt", pr."endsAt",
      (SELECT count(*)::int FROM "PromotionProduct" pp WHERE pp."promotionId" = pr.id) AS "productCount",
      d."openedAt", (count(*) OVER ())::int AS total
    FROM "Promotion" pr
    JOIN "Retailer" r ON r.id = ${retailerId}
    LEFT JOIN "PromotionDelivery" d ON d."promotionId" = pr.id AND d."retailerId" = r.id
    WHERE ${promotionIsLiveSql('pr', now)} AND ${promotionTargetsRetailerSql('pr', 'r')}
    ORDER BY pr."startsAt" DESC, pr.id DESC
    LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`;
  // The body is HTML: the excerpt is its text, cut after the markup is gone so no tag is cut in half.
  const items = rows.map(({ total: _t, body, ...row }) => ({ ...row, excerpt: excerptOf(body) }));
  return { items, total: rows[0]?.total ?? 0 };
}

const EXCERPT_LENGTH = 140;

function excerptOf(html: string): string {
  const text = promotionBodyText(html);
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

export async function listMyPromotions({ db, actor, clock }: RetailerDeps, input: z.output<typeof ZMyPromotionsInput>) {
  const { items, total } = await listLivePromotionsFor(db, actor.retailerId, clock(), input);
  return { items, total, page: input.page, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}

/**
 * A live promotion that targets me, with its products and the criteria I match; marks it opened (the first
 * time only). Anything else — not live, not for me, unknown — is NOT_FOUND.
 */
export async function openPromotion({ db, actor, clock }: RetailerDeps, input: { id: number }) {
  const now = clock();
  const [retailer, promotion] = await Promise.all([
    db.retailer.findUnique({
      where: { id: actor.retailerId },
      select: {
        id: true,
        grade: true,
        classificationCode: true,
        districtId: true,
        integrityLevel: true,
        district: { select: { name: true, nameEn: true } },
      },
    }),
    db.promotion.findFirst({
      where: { id: input.id, state: { in: ['APPROVED', 'LIVE'] }, startsAt: { lte: now }, endsAt: { gt: now } },
      select: {
        id: true,
        title: true,
        body: true,
        terms: true,
        startsAt: true,
        endsAt: true,
        targetGradeMin: true,
        targetGradeMax: true,
        targetClassifications: true,
        targetDistrictIds: true,
        targetIntegrityLevels: true,
        targetNamedList: true,
        products: {
          select: {
            product: {
              select: {
                id: true,
                code: true,
                brand: true,
                name: true,
                productClass: true,
                wholesalePriceFen: true,
                retailPriceFen: true,
                scarce: true,
              },
            },
          },
          orderBy: { productId: 'asc' },
        },
        listMembers: { where: { retailerId: actor.retailerId }, select: { retailerId: true } },
      },
    }),
  ]);
  if (!retailer || !promotion) throw notFound();
  const match = matchPromotionTarget(promotion, { ...retailer, onNamedList: promotion.listMembers.length > 0 });
  if (!match.matches) throw notFound();
  // Delivered by the fan-out job when the promotion went live; written here too if the job has not reached me yet.
  await db.promotionDelivery.upsert({
    where: { promotionId_retailerId: { promotionId: promotion.id, retailerId: actor.retailerId } },
    create: { promotionId: promotion.id, retailerId: actor.retailerId, deliveredAt: now, openedAt: now },
    update: {},
  });
  await db.promotionDelivery.updateMany({
    where: { promotionId: promotion.id, retailerId: actor.retailerId, openedAt: null },
    data: { openedAt: now },
  });
  return {
    id: promotion.id,
    title: promotion.title,
    // Stored sanitised; sanitised again on the way out so nothing written around the service reaches a page raw.
    body: sanitizePromotionBody(promotion.body),
    terms: promotion.terms,
    startsAt: promotion.startsAt,
    endsAt: promotion.endsAt,
    products: promotion.products.map((p) => p.product),
    reasons: match.reasons,
    district: retailer.district,
  };
}
