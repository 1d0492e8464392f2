import { requirePermission, router } from '../trpc/init';
import {
  ZAdjustInput,
  ZAllocationProductsInput,
  ZApprovePolicyInput,
  ZComparePoliciesInput,
  ZCreatePolicyInput,
  ZListAdjustmentsInput,
  ZListCyclesInput,
  ZPolicyIdInput,
  ZRejectPolicyInput,
  ZSaveLimitsInput,
} from './allocation.staff.schema';
import {
  adjustableCycles,
  adjustLimit,
  approvePolicy,
  comparePolicies,
  createPolicy,
  getPolicy,
  listAdjustments,
  listCycles,
  listVersions,
  rejectPolicy,
  saveLimits,
  searchAllocationProducts,
  submitPolicy,
} from './allocation.staff.service';

// Allocation policies in the back office: MARKETING drafts, a MANAGER (never the author) approves,
// MARKETING and MANAGER adjust one retailer's limit; EXECUTIVE and account managers read.
const read = requirePermission('allocation.read');
const draft = requirePermission('allocation.draft');
const approve = requirePermission('allocation.approve');

export const allocationBackofficeRouter = router({
  cycles: read.input(ZListCyclesInput).query(({ ctx, input }) => listCycles(ctx, input)),
  policy: read.input(ZPolicyIdInput).query(({ ctx, input }) => getPolicy(ctx, input)),
  versions: read.query(({ ctx }) => listVersions(ctx)),
  compare: read.input(ZComparePoliciesInput).query(({ ctx, input }) => comparePolicies(ctx, input)),
  products: read.input(ZAllocationProductsInput).query(({ ctx, input }) => searchAllocationProducts(ctx, input)),
  adjustments: read.input(ZListAdjustmentsInput).query(({ ctx, input }) => listAdjustments(ctx, input)),
  adjustableCycles: read.query(({ ctx }) => adjustableCycles(ctx)),
  create: draft.input(ZCreatePolicyInput).mutation(({ ctx, input }) => createPolicy(ctx, input)),
  saveLimits: draft.input(ZSaveLimitsInput).mutation(({ ctx, input }) => saveLimits(ctx, input)),
  submit: draft.input(ZPolicyIdInput).mutation(({ ctx, input }) => submitPolicy(ctx, input)),
  approve: approve.input(ZApprovePolicyInput).mutation(({ ctx, input }) => approvePolicy(ctx, input)),
  reject: approve.input(ZRejectPolicyInput).mutation(({ ctx, input }) => rejectPolicy(ctx, input)),
  adjust: requirePermission('allocation.adjust')
    .input(ZAdjustInput)
    .mutation(({ ctx, input }) => adjustLimit(ctx, input)),
});
