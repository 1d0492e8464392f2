import { handleOrderBatchPost } from '@tobacco/api/integrations/integrations.http';
import { getDb } from '@tobacco/db/client';

export const dynamic = 'force-dynamic';

/** Many orders in one call (integrations.http.ts): each answered as its single call would be. */
export async function POST(req: Request): Promise<Response> {
  return handleOrderBatchPost(getDb(), req, new Date());
}
