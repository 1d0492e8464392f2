import { cache } from 'react';
import { createContext } from '@tobacco/api/context';
import { createPortalCaller } from '@tobacco/api/portal';
import { getDb } from '@tobacco/db/client';
import { auth } from '@/auth';

/**
 * The portal's API called in-process by server components: the same procedures, context and checks as
 * over HTTP, without the round trip. One context per request.
 */
export const getServerApi = cache(async () => {
  const ctx = await createContext({ db: getDb(), sessionUser: await auth.getSessionUser() });
  return { api: createPortalCaller(ctx), requestId: ctx.requestId };
});
