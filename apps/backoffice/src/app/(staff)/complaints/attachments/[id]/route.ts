import { hasPermission } from '@tobacco/auth/permissions';
import { readCaseAttachment } from '@tobacco/api/complaints/complaints.service';
import { DomainError } from '@tobacco/api/errors';
import { attachmentResponse } from '@tobacco/ui/lib/attachment-response';
import { auth } from '@/auth';
import { getLogger } from '@tobacco/api/ops/logger';

export const dynamic = 'force-dynamic';

/**
 * One attachment of a case, for staff who may read cases; the complaints service narrows it to the cases the
 * person may see (an account manager: their own retailers'). Files have no public address.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = Number((await params).id);
  const ctx = await auth.createRequestContext();
  if (!ctx.actor) return new Response(null, { status: 401 });
  if (ctx.actor.kind !== 'staff' || ctx.actor.mustChangePassword) return new Response(null, { status: 403 });
  if (!hasPermission(ctx.actor.roles, 'complaints.read')) return new Response(null, { status: 403 });
  if (!Number.isInteger(id) || id <= 0) return new Response(null, { status: 404 });
  try {
    return attachmentResponse(await readCaseAttachment({ db: ctx.db, actor: ctx.actor, clock: ctx.clock }, { id }));
  } catch (error) {
    if (error instanceof DomainError) return new Response(null, { status: 404 });
    getLogger().error({ err: error, requestId: ctx.requestId }, 'attachment download failed');
    return new Response(null, { status: 500 });
  }
}
