import { readMyAttachment } from '@tobacco/api/complaints/complaints.service';
import { DomainError } from '@tobacco/api/errors';
import { attachmentResponse } from '@tobacco/ui/lib/attachment-response';
import { auth } from '@/auth';
import { getLogger } from '@tobacco/api/ops/logger';

export const dynamic = 'force-dynamic';

/**
 * One attachment of one of my cases. There is no public address for a file: this route asks the complaints
 * service, which answers only for the signed-in shop's own cases and only for files on the public timeline.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = Number((await params).id);
  const ctx = await auth.createRequestContext();
  if (!ctx.actor) return new Response(null, { status: 401 });
  if (ctx.actor.kind !== 'retailer' || !Number.isInteger(id) || id <= 0) return new Response(null, { status: 404 });
  try {
    return attachmentResponse(await readMyAttachment({ db: ctx.db, actor: ctx.actor, clock: ctx.clock }, { id }));
  } catch (error) {
    if (error instanceof DomainError) return new Response(null, { status: 404 });
    getLogger().error({ err: error, requestId: ctx.requestId }, 'attachment download failed');
    return new Response(null, { status: 500 });
  }
}
