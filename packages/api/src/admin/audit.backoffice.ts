import { requirePermission, router } from '../trpc/init';
import { auditFilterOptions, listAudit } from './audit.service';
import { ZListAuditInput } from './audit.staff.schema';

// The audit log screen (ADMIN).
export const auditBackofficeRouter = router({
  list: requirePermission('audit.read')
    .input(ZListAuditInput)
    .query(({ ctx, input }) => listAudit(ctx, input)),
  filterOptions: requirePermission('audit.read').query(({ ctx }) => auditFilterOptions(ctx)),
});
