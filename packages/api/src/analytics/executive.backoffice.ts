import { requirePermission, router } from '../trpc/init';
import { ZExecutiveDashboardInput } from './executive.schema';
import { getExecutiveDashboard } from './executive.service';

export const executiveBackofficeRouter = router({
  get: requirePermission('dashboard.read')
    .input(ZExecutiveDashboardInput)
    .query(({ ctx, input }) => getExecutiveDashboard(ctx, input)),
});
