import { can, n, type HomeContribution } from '../admin/staff-home.types';

/** Retailers on the staff home: an account manager's own shops; the company's for managers and executives. */
export const retailersHome: HomeContribution = {
  area: 'retailers',
  title: 'admin.home.area.retailers',
  async figures({ db, actor }) {
    const mine = can(actor, 'home.ownShops.read');
    const company = can(actor, 'home.retailerCount.read');
    if (!mine && !company) return [];
    const [row] = await db.$queryRaw<{ active: bigint; mine: bigint; unassigned: bigint; suspended: bigint }[]>`
      SELECT count(*) FILTER (WHERE status = 'ACTIVE') AS active,
             count(*) FILTER (WHERE status = 'ACTIVE' AND "accountManagerId" = ${actor.userId}) AS mine,
             count(*) FILTER (WHERE status = 'ACTIVE' AND "accountManagerId" IS NULL) AS unassigned,
             count(*) FILTER (WHERE status = 'SUSPENDED') AS suspended
      FROM "Retailer"`;
    return [
      ...(mine
        ? [
            {
              id: 'retailers.mine',
              label: 'admin.home.figure.myRetailers' as const,
              value: n(row?.mine),
              format: 'count' as const,
              href: `/retailers?accountManagerId=${actor.userId}`,
            },
          ]
        : []),
      ...(company
        ? [
            {
              id: 'retailers.active',
              label: 'admin.home.figure.activeRetailers' as const,
              value: n(row?.active),
              format: 'count' as const,
              href: '/retailers',
            },
          ]
        : []),
      ...(can(actor, 'retailers.manage')
        ? [
            {
              id: 'retailers.unassigned',
              label: 'admin.home.figure.unassignedRetailers' as const,
              value: n(row?.unassigned),
              format: 'count' as const,
              href: '/admin/retailers?unassigned=1',
              attention: true,
            },
            {
              id: 'retailers.suspended',
              label: 'admin.home.figure.suspendedRetailers' as const,
              value: n(row?.suspended),
              format: 'count' as const,
              href: '/admin/retailers?status=SUSPENDED',
            },
          ]
        : []),
    ];
  },
};
