import { requirePermission, router } from '../trpc/init';
import { jobQueueOverview, listFailedJobs, retryFailedJob } from './jobs.admin';
import { ZListFailedJobsInput, ZRetryJobInput } from './jobs.schema';

// The job queue screen (ADMIN).
export const jobsBackofficeRouter = router({
  overview: requirePermission('admin.jobs').query(({ ctx }) => jobQueueOverview(ctx)),
  failed: requirePermission('admin.jobs')
    .input(ZListFailedJobsInput)
    .query(({ ctx, input }) => listFailedJobs(ctx, input)),
  retry: requirePermission('admin.jobs')
    .input(ZRetryJobInput)
    .mutation(({ ctx, input }) => retryFailedJob(ctx, input)),
});
