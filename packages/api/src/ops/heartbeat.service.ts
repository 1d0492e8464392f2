import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Db } from '@tobacco/db/client';
import { getLogger } from './logger';

// Each worker process says it is alive every few seconds, apart from the job loop itself, so readiness
// can tell "no worker runs" from "the queue is empty".

export type WorkerIdentity = { workerId: string; host: string; pid: number; startedAt: Date };

export function workerIdentity(now: Date): WorkerIdentity {
  return { workerId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, host: os.hostname(), pid: process.pid, startedAt: now };
}

/** A worker whose last heartbeat is older than this is taken for gone. */
export const HEARTBEAT_STALE_MS = 60_000;
const FORGET_AFTER_MS = 24 * 3_600_000;

export async function recordHeartbeat(db: Db, worker: WorkerIdentity, now: Date): Promise<void> {
  await db.workerHeartbeat.upsert({
    where: { workerId: worker.workerId },
    create: { ...worker, beatAt: now },
    update: { beatAt: now },
  });
  // Rows of workers long gone are forgotten, so the table stays as small as the fleet.
  await db.workerHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } });
}

/** Beats every `intervalMs` until the signal aborts; a failed beat (database down) is logged and retried. */
export function startHeartbeat(db: Db, signal: AbortSignal, intervalMs = 5_000): WorkerIdentity {
  const worker = workerIdentity(new Date());
  const beat = () =>
    recordHeartbeat(db, worker, new Date()).catch((error: unknown) =>
      getLogger().warn({ err: error, workerId: worker.workerId }, 'worker heartbeat failed'),
    );
  void beat();
  const timer = setInterval(() => void beat(), intervalMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return worker;
}

/** The most recent heartbeat of any worker, or null when none ever beat. */
export async function lastHeartbeat(db: Db): Promise<Date | null> {
  const row = await db.workerHeartbeat.findFirst({ orderBy: { beatAt: 'desc' }, select: { beatAt: true } });
  return row?.beatAt ?? null;
}
