import { hasPermission } from '@tobacco/auth/permissions';
import type { Db } from '@tobacco/db/client';
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
  percentileBand,
  type Capability,
  type ProfileSums,
} from './business-analysis.rules';
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
// twelve months, read from the monthly summary RetailerMonthProfile (never the order lines), each figure
// placed in a percentile band among the shop's peers (same district and grade band), and the account
// manager's commentary on the month's report, which the shop reads in its portal report.

const ym = (d: Date) => d.toISOString().slice(0, 7);

type PeerRow = {
  retailerId: number;
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

function sumsOf(row: PeerRow): ProfileSums {
  return {
    quantityTiao: Number(row.quantity),
    amountFen: Number(row.amount),
    productMonths: Number(row.productMonths),
    orderMonths: Number(row.orderMonths),
    premiumTiao: Number(row.premium),
    cyclesOrdered: Number(row.cycles),
    intervalCount: Number(row.intervalCount),
    intervalSumDays: Number(row.intervalSum),
    intervalSqDays: Number(row.intervalSq),
  };
}

function capabilityOfRow(row: PeerRow, window: string[]): Capability | null {
  const months = activeMonths(window, ym(row.openedOn), row.firstMonth ? ym(row.firstMonth) : null);
  return capabilityOf(sumsOf(row), months, row.orderWeekday);
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

/** One shop's business analysis for a month (default: the newest month of its report). */
export async function getRetailerAnalysis({ db, actor, clock }: StaffDeps, rawInput: TRetailerAnalysisInput): Promise<TRetailerAnalysis> {
  const input = ZRetailerAnalysisInput.parse(rawInput);
  const shop = await shopInScope(db, actor, input.retailerId);
  const gradeBand = shop.grade ? Math.ceil(shop.grade / 10) : 0;
  const monthRows = await db.$queryRaw<{ month: Date }[]>`
    SELECT DISTINCT month FROM "RetailerProductMonth" WHERE "retailerId" = ${shop.id} ORDER BY month DESC LIMIT 24`;
  const months = monthRows.map((r) => ym(r.month));
  const month = input.month ?? months[0] ?? null;
  const canWrite = hasPermission(actor.roles, 'reports.comment');
  const nobody = { groupSize: 0, groupTooSmall: false, gradeBand, districtName: shop.district.name, bands: [] };
  if (!month) {
    return {
      month,
      months,
      window: null,
      trend: [],
      capability: null,
      peers: nobody,
      comment: null,
      commentWindow: null,
      canComment: false,
    };
  }
  const window = analysisWindow(month);
  const from = monthRange(window[0]!).from;
  const to = monthRange(month).from;

  // Every shop of the peer group (district × grade band, the report's standing group), the shop included:
  // twelve summary rows each, summed per shop in SQL. Only the bands computed from them leave this function.
  const [peerRows, trendRows, comment] = await Promise.all([
    db.$queryRaw<PeerRow[]>`
      SELECT r.id AS "retailerId", r."openedOn", r."orderWeekday", MIN(p.month) AS "firstMonth",
             COALESCE(SUM(p."quantityTiao"), 0) AS quantity, COALESCE(SUM(p."amountFen"), 0) AS amount,
             COALESCE(SUM(p."productCount"), 0) AS "productMonths", COUNT(p.month) AS "orderMonths",
             COALESCE(SUM(p."premiumTiao"), 0) AS premium, COALESCE(SUM(p."cyclesOrdered"), 0) AS cycles,
             COALESCE(SUM(p."intervalCount"), 0) AS "intervalCount", COALESCE(SUM(p."intervalSumDays"), 0) AS "intervalSum",
             COALESCE(SUM(p."intervalSqDays"), 0) AS "intervalSq"
      FROM "Retailer" r
      LEFT JOIN "RetailerMonthProfile" p ON p."retailerId" = r.id AND p.month >= ${from}::date AND p.month <= ${to}::date
      WHERE r."districtId" = ${shop.districtId} AND r.status <> 'CANCELLED'
        AND COALESCE(CEIL(r.grade / 10.0), 0) = ${gradeBand}
      GROUP BY r.id`,
    db.retailerMonthProfile.findMany({
      where: { retailerId: shop.id, month: { gte: from, lte: to } },
      select: { month: true, quantityTiao: true, amountFen: true, orderCount: true },
      orderBy: { month: 'asc' },
    }),
    commentOf(db, shop.id, month),
  ]);

  const mineRow = peerRows.find((r) => r.retailerId === shop.id);
  const capability = mineRow ? capabilityOfRow(mineRow, window) : null;
  const peers = peerRows.map((r) => capabilityOfRow(r, window)).filter((c): c is Capability => c !== null);
  const groupTooSmall = !peerGroupLargeEnough(peers.length);
  const bands =
    capability && !groupTooSmall
      ? CAPABILITY_METRICS.map((metric) => ({
          metric,
          band: percentileBand(
            metricValue(capability, metric),
            peers.map((p) => metricValue(p, metric)),
          ),
        }))
      : [];

  const shown = mineRow ? activeMonths(window, ym(mineRow.openedOn), mineRow.firstMonth ? ym(mineRow.firstMonth) : null) : [];
  const byMonth = new Map(trendRows.map((r) => [ym(r.month), r]));
  const trend = shown.map((m) => {
    const r = byMonth.get(m);
    return { month: m, quantityTiao: r?.quantityTiao ?? 0, amountFen: Number(r?.amountFen ?? 0), orderCount: r?.orderCount ?? 0 };
  });
  const open = commentWindow(month, clock());
  return {
    month,
    months,
    window: { from: window[0]!, to: month },
    trend,
    capability,
    peers: { groupSize: peers.length, groupTooSmall, gradeBand, districtName: shop.district.name, bands },
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
