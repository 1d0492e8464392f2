import client from 'prom-client';
import { poolStats, type Db } from '@tobacco/db/client';
import { getLogger } from './logger';

// Prometheus metrics of one process (each app server and each worker has its own; Prometheus adds them up).
// Request metrics are observed by the tRPC middleware; queue and pool figures are read when scraped.

type Metrics = {
  registry: client.Registry;
  requestDuration: client.Histogram<'procedure' | 'outcome'>;
  requestErrors: client.Counter<'procedure' | 'code'>;
  queueDepth: client.Gauge;
  queueOldestAge: client.Gauge;
  jobsFailed: client.Gauge;
};

const globalForMetrics = globalThis as unknown as { tobaccoMetrics?: Metrics };

function build(): Metrics {
  const registers = [new client.Registry()];
  const [registry] = registers as [client.Registry];
  client.collectDefaultMetrics({ register: registry });
  const pool = (name: string, help: string, pick: (s: ReturnType<typeof poolStats>) => number) =>
    new client.Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(pick(poolStats()));
      },
    });
  pool('db_pool_connections', 'Database connections open in this process', (s) => s.total);
  pool('db_pool_connections_idle', 'Open database connections not in use', (s) => s.idle);
  pool('db_pool_waiting', 'Queries waiting for a free database connection', (s) => s.waiting);
  pool('db_pool_max', 'Most database connections this process may open', (s) => s.max);
  return {
    registry,
    requestDuration: new client.Histogram({
      name: 'api_request_duration_seconds',
      help: 'Duration of API procedure calls, by procedure and outcome (ok or the error code)',
      labelNames: ['procedure', 'outcome'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    requestErrors: new client.Counter({
      name: 'api_request_errors_total',
      help: 'API procedure calls that failed, by procedure and error code',
      labelNames: ['procedure', 'code'] as const,
      registers,
    }),
    queueDepth: new client.Gauge({ name: 'job_queue_depth', help: 'Jobs due and waiting to run', registers }),
    queueOldestAge: new client.Gauge({ name: 'job_queue_oldest_age_seconds', help: 'How long the oldest due job has waited', registers }),
    jobsFailed: new client.Gauge({ name: 'job_failed', help: 'Jobs that gave up after their last attempt', registers }),
  };
}

export function getMetrics(): Metrics {
  return (globalForMetrics.tobaccoMetrics ??= build());
}

/** Called by the tRPC middleware once per procedure call. */
export function observeRequest(procedure: string, outcome: string, seconds: number): void {
  const metrics = getMetrics();
  metrics.requestDuration.observe({ procedure, outcome }, seconds);
  if (outcome !== 'ok') metrics.requestErrors.inc({ procedure, code: outcome });
}

export type QueueStats = { due: number; oldestAgeSeconds: number; failed: number };

/** Due jobs, the age of the oldest and the failed ones, from the queue's own table (pg-boss). */
export async function queueStats(db: Db, now: Date): Promise<QueueStats> {
  const [row] = await db.$queryRaw<{ due: bigint; oldest: Date | null; failed: bigint }[]>`
    SELECT count(*) FILTER (WHERE state IN ('created', 'retry') AND start_after <= ${now}) AS due,
           min(start_after) FILTER (WHERE state IN ('created', 'retry') AND start_after <= ${now}) AS oldest,
           count(*) FILTER (WHERE state = 'failed') AS failed
    FROM pgboss.job WHERE state IN ('created', 'retry', 'failed')`;
  return {
    due: Number(row?.due ?? 0),
    oldestAgeSeconds: row?.oldest ? Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000) : 0,
    failed: Number(row?.failed ?? 0),
  };
}

/** The metrics text of this process, with the queue read now. */
export async function renderMetrics(db: Db, now = new Date()): Promise<{ contentType: string; body: string }> {
  const metrics = getMetrics();
  try {
    const stats = await queueStats(db, now);
    metrics.queueDepth.set(stats.due);
    metrics.queueOldestAge.set(stats.oldestAgeSeconds);
    metrics.jobsFailed.set(stats.failed);
  } catch (error) {
    // The database being down must not break the scrape: the request and pool metrics say what happens.
    getLogger().warn({ err: error }, 'metrics: job queue not readable');
  }
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
