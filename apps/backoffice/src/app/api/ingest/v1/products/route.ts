import { handleProductsPost } from '@tobacco/api/integrations/integrations.http';
import { getDb } from '@tobacco/db/client';

export const dynamic = 'force-dynamic';

/** The ordering system's products (integrations.http.ts): authenticated by the integration's key, not a session. */
export async function POST(req: Request): Promise<Response> {
  return handleProductsPost(getDb(), req, new Date());
}
