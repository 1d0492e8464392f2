import { chinaDate } from '../schedule/calendar.rules';
import { unconfirmedYears } from './calendar.service';
import { can, n, type HomeContribution, type HomeFigure } from './staff-home.types';

/** An administrator's home: accounts that need a hand and a calendar that needs the State Council's notice. */
export const adminHome: HomeContribution = {
  area: 'admin',
  title: 'admin.home.area.admin',
  async figures({ db, actor, clock }) {
    const users = can(actor, 'admin.users');
    const calendar = can(actor, 'admin.calendar');
    if (!users && !calendar) return [];
    const now = clock();
    const [[row], years] = await Promise.all([
      users
        ? db.$queryRaw<{ active: bigint; locked: bigint; temporary: bigint }[]>`
            SELECT count(*) FILTER (WHERE active) AS active,
                   count(*) FILTER (WHERE active AND "lockedUntil" > ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') AS locked,
                   count(*) FILTER (WHERE active AND "mustChangePassword") AS temporary
            FROM "StaffUser"`
        : Promise.resolve([undefined]),
      calendar ? unconfirmedYears(db, chinaDate(now)) : Promise.resolve([]),
    ]);
    const figures: HomeFigure[] = [];
    if (users) {
      figures.push(
        {
          id: 'admin.activeStaff',
          label: 'admin.home.figure.activeStaff',
          value: n(row?.active),
          format: 'count',
          href: '/admin/users?status=active',
        },
        {
          id: 'admin.lockedStaff',
          label: 'admin.home.figure.lockedStaff',
          value: n(row?.locked),
          format: 'count',
          href: '/admin/users?status=locked',
          attention: true,
        },
        {
          id: 'admin.temporaryPasswords',
          label: 'admin.home.figure.temporaryPasswords',
          value: n(row?.temporary),
          format: 'count',
          href: '/admin/users',
        },
      );
    }
    if (calendar) {
      figures.push({
        id: 'admin.unconfirmedYears',
        label: 'admin.home.figure.unconfirmedYears',
        value: years.length,
        format: 'count',
        href: `/admin/calendar${years[0] ? `?year=${years[0]}` : ''}`,
        attention: true,
      });
    }
    return figures;
  },
};
