import { createBackofficeRoutesCaller } from '@tobacco/api/routes';
import { attachmentResponse } from '@tobacco/server/attachment-response';
import { serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

/** A visit photo for staff who may see the shop (an account manager: their own shops'); no public address. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createBackofficeRoutesCaller,
    call: (routes) => routes.visitPhoto({ id: /^\d{1,20}$/.test(id) ? Number(id) : id } as { id: number }),
    respond: attachmentResponse,
  });
}
