import { can, n, type HomeContribution, type HomeFigure } from '../admin/staff-home.types';
import { overdueSql } from './complaints.rules';

// Complaints on the staff home; "overdue" is complaints.rules.ts's.
const RECENT_DAYS = 90;

type Row = {
  mine: bigint;
  mine_overdue: bigint;
  unassigned: bigint;
  shops_open: bigint;
  shops_overdue: bigint;
  open_all: bigint;
  overdue_all: bigint;
};

export const complaintsHome: HomeContribution = {
  area: 'complaints',
  title: 'admin.home.area.complaints',
  async figures({ db, actor, clock }) {
    const agent = can(actor, 'home.ownCases.read');
    const accountManager = can(actor, 'home.ownShops.read');
    const overview = can(actor, 'home.companyOverview.read');
    if (!agent && !accountManager && !overview) return [];
    const since = new Date(clock().getTime() - RECENT_DAYS * 86_400_000).toISOString();
    const [[row], [quality]] = await Promise.all([
      db.$queryRaw<Row[]>`
        WITH open AS (
          SELECT c."ownerId", c."departmentId", c."accountManagerId",
                 ${overdueSql(clock())} AS overdue
          FROM "Complaint" c
          WHERE c.state IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER'))
        SELECT count(*) FILTER (WHERE "ownerId" = ${actor.userId}) AS mine,
               count(*) FILTER (WHERE "ownerId" = ${actor.userId} AND overdue) AS mine_overdue,
               count(*) FILTER (WHERE "ownerId" IS NULL AND "departmentId" = ${actor.departmentId ?? -1}) AS unassigned,
               count(*) FILTER (WHERE "accountManagerId" = ${actor.userId}) AS shops_open,
               count(*) FILTER (WHERE "accountManagerId" = ${actor.userId} AND overdue) AS shops_overdue,
               count(*) AS open_all,
               count(*) FILTER (WHERE overdue) AS overdue_all
        FROM open`,
      overview
        ? db.$queryRaw<{ on_time: number | null; rating: number | null }[]>`
            SELECT (count(*) FILTER (WHERE "resolvedAt" <= "resolveDueAt"))::float8 / NULLIF(count(*) FILTER (WHERE "resolvedAt" IS NOT NULL), 0) AS on_time,
                   avg(rating)::float8 AS rating
            FROM "Complaint" WHERE "createdAt" >= ${since}::timestamptz AT TIME ZONE 'UTC'`
        : Promise.resolve([undefined]),
    ]);
    const figures: HomeFigure[] = [];
    if (agent) {
      figures.push(
        { id: 'complaints.mine', label: 'admin.home.figure.myQueue', value: n(row?.mine), format: 'count', href: '/complaints?owner=me' },
        {
          id: 'complaints.myOverdue',
          label: 'admin.home.figure.myOverdue',
          value: n(row?.mine_overdue),
          format: 'count',
          href: '/complaints?owner=me&overdue=1',
          attention: true,
        },
        {
          id: 'complaints.unassigned',
          label: 'admin.home.figure.unassignedCases',
          value: n(row?.unassigned),
          format: 'count',
          href: '/complaints?owner=none',
          attention: true,
        },
      );
    }
    if (accountManager) {
      figures.push(
        {
          id: 'complaints.shopsOpen',
          label: 'admin.home.figure.myRetailersOpenCases',
          value: n(row?.shops_open),
          format: 'count',
          href: '/complaints',
        },
        {
          id: 'complaints.shopsOverdue',
          label: 'admin.home.figure.myRetailersOverdue',
          value: n(row?.shops_overdue),
          format: 'count',
          href: '/complaints?overdue=1',
          attention: true,
        },
      );
    }
    if (overview) {
      figures.push(
        { id: 'complaints.open', label: 'admin.home.figure.openCases', value: n(row?.open_all), format: 'count', href: '/complaints' },
        {
          id: 'complaints.overdue',
          label: 'admin.home.figure.overdueCases',
          value: n(row?.overdue_all),
          format: 'count',
          href: '/complaints?overdue=1',
          attention: true,
        },
        {
          id: 'complaints.onTime',
          label: 'admin.home.figure.onTimeRate',
          value: quality?.on_time ?? null,
          format: 'percent',
          href: '/analytics',
        },
        {
          id: 'complaints.rating',
          label: 'admin.home.figure.handlingRating',
          value: quality?.rating ?? null,
          format: 'rating',
          href: '/analytics',
        },
      );
    }
    return figures;
  },
};
