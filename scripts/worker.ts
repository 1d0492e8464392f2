// The background worker (deadline checks, scheduled publishing, notifications fan-out), started by
// `npm start` and `npm run dev` beside the apps, with DATABASE_URL from them.
import { stopJobQueues } from '../packages/api/src/jobs/jobs.service';
import { runWorker } from '../packages/api/src/jobs/worker';
import { startHeartbeat } from '../packages/api/src/ops/heartbeat.service';
import { getLogger } from '../packages/api/src/ops/logger';
import { createDb } from '../packages/db/src/client';

const url = process.env.DATABASE_URL;
if (!url) {
  getLogger().fatal('DATABASE_URL is not set.');
  process.exit(1);
}
const db = createDb(url, { max: 3 });
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => controller.abort());
// Apart from the job loop, so /api/ready sees this worker whatever the queue does.
const worker = startHeartbeat(db, controller.signal);
getLogger().info({ workerId: worker.workerId }, 'worker started');
await runWorker(db, controller.signal);
// The queue client that enqueues from inside jobs (not the worker's own) keeps retrying its connection after
// the database has gone, which held stopped workers alive for good: stop it too, then leave.
await stopJobQueues();
await db.$disconnect();
process.exit(0);
