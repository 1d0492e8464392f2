import type { Db } from '@tobacco/db/client';
import { checkReadiness } from './health.service';

// The operations routes of both apps, as plain web handlers (src/app/api/{health,ready}/route.ts).
// Never cached: a load balancer must see the state of this moment.
const NO_STORE = { 'cache-control': 'no-store' };

/** The process answers: no database call, so a database outage does not get the process restarted. */
export function healthResponse(app: string): Response {
  return Response.json({ status: 'ok', app, uptimeSeconds: Math.round(process.uptime()) }, { headers: NO_STORE });
}

/** 200 when this process can serve traffic, 503 with the failing checks when it cannot. */
export async function readyResponse(db: Db, app: string): Promise<Response> {
  const readiness = await checkReadiness(db, new Date());
  return Response.json({ status: readiness.ready ? 'ready' : 'unready', app, checks: readiness.checks }, { status: readiness.ready ? 200 : 503, headers: NO_STORE });
}
