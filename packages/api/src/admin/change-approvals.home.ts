import { can, n, type HomeContribution } from './staff-home.types';

/** Contact-detail changes waiting: for a manager, all of them; for an account manager, their shops'. */
export const changeRequestsHome: HomeContribution = {
  area: 'changeRequests',
  title: 'admin.home.area.changeRequests',
  async figures({ db, actor }) {
    const manager = can(actor, 'changeRequests.approve');
    const accountManager = can(actor, 'home.ownShops.read');
    if (!manager && !accountManager) return [];
    const [row] = await db.$queryRaw<{ pending: bigint; mine: bigint }[]>`
      SELECT count(*) AS pending, count(*) FILTER (WHERE r."accountManagerId" = ${actor.userId}) AS mine
      FROM "ChangeRequest" c JOIN "Retailer" r ON r.id = c."retailerId"
      WHERE c.state = 'PENDING'`;
    return [
      ...(manager
        ? [
            {
              id: 'changeRequests.pending',
              label: 'admin.home.figure.changeRequestsPending' as const,
              value: n(row?.pending),
              format: 'count' as const,
              href: '/admin/change-requests',
              attention: true,
            },
          ]
        : []),
      ...(accountManager
        ? [
            {
              id: 'changeRequests.mine',
              label: 'admin.home.figure.changeRequestsMine' as const,
              value: n(row?.mine),
              format: 'count' as const,
              href: '/retailers',
            },
          ]
        : []),
    ];
  },
};
