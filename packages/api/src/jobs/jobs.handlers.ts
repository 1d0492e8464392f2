import { z } from 'zod';
import { INVITE_QUEUE, sendSurveyInvitations } from '../surveys/surveys.service';
import { ALLOCATION_PUBLISH_QUEUE, publishPolicy } from '../allocation/allocation.jobs';
import { ALLOCATION_CARRY_FORWARD_QUEUE, carryForwardPolicy } from '../allocation/allocation.carry-forward';
import {
  CYCLES_AHEAD_QUEUE,
  ensureCyclesAhead,
  sendWindowReminder,
  sweepWindowReminders,
  WINDOW_REMINDER_QUEUE,
  WINDOW_REMINDER_SWEEP_QUEUE,
} from '../schedule/schedule.jobs';
import { goLivePromotion, PROMOTION_GO_LIVE_QUEUE, PROMOTION_SWEEP_QUEUE, sweepPromotions } from '../promotions/promotions.jobs';
import { REWARD_RUN_QUEUE, runRewardPeriod } from '../rewards/rewards.jobs';
import { COMPLAINT_REMIND_QUEUE, COMPLAINT_SWEEP_QUEUE, remindOverdueCase, sweepBreaches } from '../complaints/complaints.jobs';
import { APPEAL_REMIND_QUEUE, remindOverdueAppeals } from '../grading/grading.appeals.service';
import { applyGradesInForce, computeGradeRun, GRADE_APPLY_QUEUE, GRADE_RUN_QUEUE } from '../grading/grading.run.service';
import { ALERT_RUN_QUEUE, runAlertJob } from '../alerts/alerts.jobs';
import { BACKUP_QUEUE, runScheduledBackup } from '../ops/backup.jobs';
import { RANKINGS_QUEUE, runMonthlyRankings } from '../rankings/rankings.service';
import { REPORTS_QUEUE, runMonthlyReports } from '../analytics/business-report.service';
import { PRODUCT_MONTH_QUEUE, runProductMonth } from '../products/products.service';
import { CYCLE_DEMAND_QUEUE, runCycleDemandJob } from '../products/forecast.service';
import { EXECUTIVE_SUMMARY_QUEUE, runExecutiveSummaries } from '../analytics/executive.service';
import { DELIVERY_QUEUE, deliverMessage } from '../channels/channels.service';
import { GREETINGS_QUEUE, sendGreetings } from '../care/care.jobs';
import { issueResetCode, RESET_CODE_QUEUE } from '../sessions/password-reset.service';
import { applyImportJob, checkImport, IMPORT_APPLY_QUEUE, IMPORT_CHECK_QUEUE } from '../imports/imports.service';
import { withPayload, type JobHandler } from './jobs.service';

// Every queue the worker serves, one line per domain job; `withPayload` checks the job's payload with its
// zod schema before the service sees it. Recurring jobs (deadline checks, scheduled publishing) are
// enqueued by the schedules in jobs.schedules.ts.
const id = z.number().int().positive().max(2147483647);
const none = z.object({}).passthrough();

export const JOB_HANDLERS: Record<string, JobHandler> = {
  [COMPLAINT_SWEEP_QUEUE]: withPayload(none, (db, _payload, now) => sweepBreaches(db, now)),
  [COMPLAINT_REMIND_QUEUE]: withPayload(z.object({ complaintId: id, date: z.string().optional() }), (db, payload, now) =>
    remindOverdueCase(db, payload, now),
  ),
  [PROMOTION_GO_LIVE_QUEUE]: withPayload(z.object({ promotionId: id }), (db, payload, now) => goLivePromotion(db, payload, now)),
  [PROMOTION_SWEEP_QUEUE]: withPayload(none, (db, _payload, now) => sweepPromotions(db, now)),
  [ALLOCATION_PUBLISH_QUEUE]: withPayload(z.object({ policyId: id }), (db, payload, now) => publishPolicy(db, payload, now)),
  [REWARD_RUN_QUEUE]: withPayload(z.object({ runId: id }), (db, payload, now) => runRewardPeriod(db, payload, now)),
  [INVITE_QUEUE]: withPayload(z.object({ surveyId: id }), (db, payload, now) => sendSurveyInvitations(db, payload, now)),
  [ALLOCATION_CARRY_FORWARD_QUEUE]: withPayload(none, (db, _payload, now) => carryForwardPolicy(db, now)),
  [GRADE_RUN_QUEUE]: withPayload(z.object({ runId: id }), (db, payload, now) => computeGradeRun(db, payload, now)),
  [GRADE_APPLY_QUEUE]: withPayload(z.object({ periodId: id }), (db, payload, now) => applyGradesInForce(db, payload, now)),
  [APPEAL_REMIND_QUEUE]: withPayload(none, (db, _payload, now) => remindOverdueAppeals(db, now)),
  [ALERT_RUN_QUEUE]: withPayload(z.object({ cycleId: id }), (db, payload, now) => runAlertJob(db, payload, now)),
  [REPORTS_QUEUE]: withPayload(
    z.object({
      month: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .optional(),
    }),
    (db, payload, now) => runMonthlyReports(db, payload, now),
  ),
  [RANKINGS_QUEUE]: withPayload(
    z.object({
      month: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .optional(),
    }),
    (db, payload, now) => runMonthlyRankings(db, payload, now),
  ),
  [PRODUCT_MONTH_QUEUE]: withPayload(
    z.object({
      month: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .optional(),
    }),
    (db, payload, now) => runProductMonth(db, payload, now),
  ),
  [CYCLE_DEMAND_QUEUE]: withPayload(z.object({ cycleId: id }), (db, payload) => runCycleDemandJob(db, payload)),
  [EXECUTIVE_SUMMARY_QUEUE]: withPayload(none, (db, payload, now) => runExecutiveSummaries(db, payload, now)),
  [CYCLES_AHEAD_QUEUE]: withPayload(none, (db, _payload, now) => ensureCyclesAhead(db, now)),
  [WINDOW_REMINDER_SWEEP_QUEUE]: withPayload(none, (db, _payload, now) => sweepWindowReminders(db, now)),
  [WINDOW_REMINDER_QUEUE]: withPayload(
    z.object({ cycleStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), kind: z.enum(['dayBefore', 'atOpening']) }),
    (db, payload, now) => sendWindowReminder(db, payload, now),
  ),
  [BACKUP_QUEUE]: withPayload(none, (db, _payload, now) => runScheduledBackup(db, now)),
  [DELIVERY_QUEUE]: withPayload(z.object({ deliveryId: id }), (db, payload, now) => deliverMessage(db, payload, now)),
  [GREETINGS_QUEUE]: withPayload(none, (db, _payload, now) => sendGreetings(db, now)),
  [IMPORT_CHECK_QUEUE]: withPayload(z.object({ runId: id }), (db, payload, now) => checkImport(db, payload, now)),
  [IMPORT_APPLY_QUEUE]: withPayload(z.object({ runId: id }), (db, payload, now) => applyImportJob(db, payload, now)),
  [RESET_CODE_QUEUE]: withPayload(
    z.object({ licenceNo: z.string().regex(/^\d{12}$/), phoneLast4: z.string().regex(/^\d{4}$/) }),
    (db, payload, now) => issueResetCode(db, payload, now),
  ),
};
