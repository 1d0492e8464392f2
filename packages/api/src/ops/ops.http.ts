import { timingSafeEqual } from 'node:crypto';
import type { Db } from '@tobacco/db/client';
import { opsEnv } from '../env';
import { checkReadiness } from './health.service';
import { renderMetrics } from './metrics';

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
  return Response.json(
    { status: readiness.ready ? 'ready' : 'unready', app, checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: NO_STORE },
  );
}

/**
 * Prometheus metrics, for a scraper holding METRICS_TOKEN (`Authorization: Bearer <token>`). Without a
 * token configured the route does not exist (404), so metrics are never public by accident.
 */
export async function metricsResponse(req: Request, db: Db, token = opsEnv().metricsToken): Promise<Response> {
  if (!token) return new Response(null, { status: 404 });
  const given = Buffer.from(req.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return new Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer' } });
  }
  const { contentType, body } = await renderMetrics(db);
  return new Response(body, { headers: { 'content-type': contentType, ...NO_STORE } });
}
