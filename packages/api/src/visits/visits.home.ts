import { hasPermission } from '@tobacco/auth/permissions';
import { n, type HomeContribution, type HomeFigure } from '../admin/staff-home.types';
import { DomainError } from '../errors';
import { alertAccess } from '../alerts/alerts.service';
import { chinaDate } from '../schedule/calendar.rules';
import { monthOf } from './visits.rules';
import { shopVisitsSql } from './visits.service';

// The account manager's day on the staff home: visits still due this month, shops behind plan (the same
// rule as isOverdue in visits.rules.ts, in SQL), planned visits past their day, and their shops' open
// alerts; managers see the month's plan completion and every open alert. (Their shops' open complaints
// are the complaints area's figure.)
export const visitsHome: HomeContribution = {
  area: 'visits',
  title: 'visits.home.title',
  async figures({ db, actor, clock }) {
    const accountManager = hasPermission(actor.roles, 'visits.log');
    const overview = hasPermission(actor.roles, 'visits.readAll');
    // Whoever may work the alert queue (account managers their own shops; MANAGER and 专卖 all).
    const alerts = await alertAccess(db, actor).catch((error: unknown) => {
      if (error instanceof DomainError) return null;
      throw error;
    });
    if (!accountManager && !overview && !alerts) return [];
    const today = chinaDate(clock());
    const month = monthOf(today);
    const day = Number(today.slice(8, 10));
    const days = Number(month.to.slice(8, 10));
    const figures: HomeFigure[] = [];
    if (accountManager || overview) {
      const [row] = await db.$queryRaw<{ due: bigint; behind: bigint; required: bigint; done: bigint; late_plans: bigint }[]>`
        WITH ${await shopVisitsSql(db, accountManager ? actor.userId : null, month, today)}
        SELECT sum(greatest(per_month - done, 0)) AS due,
               count(*) FILTER (WHERE done < floor(per_month * ${day}::numeric / ${days})) AS behind,
               sum(per_month) AS required, sum(least(done, per_month)) AS done,
               (SELECT count(*) FROM "Visit" v WHERE v."staffId" = ${actor.userId} AND v."visitedAt" IS NULL AND v."plannedFor" < ${today}::date) AS late_plans
        FROM shop_visits`;
      if (accountManager) {
        figures.push(
          { id: 'visits.due', label: 'visits.home.due', value: n(row?.due), format: 'count', href: '/visits' },
          {
            id: 'visits.behind',
            label: 'visits.home.overdueShops',
            value: n(row?.behind),
            format: 'count',
            href: '/visits',
            attention: true,
          },
          {
            id: 'visits.latePlans',
            label: 'visits.home.overduePlans',
            value: n(row?.late_plans),
            format: 'count',
            href: '/visits',
            attention: true,
          },
        );
      } else {
        const required = n(row?.required);
        figures.push({
          id: 'visits.completion',
          label: 'visits.home.completion',
          value: required > 0 ? n(row?.done) / required : null,
          format: 'percent',
          href: '/visits/completion',
        });
      }
    }
    if (alerts) {
      const open = await db.alert.count({ where: { state: 'OPEN', retailer: alerts.all ? {} : { accountManagerId: actor.userId } } });
      figures.push({
        id: 'alerts.open',
        label: 'visits.home.openAlerts',
        value: open,
        format: 'count',
        href: '/alerts?state=OPEN',
        attention: true,
      });
    }
    return figures;
  },
};
