import { hasPermission } from '@tobacco/auth/permissions';
import type { Db, DbTx } from '@tobacco/db/client';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { writeAudit } from '../admin/audit.service';
import { notifyRetailer } from '../notifications/notifications.service';
import { retailerScope } from '../retailers/retailers.scope';
import { monthRange } from '../rankings/rankings.rules';
import {
  activeMonths,
  analysisWindow,
  CAPABILITY_METRICS,
  capabilityOf,
  metricValue,
  peerGroupLargeEnough,
  percentileBands,
  type Capability,
  type CapabilityMetric,
} from './business-analysis.rules';
import type { StandingBand } from './business-report.rules';
import {
  type TRetailerAnalysis,
  type TRetailerAnalysisInput,
  type TReportComment,
  type TSaveReportCommentInput,
  ZRetailerAnalysisInput,
  ZSaveReportCommentInput,
} from './business-analysis.schema';
import { commentWindow } from './report-comment.rules';

// The retailer business analysis (客户经营分析) for staff: the trend and capability profile of one shop over
// twelve months, each figure placed in a percentile band among the shop's peers (same district and grade band),
// and the account manager's commentary on the month's report, which the shop reads in its portal report. The
// monthly job computes every shop's profile and bands from the summary RetailerMonthProfile (never the order
// lines); a request reads the shop's one row.

const ym = (d: Date) => d.toISOString().slice(0, 7);

type SumsRow = {
  retailerId: number;
  gradeBand: number;
  openedOn: Date;
  orderWeekday: number;
  firstMonth: Date | null;
  quantity: bigint;
  amount: bigint;
  productMonths: bigint;
  orderMonths: bigint;
  premium: bigint;
  cycles: bigint;
  intervalCount: bigint;
  intervalSum: bigint;
  intervalSq: bigint;
};

function capabilityOfRow(row: SumsRow, window: string[]): Capability | null {
  const months = activeMonths(window, ym(row.openedOn), row.firstMonth ? ym(row.firstMonth) : null);
  return capabilityOf(
    {
      quantityTiao: Number(row.quantity),
      amountFen: Number(row.amount),
      productMonths: Number(row.productMonths),
      orderMonths: Number(row.orderMonths),
      premiumTiao: Number(row.premium),
      cyclesOrdered: Number(row.cycles),
      intervalCount: Number(row.intervalCount),
      intervalSumDays: Number(row.intervalSum),
      intervalSqDays: Number(row.intervalSq),
    },
    months,
    row.orderWeekday,
  );
}

/**
 * Every shop's capability over the twelve months ending with `month` and its band among its peer group
 * (district × grade band, as the rankings group shops), written to RetailerMonthCapability by the monthly job
 * (inside its transaction, after the month's profiles). One district at a time: its shops' twelve profile rows
 * are summed in SQL, the rules run here, each group is banded in one sort and the rows go back in one insert;
 * a province never sits in memory at once.
 */
