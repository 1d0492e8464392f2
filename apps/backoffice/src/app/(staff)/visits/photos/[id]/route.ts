import { createContext } from '@tobacco/api/context';
import { DomainError } from '@tobacco/api/errors';
import { getVisitPhoto } from '@tobacco/api/visits/visits.service';
import { getDb } from '@tobacco/db/client';
import { attachmentResponse } from '@tobacco/ui/lib/attachment-response';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

/** A visit photo for staff who may see the shop (an account manager: their own shops'); no public address. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = Number((await params).id);
  const ctx = await createContext({ db: getDb(), sessionUser: await auth.getSessionUser() });
  if (!ctx.actor) return new Response(null, { status: 401 });
  if (ctx.actor.kind !== 'staff' || ctx.actor.mustChangePassword) return new Response(null, { status: 403 });
  if (!Number.isInteger(id) || id <= 0 || id > 2147483647) return new Response(null, { status: 404 });
  try {
    return attachmentResponse(await getVisitPhoto({ db: ctx.db, actor: ctx.actor, clock: ctx.clock }, { id }));
  } catch (error) {
    if (error instanceof DomainError) return new Response(null, { status: 404 });
    console.error(`[visit photo] request ${ctx.requestId} failed:`, error);
    return new Response(null, { status: 500 });
  }
}
