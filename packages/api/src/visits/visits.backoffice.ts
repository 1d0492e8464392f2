import { requirePermission, router } from '../trpc/init';
import { ZLogVisitInput, ZPlanVisitInput, ZVisitCompletionInput, ZVisitFormInput, ZVisitsDueInput } from './visits.schema';
import { getVisitFormContext, listVisitsDue, listWeekPlan, logVisit, planVisit, visitCompletion } from './visits.service';

// The account manager's visit workbench, and plan completion for managers. Photos arrive through the
// back office's upload route, which calls `log` in-process (bytes cannot travel in JSON).
const visits = requirePermission('visits.log');

export const visitsBackofficeRouter = router({
  due: visits.input(ZVisitsDueInput).query(({ ctx, input }) => listVisitsDue(ctx, input)),
  formContext: visits.input(ZVisitFormInput).query(({ ctx, input }) => getVisitFormContext(ctx, input)),
  weekPlan: visits.query(({ ctx }) => listWeekPlan(ctx)),
  plan: visits.input(ZPlanVisitInput).mutation(({ ctx, input }) => planVisit(ctx, input)),
  log: visits.input(ZLogVisitInput).mutation(({ ctx, input }) => logVisit(ctx, input)),
  completion: requirePermission('visits.readAll')
    .input(ZVisitCompletionInput)
    .query(({ ctx, input }) => visitCompletion(ctx, input)),
});
