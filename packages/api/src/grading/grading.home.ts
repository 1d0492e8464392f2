import { can, n, type HomeContribution } from '../admin/staff-home.types';

/** Grade appeals (档位复核) waiting for a manager's decision, and those past their deadline. */
export const gradingHome: HomeContribution = {
  area: 'grading',
  title: 'admin.home.area.grading',
  async figures({ db, actor, clock }) {
    if (!can(actor, 'grading.decideAppeal')) return [];
    const [row] = await db.$queryRaw<{ pending: bigint; late: bigint }[]>`
      SELECT count(*) AS pending, count(*) FILTER (WHERE "dueAt" < ${clock().toISOString()}::timestamptz AT TIME ZONE 'UTC') AS late
      FROM "GradeAppeal" WHERE state = 'SUBMITTED'`;
    return [
      {
        id: 'grading.appealsPending',
        label: 'admin.home.figure.appealsPending',
        value: n(row?.pending),
        format: 'count',
        href: '/grading/appeals',
        attention: true,
      },
      {
        id: 'grading.appealsLate',
        label: 'admin.home.figure.appealsLate',
        value: n(row?.late),
        format: 'count',
        href: '/grading/appeals?overdue=1',
        attention: true,
      },
    ];
  },
};
