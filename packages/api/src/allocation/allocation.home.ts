import { can, n, type HomeContribution, type HomeFigure } from '../admin/staff-home.types';

/** Allocation policies on the staff home: marketing's drafts, a manager's approvals. */
export const allocationHome: HomeContribution = {
  area: 'allocation',
  title: 'admin.home.area.allocation',
  async figures({ db, actor }) {
    const marketing = can(actor, 'allocation.draft');
    const manager = can(actor, 'allocation.approve');
    if (!marketing && !manager) return [];
    const [row] = await db.$queryRaw<{ drafts: bigint; pending: bigint }[]>`
      SELECT count(*) FILTER (WHERE state = 'DRAFT') AS drafts, count(*) FILTER (WHERE state = 'PENDING_APPROVAL') AS pending
      FROM "AllocationPolicy" WHERE state IN ('DRAFT', 'PENDING_APPROVAL')`;
    const figures: HomeFigure[] = [];
    if (marketing)
      figures.push({
        id: 'allocation.drafts',
        label: 'admin.home.figure.policyDrafts',
        value: n(row?.drafts),
        format: 'count',
        href: '/allocation',
      });
    figures.push({
      id: 'allocation.pending',
      label: 'admin.home.figure.policiesPending',
      value: n(row?.pending),
      format: 'count',
      href: '/allocation',
      attention: manager,
    });
    return figures;
  },
};
