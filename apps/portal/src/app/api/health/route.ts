import { healthResponse } from '@tobacco/api/ops/ops.http';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return healthResponse('portal');
}
