import type { PrismaClient } from '@tobacco/db/client';
import type { IntegrityLevel } from '@tobacco/db/enums';
import { uniqueNumber } from '@tobacco/db/testing';
import { SETTINGS } from '../admin/settings.registry';

// Rows the portal's integration tests need beyond the shared factories: products, cycles, policies,
// grade periods, promotions and reward items. Every key is unique per call, so test files can share
// one database; tests pick far-apart fixed clocks so time-windowed reads never see each other's rows.

export const day = (date: string) => new Date(`${date}T00:00:00Z`);

export async function createProduct(
  db: PrismaClient,
  o: { brand?: string; name?: string; productClass?: number; scarce?: boolean; priceFen?: number } = {},
) {
  const n = uniqueNumber();
  return db.product.create({
    data: {
      code: `T${n}`,
      brand: o.brand ?? `品牌${n}`,
      name: o.name ?? `规格${n}`,
      productClass: o.productClass ?? 1,
      wholesalePriceFen: o.priceFen ?? 20_000,
      retailPriceFen: (o.priceFen ?? 20_000) + 2_000,
      scarce: o.scarce ?? false,
      launchedOn: day('2020-01-01'),
    },
  });
}

/** The cycle of a Monday, created once whoever asks first. */
export async function ensureCycle(db: PrismaClient, monday: string) {
  const weekStart = day(monday);
  const weekEnd = new Date(weekStart.getTime() + 6 * 86_400_000);
  return db.orderCycle.upsert({ where: { weekStart }, create: { code: `T-${monday}`, weekStart, weekEnd }, update: {} });
}

export async function createPolicy(
  db: PrismaClient,
  o: {
    cycleId: number;
    createdById: number;
    version?: number;
    state?: 'PUBLISHED' | 'SUPERSEDED' | 'DRAFT';
    publishedAt?: Date;
    limits: { productId: number; gradeFrom: number; gradeTo: number; limitQuantity: number }[];
  },
) {
  return db.allocationPolicy.create({
    data: {
      cycleId: o.cycleId,
      version: o.version ?? 1,
      state: o.state ?? 'PUBLISHED',
      createdById: o.createdById,
      publishedAt: o.state === 'DRAFT' ? null : (o.publishedAt ?? new Date('2000-01-01T00:00:00Z')),
      limits: { create: o.limits },
    },
  });
}

export async function createOrder(
  db: PrismaClient,
  o: {
    retailerId: number;
    cycleId: number;
    orderDate: string;
    lines: { productId: number; quantity: number; unitPriceFen?: number }[];
    status?: 'CONFIRMED' | 'CANCELLED';
  },
) {
  const lines = o.lines.map((l) => ({
    productId: l.productId,
    quantity: l.quantity,
    unitPriceFen: l.unitPriceFen ?? 20_000,
    amountFen: BigInt(l.quantity * (l.unitPriceFen ?? 20_000)),
  }));
  return db.order.create({
    data: {
      retailerId: o.retailerId,
      cycleId: o.cycleId,
      orderDate: day(o.orderDate),
      channel: 'ONLINE',
      status: o.status ?? 'CONFIRMED',
      totalQuantity: lines.reduce((s, l) => s + l.quantity, 0),
      totalAmountFen: lines.reduce((s, l) => s + l.amountFen, 0n),
      lines: { create: lines },
    },
  });
}

export async function createGradePeriod(
  db: PrismaClient,
  o: { effectiveFrom: string; effectiveTo: string; ordersFrom: string; ordersTo: string; status?: 'PUBLISHED' | 'DRAFT' },
) {
  return db.gradePeriod.create({
    data: {
      code: `P${uniqueNumber()}`,
      ordersFrom: day(o.ordersFrom),
      ordersTo: day(o.ordersTo),
      effectiveFrom: day(o.effectiveFrom),
      effectiveTo: day(o.effectiveTo),
      status: o.status ?? 'PUBLISHED',
      publishedAt: new Date(`${o.effectiveFrom}T00:00:00Z`),
      scoreWeights: SETTINGS['grading.scoreWeights'].default,
    },
  });
}

export async function gradeRetailer(db: PrismaClient, o: { periodId: number; retailerId: number; grade: number; score: number }) {
  return db.retailerGrade.create({
    data: {
      periodId: o.periodId,
      retailerId: o.retailerId,
      grade: o.grade,
      score: o.score,
      volumeScore: o.score * 0.35,
      amountScore: o.score * 0.55,
      varietyScore: o.score * 0.05,
      classShareScore: o.score * 0.05,
      volumeTiao: 1200,
      amountFen: 36_000_000n,
      distinctProducts: 18,
      rank: 42,
    },
  });
}

export async function createPromotion(
  db: PrismaClient,
  o: {
    createdById: number;
    startsAt: Date;
    endsAt: Date;
    state?: 'LIVE' | 'APPROVED' | 'DRAFT' | 'ENDED' | 'WITHDRAWN';
    targetGradeMin?: number;
    targetGradeMax?: number;
    targetDistrictIds?: number[];
    targetIntegrityLevels?: IntegrityLevel[];
    targetClassifications?: string[];
    namedList?: number[];
    productIds?: number[];
    title?: string;
    body?: string;
  },
) {
  return db.promotion.create({
    data: {
      title: o.title ?? `促销${uniqueNumber()}`,
      body: o.body ?? '活动内容',
      terms: '活动规则',
      state: o.state ?? 'LIVE',
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      targetGradeMin: o.targetGradeMin,
      targetGradeMax: o.targetGradeMax,
      targetDistrictIds: o.targetDistrictIds ?? [],
      targetIntegrityLevels: o.targetIntegrityLevels ?? [],
      targetClassifications: o.targetClassifications ?? [],
      targetNamedList: Boolean(o.namedList),
      createdById: o.createdById,
      products: { create: (o.productIds ?? []).map((productId) => ({ productId })) },
      listMembers: { create: (o.namedList ?? []).map((retailerId) => ({ retailerId })) },
    },
  });
}

export async function createRewardItem(db: PrismaClient, o: { points: number; stock: number }) {
  const n = uniqueNumber();
  return db.rewardItem.create({
    data: { name: `礼品${n}`, nameEn: `Gift ${n}`, description: '测试礼品', kind: 'GIFT', points: o.points, stock: o.stock },
  });
}
