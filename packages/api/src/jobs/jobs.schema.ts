import { z } from 'zod';

// The job queue screen (ADMIN): failed jobs, one page at a time, and retrying one.
export const FAILED_JOBS_PAGE_SIZE = 50;
const queueName = z.string().trim().min(1).max(200);

export const ZListFailedJobsInput = z.object({
  queue: queueName.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type TListFailedJobsInput = z.input<typeof ZListFailedJobsInput>;

export const ZRetryJobInput = z.object({ queue: queueName, id: z.uuid() });
export type TRetryJobInput = z.input<typeof ZRetryJobInput>;