export async function computeMonthlyCapabilities(tx: DbTx, month: string): Promise<number> {
  const window = analysisWindow(month);
  const from = monthRange(window[0]!).from;
  const to = monthRange(month).from;
  await tx.retailerMonthCapability.deleteMany({ where: { month: to } });
  const districts = await tx.district.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  let written = 0;
  for (const { id: districtId } of districts) {
    const rows = await tx.$queryRaw<SumsRow[]>`
      SELECT r.id AS "retailerId", COALESCE(CEIL(r.grade / 10.0), 0)::int AS "gradeBand", r."openedOn", r."orderWeekday",
             MIN(p.month) AS "firstMonth",
             COALESCE(SUM(p."quantityTiao"), 0) AS quantity, COALESCE(SUM(p."amountFen"), 0) AS amount,
             COALESCE(SUM(p."productCount"), 0) AS "productMonths", COUNT(p.month) AS "orderMonths",
             COALESCE(SUM(p."premiumTiao"), 0) AS premium, COALESCE(SUM(p."cyclesOrdered"), 0) AS cycles,
             COALESCE(SUM(p."intervalCount"), 0) AS "intervalCount", COALESCE(SUM(p."intervalSumDays"), 0) AS "intervalSum",
             COALESCE(SUM(p."intervalSqDays"), 0) AS "intervalSq"
      FROM "Retailer" r
      LEFT JOIN "RetailerMonthProfile" p ON p."retailerId" = r.id AND p.month >= ${from}::date AND p.month <= ${to}::date
      WHERE r."districtId" = ${districtId} AND r.status <> 'CANCELLED'
      GROUP BY r.id`;
    const groups = new Map<number, { retailerId: number; capability: Capability }[]>();
    for (const row of rows) {
      const capability = capabilityOfRow(row, window);
      if (!capability) continue; // opened after the window: a new shop, no profile and not a peer
      const group = groups.get(row.gradeBand) ?? [];
      group.push({ retailerId: row.retailerId, capability });
      groups.set(row.gradeBand, group);
    }
    for (const [gradeBand, shops] of groups) {
      const bands = Object.fromEntries(
        CAPABILITY_METRICS.map((metric) => [metric, percentileBands(shops.map((s) => metricValue(s.capability, metric)))]),
      ) as Record<CapabilityMetric, (StandingBand | null)[]>;
      const caps = shops.map((s) => s.capability);
      written += await tx.$executeRaw`
        INSERT INTO "RetailerMonthCapability" ("month", "retailerId", "districtId", "gradeBand", "groupSize", "activeMonths",
          "volumePerMonth", "amountFenPerMonth", "variety", "premiumShare", "regularity", "intervalMeanDays", "intervalSdDays",
          "volumeBand", "amountBand", "varietyBand", "premiumBand", "regularityBand")
        SELECT ${to}::date, v.*
        FROM unnest(${shops.map((s) => s.retailerId)}::int[], ${shops.map(() => districtId)}::int[],
          ${shops.map(() => gradeBand)}::smallint[], ${shops.map(() => shops.length)}::int[],
          ${caps.map((c) => c.activeMonths)}::int[], ${caps.map((c) => c.volumePerMonth)}::float8[],
          ${caps.map((c) => c.amountFenPerMonth)}::bigint[], ${caps.map((c) => c.variety)}::float8[],
          ${caps.map((c) => c.premiumShare)}::float8[], ${caps.map((c) => c.regularity)}::float8[],
          ${caps.map((c) => c.intervals?.meanDays ?? null)}::float8[], ${caps.map((c) => c.intervals?.sdDays ?? null)}::float8[],
          ${bands.volume}::"StandingBand"[], ${bands.amount}::"StandingBand"[], ${bands.variety}::"StandingBand"[],
          ${bands.premium}::"StandingBand"[], ${bands.regularity}::"StandingBand"[]) AS v`;
    }
  }
  return written;
}

/** A shop in the staff member's scope, or NOT_FOUND (another account manager's shop included). */
async function shopInScope(db: Db, actor: StaffDeps['actor'], retailerId: number) {
  const shop = await db.retailer.findFirst({
    where: { id: retailerId, ...retailerScope(actor) },
    select: { id: true, districtId: true, grade: true, district: { select: { name: true } } },
  });
  if (!shop) throw notFound();
  return shop;
}

async function commentOf(db: Db, retailerId: number, month: string) {
  const row = await db.reportComment.findUnique({
    where: { retailerId_month: { retailerId, month: monthRange(month).from } },
    select: { body: true, version: true, createdAt: true, updatedAt: true, author: { select: { name: true } } },
  });
  if (!row) return null;
  return {
    body: row.body,
    authorName: row.author.name,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    edited: row.version > 1,
    version: row.version,
  };
}

/** The commentary the shop reads with its report (the portal shows who wrote it and when). */
export async function reportCommentFor(db: Db, retailerId: number, month: string): Promise<TReportComment | null> {
  const comment = await commentOf(db, retailerId, month);
  if (!comment) return null;
  const { version: _version, ...shown } = comment;
  return shown;
}

/**
 * One shop's business analysis for a month (default: the newest month of its report): its twelve monthly
 * profile rows for the trend and the one capability row the monthly job wrote, with its bands among its peers.
 */
