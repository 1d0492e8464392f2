import { INVITE_QUEUE, sendSurveyInvitations } from '../surveys/surveys.service';
import { ALLOCATION_PUBLISH_QUEUE, publishPolicy } from '../allocation/allocation.jobs';
import { goLivePromotion, PROMOTION_GO_LIVE_QUEUE, PROMOTION_SWEEP_QUEUE, sweepPromotions } from '../promotions/promotions.jobs';
import { REWARD_RUN_QUEUE, runRewardPeriod } from '../rewards/rewards.jobs';
import { COMPLAINT_REMIND_QUEUE, COMPLAINT_SWEEP_QUEUE, remindOverdueCase, sweepBreaches } from '../complaints/complaints.jobs';
import { BACKUP_QUEUE, runScheduledBackup } from '../ops/backup.jobs';
import type { JobHandler } from './jobs.service';

// Every queue the worker serves, one line per domain job. Recurring jobs (deadline checks, scheduled
// publishing) are enqueued by the schedules in jobs.schedules.ts.
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [COMPLAINT_SWEEP_QUEUE]: async (db, _payload, now) => {
    await sweepBreaches(db, now);
  },
  [COMPLAINT_REMIND_QUEUE]: async (db, payload, now) => {
    await remindOverdueCase(db, payload as { complaintId: number }, now);
  },
  [PROMOTION_GO_LIVE_QUEUE]: async (db, payload, now) => {
    await goLivePromotion(db, payload as { promotionId: number }, now);
  },
  [PROMOTION_SWEEP_QUEUE]: (db, _payload, now) => sweepPromotions(db, now),
  [ALLOCATION_PUBLISH_QUEUE]: async (db, payload, now) => {
    await publishPolicy(db, payload as { policyId: number }, now);
  },
  [REWARD_RUN_QUEUE]: (db, payload, now) => runRewardPeriod(db, payload as { runId: number }, now),
  [INVITE_QUEUE]: async (db, payload, now) => {
    await sendSurveyInvitations(db, payload as { surveyId: number }, now);
  },
  [BACKUP_QUEUE]: async (db, _payload, now) => {
    await runScheduledBackup(db, now);
  },
};
