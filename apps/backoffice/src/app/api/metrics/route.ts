import { metricsResponse } from '@tobacco/api/ops/ops.http';
import { getDb } from '@tobacco/db/client';

export const dynamic = 'force-dynamic';

export function GET(req: Request): Promise<Response> {
  return metricsResponse(req, getDb());
}
