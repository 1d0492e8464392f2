import { redirect } from 'next/navigation';
import { cache } from 'react';
import { createBackofficeCaller } from '@tobacco/api/backoffice';
import { isUnauthorized } from '@tobacco/ui/lib/error-message';
import { auth } from '@/auth';

/**
 * The back office's API called in-process by server components: the same procedures, context and checks
 * as over HTTP, without the round trip. One context per request.
 */
export const getServerApi = cache(async () => {
  const ctx = await auth.createRequestContext();
  return { api: createBackofficeCaller(ctx), requestId: ctx.requestId };
});

/** The signed-in staff member with roles and permissions; a session that no longer holds goes to the login. */
export const getMe = cache(async () => {
  const { api } = await getServerApi();
  try {
    return await api.admin.me();
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    throw error;
  }
});

export type Me = Awaited<ReturnType<typeof getMe>>;