export async function getRetailerAnalysis({ db, actor, clock }: StaffDeps, rawInput: TRetailerAnalysisInput): Promise<TRetailerAnalysis> {
  const input = ZRetailerAnalysisInput.parse(rawInput);
  const shop = await shopInScope(db, actor, input.retailerId);
  const monthRows = await db.$queryRaw<{ month: Date }[]>`
    SELECT DISTINCT month FROM "RetailerProductMonth" WHERE "retailerId" = ${shop.id} ORDER BY month DESC LIMIT 24`;
  const months = monthRows.map((r) => ym(r.month));
  const month = input.month ?? months[0] ?? null;
  const canWrite = hasPermission(actor.roles, 'reports.comment');
  const ownBand = shop.grade ? Math.ceil(shop.grade / 10) : 0;
  if (!month) {
    return {
      month,
      months,
      window: null,
      computedAt: null,
      trend: [],
      capability: null,
      peers: { groupSize: 0, groupTooSmall: false, gradeBand: ownBand, districtName: shop.district.name, bands: [] },
      comment: null,
      commentWindow: null,
      canComment: false,
    };
  }
  const window = analysisWindow(month);
  const to = monthRange(month).from;
  const [row, trendRows, comment] = await Promise.all([
    db.retailerMonthCapability.findUnique({ where: { month_retailerId: { month: to, retailerId: shop.id } } }),
    db.retailerMonthProfile.findMany({
      where: { retailerId: shop.id, month: { gte: monthRange(window[0]!).from, lte: to } },
      select: { month: true, quantityTiao: true, amountFen: true, orderCount: true },
      orderBy: { month: 'asc' },
    }),
    commentOf(db, shop.id, month),
  ]);

  const capability: Capability | null = row && {
    activeMonths: row.activeMonths,
    volumePerMonth: row.volumePerMonth,
    amountFenPerMonth: Number(row.amountFenPerMonth),
    variety: row.variety,
    premiumShare: row.premiumShare,
    regularity: row.regularity,
    intervals:
      row.intervalMeanDays === null || row.intervalSdDays === null ? null : { meanDays: row.intervalMeanDays, sdDays: row.intervalSdDays },
  };
  const groupTooSmall = row !== null && !peerGroupLargeEnough(row.groupSize);
  const bandOf: Record<CapabilityMetric, StandingBand | null> = {
    volume: row?.volumeBand ?? null,
    amount: row?.amountBand ?? null,
    variety: row?.varietyBand ?? null,
    premium: row?.premiumBand ?? null,
    regularity: row?.regularityBand ?? null,
  };
  // The months the shop existed in the window (the capability's span); without a row, the months it ordered.
  const byMonth = new Map(trendRows.map((r) => [ym(r.month), r]));
  const shown = row ? window.slice(window.length - row.activeMonths) : [...byMonth.keys()];
  const trend = shown.map((m) => {
    const r = byMonth.get(m);
    return { month: m, quantityTiao: r?.quantityTiao ?? 0, amountFen: Number(r?.amountFen ?? 0), orderCount: r?.orderCount ?? 0 };
  });
  // The group is the one the job compared the shop with; a shop moved since then says its old district.
  const groupDistrict =
    row && row.districtId !== shop.districtId
      ? ((await db.district.findUnique({ where: { id: row.districtId }, select: { name: true } }))?.name ?? shop.district.name)
      : shop.district.name;
  const open = commentWindow(month, clock());
  return {
    month,
    months,
    window: { from: window[0]!, to: month },
    computedAt: row?.computedAt ?? null,
    trend,
    capability,
    peers: {
      groupSize: row?.groupSize ?? 0,
      groupTooSmall,
      gradeBand: row?.gradeBand ?? ownBand,
      districtName: groupDistrict,
      bands: capability && !groupTooSmall ? CAPABILITY_METRICS.map((metric) => ({ metric, band: bandOf[metric] })) : [],
    },
    comment,
    commentWindow: open,
    canComment: canWrite && open.open,
  };
}

/**
 * Writes or edits the account manager's commentary on a month's report: the shop's own account manager or
 * anyone with every shop in scope (a manager), while the month is open (commentWindow). A first commentary
 * puts a notice in the shop's inbox; an edit does not (the shop is not told twice about one text). Each write
 * carries the version the writer saw, so a colleague's edit in between is a CONFLICT, never overwritten.
 */
export async function saveReportComment({ db, actor, clock }: StaffDeps, rawInput: TSaveReportCommentInput) {
  const input = ZSaveReportCommentInput.parse(rawInput);
  const shop = await shopInScope(db, actor, input.retailerId);
  const now = clock();
  const open = commentWindow(input.month, now);
  if (!open.open) {
    throw new DomainError('INVALID_STATE', open.reason === 'closed' ? 'report.comment.closed' : 'report.comment.notClosed', {
      until: open.until,
    });
  }
  const month = monthRange(input.month).from;
  return db.$transaction(async (tx) => {
    const before = await tx.reportComment.findUnique({ where: { retailerId_month: { retailerId: shop.id, month } } });
    if (input.version === 0) {
      if (before) throw new DomainError('CONFLICT', 'report.comment.conflict');
      const created = await tx.reportComment.create({
        data: { retailerId: shop.id, month, body: input.body, authorId: actor.userId, createdAt: now, updatedAt: now },
      });
      await writeAudit(tx, { actor, action: 'reportComment.create', entityType: 'ReportComment', entityId: created.id, after: created });
      await notifyRetailer(
        tx,
        shop.id,
        { kind: 'SYSTEM', messageKey: 'report.notice.comment', params: { month: input.month }, link: `/report?month=${input.month}` },
        now,
      );
      return { version: created.version };
    }
    if (!before || before.version !== input.version) throw new DomainError('CONFLICT', 'report.comment.conflict');
    const { count } = await tx.reportComment.updateMany({
      where: { id: before.id, version: input.version },
      data: { body: input.body, authorId: actor.userId, version: { increment: 1 }, updatedAt: now },
    });
    if (count === 0) throw new DomainError('CONFLICT', 'report.comment.conflict');
    const after = await tx.reportComment.findUniqueOrThrow({ where: { id: before.id } });
    await writeAudit(tx, { actor, action: 'reportComment.update', entityType: 'ReportComment', entityId: before.id, before, after });
    return { version: after.version };
  });
}
