import { createPortalRoutesCaller } from '@tobacco/api/routes';
import { attachmentResponse } from '@tobacco/server/attachment-response';
import { serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

/**
 * One attachment of one of my cases. There is no public address for a file: the procedure asks the complaints
 * service, which answers only for the signed-in shop's own cases and only for files on the public timeline.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createPortalRoutesCaller,
    call: (routes) => routes.complaintAttachment({ id: /^\d{1,20}$/.test(id) ? Number(id) : id } as { id: number }),
    respond: attachmentResponse,
  });
}
