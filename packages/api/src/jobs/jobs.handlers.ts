import type { JobHandler } from './jobs.service';

// Every queue the worker serves, one line per domain job. Recurring jobs (deadline checks, scheduled
// publishing) are enqueued by the schedules in jobs.schedules.ts.
export const JOB_HANDLERS: Record<string, JobHandler> = {};
