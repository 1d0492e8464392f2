import { cache } from 'react';
import { createPortalCaller } from '@tobacco/api/portal';
import { auth } from '@/auth';

/**
 * The portal's API called in-process by server components: the same procedures, context and checks as
 * over HTTP, without the round trip. One context per request (React's `cache`): the layout and the page
 * share it, so the session is read once, by one statement that also brings the header's unread count.
 */
export const getServerApi = cache(async () => {
  const ctx = await auth.createRequestContext();
  return { api: createPortalCaller(ctx), requestId: ctx.requestId, signedIn: ctx.actor !== null, unread: ctx.unread ?? 0 };
});
