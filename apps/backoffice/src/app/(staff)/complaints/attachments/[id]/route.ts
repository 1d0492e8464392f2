import { createBackofficeRoutesCaller } from '@tobacco/api/routes';
import { attachmentResponse } from '@tobacco/server/attachment-response';
import { serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

/**
 * One attachment of a case, for staff who may read cases; the complaints service narrows it to the cases the
 * person may see (an account manager: their own retailers'). Files have no public address.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createBackofficeRoutesCaller,
    call: (routes) => routes.complaintAttachment({ id: /^\d{1,20}$/.test(id) ? Number(id) : id } as { id: number }),
    respond: attachmentResponse,
  });
}
