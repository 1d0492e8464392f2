import { hasPermission } from '@tobacco/auth/permissions';
import { createContext } from '@tobacco/api/context';
import { readCaseAttachment } from '@tobacco/api/complaints/complaints.service';
import { DomainError } from '@tobacco/api/errors';
import { getDb } from '@tobacco/db/client';
import { attachmentResponse } from '@tobacco/ui/lib/attachment-response';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

/**
 * One attachment of a case, for staff who may read cases; the complaints service narrows it to the cases the
 * person may see (an account manager: their own retailers'). Files have no public address.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = Number((await params).id);
  const ctx = await createContext({ db: getDb(), sessionUser: await auth.getSessionUser() });
  if (!ctx.actor) return new Response(null, { status: 401 });
  if (ctx.actor.kind !== 'staff' || ctx.actor.mustChangePassword) return new Response(null, { status: 403 });
  if (!hasPermission(ctx.actor.roles, 'complaints.read')) return new Response(null, { status: 403 });
  if (!Number.isInteger(id) || id <= 0) return new Response(null, { status: 404 });
  try {
    return attachmentResponse(await readCaseAttachment({ db: ctx.db, actor: ctx.actor, clock: ctx.clock }, { id }));
  } catch (error) {
    if (error instanceof DomainError) return new Response(null, { status: 404 });
    console.error(`[attachment] request ${ctx.requestId} failed:`, error);
    return new Response(null, { status: 500 });
  }
}
