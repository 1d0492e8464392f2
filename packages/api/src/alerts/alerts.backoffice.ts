import { requirePermission, router, staffProcedure } from '../trpc/init';
import { ZAlertCountsInput, ZAlertIdInput, ZListAlertsInput, ZRunCycleInput, ZTriageAlertInput } from './alerts.schema';
import { alertCounts, getAlert, listAlertFilterOptions, listAlerts, requestCycleRun, triageAlert } from './alerts.service';

// The alert queue. Who sees which alerts is decided by alertAccess in the service (account managers their
// own retailers, MANAGER and the 专卖 department all), since 专卖 is a department rather than a role.
export const alertsBackofficeRouter = router({
  list: staffProcedure.input(ZListAlertsInput).query(({ ctx, input }) => listAlerts(ctx, input)),
  get: staffProcedure.input(ZAlertIdInput).query(({ ctx, input }) => getAlert(ctx, input)),
  filterOptions: staffProcedure.query(({ ctx }) => listAlertFilterOptions(ctx)),
  counts: staffProcedure.input(ZAlertCountsInput).query(({ ctx, input }) => alertCounts(ctx, input)),
  triage: staffProcedure.input(ZTriageAlertInput).mutation(({ ctx, input }) => triageAlert(ctx, input)),
  runCycle: requirePermission('alerts.run')
    .input(ZRunCycleInput)
    .mutation(({ ctx, input }) => requestCycleRun(ctx, input)),
});
