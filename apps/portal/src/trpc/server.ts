import { cache } from 'react';
import { createPortalCaller } from '@tobacco/api/portal';
import { auth } from '@/auth';

/**
 * The portal's API called in-process by server components: the same procedures, context and checks as
 * over HTTP, without the round trip. One context per request.
 */
export const getServerApi = cache(async () => {
  const ctx = await auth.createRequestContext();
  return { api: createPortalCaller(ctx), requestId: ctx.requestId };
});
