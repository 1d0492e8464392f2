'use server';

import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { encode, getToken } from 'next-auth/jwt';
import type { TChannelSettingsInput } from '@tobacco/api/channels/channels.schema';
import type { TChangePasswordInput, TRequestContactChangeInput } from '@tobacco/api/retailers/profile.schema';
import { sessionCookieName } from '@tobacco/auth/next-auth';
import { serverEnv } from '@/env';
import type { ActionResult } from '@/lib/action-result';
import { runAction } from '@/lib/run-action';

const PORTAL_SESSION_SECONDS = 7 * 24 * 3600;

export async function requestChangeAction(input: TRequestContactChangeInput): Promise<ActionResult<{ id: number }>> {
  const result = await runAction((api) => api.retailers.requestChange(input));
  if (!result.ok) return result;
  revalidatePath('/profile');
  return { ok: true, data: { id: result.data.id } };
}

/** A plain form action (works without JavaScript): withdraws one of my pending requests. */
export async function cancelChangeRequestAction(formData: FormData): Promise<void> {
  const id = Number(formData.get('id'));
  if (Number.isInteger(id) && id > 0) await runAction((api) => api.retailers.cancelChangeRequest({ id }));
  revalidatePath('/profile');
}

/**
 * Changes the password, which bumps the login's session version and so signs out every other session.
 * This session stays signed in: its token is re-issued here with the new version, in the same response,
 * rather than sending the shop owner back to the login page right after they proved who they are.
 */
export async function changePasswordAction(input: TChangePasswordInput): Promise<ActionResult> {
  const result = await runAction((api) => api.retailers.changePassword(input));
  if (!result.ok) return result;
  const env = serverEnv();
  const name = sessionCookieName('portal');
  const token = await getToken({
    req: new NextRequest('http://localhost/', { headers: await headers() }),
    secret: env.authSecret,
    cookieName: name,
  });
  const user = (token as { user?: Record<string, unknown> } | null)?.user;
  if (token && user) {
    const fresh = await encode({
      token: { ...token, user: { ...user, sessionVersion: result.data.sessionVersion } },
      secret: env.authSecret,
      maxAge: PORTAL_SESSION_SECONDS,
    });
    (await cookies()).set(name, fresh, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: env.secureCookies,
      maxAge: PORTAL_SESSION_SECONDS,
    });
  }
  return { ok: true, data: undefined };
}

/** Channel preferences per kind of notice, and the greetings choice. */
export async function updateChannelSettingsAction(input: TChannelSettingsInput): Promise<ActionResult> {
  const result = await runAction((api) => api.channels.update(input));
  if (!result.ok) return result;
  revalidatePath('/profile');
  return { ok: true, data: undefined };
}
