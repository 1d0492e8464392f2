import { allocationPortalRouter } from './allocation/allocation.portal';
import { complaintsPortalRouter } from './complaints/complaints.portal';
import { gradingPortalRouter } from './grading/grading.portal';
import { homeProcedure } from './home/home.portal';
import { notificationsPortalRouter } from './notifications/notifications.portal';
import { ordersPortalRouter } from './orders/orders.portal';
import { promotionsPortalRouter } from './promotions/promotions.portal';
import { retailersPortalRouter } from './retailers/retailers.portal';
import { rewardsPortalRouter } from './rewards/rewards.portal';
import { schedulePortalRouter } from './schedule/schedule.portal';
import { sessionsPortalRouter } from './sessions/sessions.router';
import { surveysPortalRouter } from './surveys/surveys.portal';
import { alertsPortalRouter } from './alerts/alerts.portal';
import { knowledgePortalRouter } from './knowledge/knowledge.portal';
import { channelsPortalRouter } from './channels/channels.portal';
import { passwordResetPortalRouter } from './sessions/password-reset.portal';
import { reportPortalRouter } from './analytics/business-report.portal';
import { createCallerFactory, router } from './trpc/init';

// The retailer portal's API. The portal app mounts only this router, so it cannot even name a staff procedure.
export const portalRouter = router({
  retailers: retailersPortalRouter,
  home: homeProcedure,
  grading: gradingPortalRouter,
  allocation: allocationPortalRouter,
  schedule: schedulePortalRouter,
  orders: ordersPortalRouter,
  promotions: promotionsPortalRouter,
  rewards: rewardsPortalRouter,
  notifications: notificationsPortalRouter,
  surveys: surveysPortalRouter,
  complaints: complaintsPortalRouter,
  knowledge: knowledgePortalRouter,
  alerts: alertsPortalRouter,
  report: reportPortalRouter,
  sessions: sessionsPortalRouter,
  channels: channelsPortalRouter,
  passwordReset: passwordResetPortalRouter,
});

export type PortalRouter = typeof portalRouter;
export const createPortalCaller = createCallerFactory(portalRouter);
