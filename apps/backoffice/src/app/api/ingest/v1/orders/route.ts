import { handleOrderPost } from '@tobacco/api/integrations/integrations.http';
import { getDb } from '@tobacco/db/client';

export const dynamic = 'force-dynamic';

/** The ordering system's orders (integrations.http.ts): authenticated by the integration's key, not a session. */
export async function POST(req: Request): Promise<Response> {
  return handleOrderPost(getDb(), req, new Date());
}
