import { requirePermission, router } from '../trpc/init';
import {
  ZFulfilInput,
  ZListItemsInput,
  ZListRedemptionsInput,
  ZListRunsInput,
  ZPeriodInput,
  ZPreviewRunInput,
  ZRejectRedemptionInput,
  ZRunIdInput,
  ZSaveItemInput,
  ZSaveRuleInput,
} from './rewards.staff.schema';
import {
  fulfilRedemption,
  getRun,
  listItems,
  listRedemptions,
  listRules,
  listRuns,
  previewRun,
  rejectRedemption,
  saveItem,
  saveRule,
  startRun,
} from './rewards.staff.service';

// Rewards in the back office: MARKETING manages rules, runs and the catalogue; MARKETING and the call
// centre work the fulfilment queue; managers and executives read.
const read = requirePermission('rewards.read');
const manage = requirePermission('rewards.manage');
const fulfil = requirePermission('rewards.fulfil');

export const rewardsBackofficeRouter = router({
  rules: read.query(({ ctx }) => listRules(ctx)),
  saveRule: manage.input(ZSaveRuleInput).mutation(({ ctx, input }) => saveRule(ctx, input)),
  previewRun: read.input(ZPreviewRunInput).query(({ ctx, input }) => previewRun(ctx, input)),
  startRun: manage.input(ZPeriodInput).mutation(({ ctx, input }) => startRun(ctx, input)),
  runs: read.input(ZListRunsInput).query(({ ctx, input }) => listRuns(ctx, input)),
  run: read.input(ZRunIdInput).query(({ ctx, input }) => getRun(ctx, input)),
  items: read.input(ZListItemsInput).query(({ ctx, input }) => listItems(ctx, input)),
  saveItem: manage.input(ZSaveItemInput).mutation(({ ctx, input }) => saveItem(ctx, input)),
  redemptions: fulfil.input(ZListRedemptionsInput).query(({ ctx, input }) => listRedemptions(ctx, input)),
  fulfil: fulfil.input(ZFulfilInput).mutation(({ ctx, input }) => fulfilRedemption(ctx, input)),
  rejectRedemption: fulfil.input(ZRejectRedemptionInput).mutation(({ ctx, input }) => rejectRedemption(ctx, input)),
});
