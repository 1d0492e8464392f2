import { readyResponse } from '@tobacco/api/ops/ops.http';
import { getDb } from '@tobacco/db/client';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return readyResponse(getDb(), 'portal');
}
