import { hasRole, n, type HomeContribution, type HomeFigure } from '../admin/staff-home.types';

/** Promotions on the staff home: marketing's drafts and live items, a manager's approvals, what is live for executives. */
export const promotionsHome: HomeContribution = {
  area: 'promotions',
  title: 'admin.home.area.promotions',
  async figures({ db, actor }) {
    const marketing = hasRole(actor, 'MARKETING');
    const manager = hasRole(actor, 'MANAGER');
    const executive = hasRole(actor, 'EXECUTIVE');
    if (!marketing && !manager && !executive) return [];
    const [row] = await db.$queryRaw<{ drafts: bigint; pending: bigint; live: bigint }[]>`
      SELECT count(*) FILTER (WHERE state = 'DRAFT' AND "createdById" = ${actor.userId}) AS drafts,
             count(*) FILTER (WHERE state = 'PENDING_APPROVAL') AS pending,
             count(*) FILTER (WHERE state = 'LIVE') AS live
      FROM "Promotion" WHERE state IN ('DRAFT', 'PENDING_APPROVAL', 'LIVE')`;
    const figures: HomeFigure[] = [];
    if (marketing) figures.push({ id: 'promotions.myDrafts', label: 'admin.home.figure.myPromotionDrafts', value: n(row?.drafts), format: 'count', href: '/promotions?state=DRAFT' });
    if (marketing || manager) figures.push({ id: 'promotions.pending', label: 'admin.home.figure.promotionsPending', value: n(row?.pending), format: 'count', href: '/promotions?state=PENDING_APPROVAL', attention: manager });
    figures.push({ id: 'promotions.live', label: 'admin.home.figure.promotionsLive', value: n(row?.live), format: 'count', href: '/promotions?state=LIVE' });
    return figures;
  },
};
