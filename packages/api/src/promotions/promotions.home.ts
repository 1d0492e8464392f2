import { can, n, type HomeContribution, type HomeFigure } from '../admin/staff-home.types';

/** Promotions on the staff home: marketing's drafts and live items, a manager's approvals, what is live for executives. */
export const promotionsHome: HomeContribution = {
  area: 'promotions',
  title: 'admin.home.area.promotions',
  async figures({ db, actor }) {
    if (!can(actor, 'home.promotions.read')) return [];
    const drafting = can(actor, 'promotions.draft');
    const approving = can(actor, 'promotions.approve');
    const [row] = await db.$queryRaw<{ drafts: bigint; pending: bigint; live: bigint }[]>`
      SELECT count(*) FILTER (WHERE state = 'DRAFT' AND "createdById" = ${actor.userId}) AS drafts,
             count(*) FILTER (WHERE state = 'PENDING_APPROVAL') AS pending,
             count(*) FILTER (WHERE state = 'LIVE') AS live
      FROM "Promotion" WHERE state IN ('DRAFT', 'PENDING_APPROVAL', 'LIVE')`;
    const figures: HomeFigure[] = [];
    if (drafting)
      figures.push({
        id: 'promotions.myDrafts',
        label: 'admin.home.figure.myPromotionDrafts',
        value: n(row?.drafts),
        format: 'count',
        href: '/promotions?state=DRAFT',
      });
    if (drafting || approving)
      figures.push({
        id: 'promotions.pending',
        label: 'admin.home.figure.promotionsPending',
        value: n(row?.pending),
        format: 'count',
        href: '/promotions?state=PENDING_APPROVAL',
        attention: approving,
      });
    figures.push({
      id: 'promotions.live',
      label: 'admin.home.figure.promotionsLive',
      value: n(row?.live),
      format: 'count',
      href: '/promotions?state=LIVE',
    });
    return figures;
  },
};
