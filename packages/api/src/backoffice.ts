import { adminBackofficeRouter } from './admin/admin.backoffice';
import { auditBackofficeRouter } from './admin/audit.backoffice';
import { allocationBackofficeRouter } from './allocation/allocation.backoffice';
import { complaintsBackofficeRouter } from './complaints/complaints.backoffice';
import { promotionsBackofficeRouter } from './promotions/promotions.backoffice';
import { rewardsBackofficeRouter } from './rewards/rewards.backoffice';
import { retailersBackofficeRouter } from './retailers/retailers.backoffice';
import { sessionsBackofficeRouter } from './sessions/sessions.router';
import { surveysBackofficeRouter } from './surveys/surveys.backoffice';
import { jobsBackofficeRouter } from './jobs/jobs.backoffice';
import { integrationsBackofficeRouter } from './integrations/integrations.backoffice';
import { importsBackofficeRouter } from './imports/imports.backoffice';
import { gradingBackofficeRouter } from './grading/grading.backoffice';
import { alertsBackofficeRouter } from './alerts/alerts.backoffice';
import { rankingsBackofficeRouter } from './rankings/rankings.backoffice';
import { reportBackofficeRouter } from './analytics/business-report.backoffice';
import { productsBackofficeRouter } from './products/products.backoffice';
import { executiveBackofficeRouter } from './analytics/executive.backoffice';
import { visitsBackofficeRouter } from './visits/visits.backoffice';
import { knowledgeBackofficeRouter } from './knowledge/knowledge.backoffice';
import { channelsBackofficeRouter } from './channels/channels.backoffice';
import { createCallerFactory, router } from './trpc/init';

// The back office's API, mounted only by the back-office app.
export const backofficeRouter = router({
  admin: adminBackofficeRouter,
  audit: auditBackofficeRouter,
  promotions: promotionsBackofficeRouter,
  allocation: allocationBackofficeRouter,
  rewards: rewardsBackofficeRouter,
  retailers: retailersBackofficeRouter,
  surveys: surveysBackofficeRouter,
  complaints: complaintsBackofficeRouter,
  knowledge: knowledgeBackofficeRouter,
  jobs: jobsBackofficeRouter,
  integrations: integrationsBackofficeRouter,
  imports: importsBackofficeRouter,
  grading: gradingBackofficeRouter,
  alerts: alertsBackofficeRouter,
  rankings: rankingsBackofficeRouter,
  report: reportBackofficeRouter,
  products: productsBackofficeRouter,
  dashboard: executiveBackofficeRouter,
  visits: visitsBackofficeRouter,
  sessions: sessionsBackofficeRouter,
  channels: channelsBackofficeRouter,
});

export type BackofficeRouter = typeof backofficeRouter;
export const createBackofficeCaller = createCallerFactory(backofficeRouter);
