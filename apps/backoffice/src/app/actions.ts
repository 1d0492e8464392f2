'use server';

import { redirect } from 'next/navigation';
import { deleteSessionCookies } from '@tobacco/server/session';
import { auth } from '@/auth';
import { getServerApi } from '@/trpc/server';

/** Ends this session on the server (a copy of the cookie stops working) and removes the cookie. */
export async function signOut(): Promise<void> {
  const { api } = await getServerApi();
  // A session that no longer holds has nothing left to revoke.
  await api.sessions.signOut().catch(() => undefined);
  await deleteSessionCookies(auth.cookieName);
  redirect('/login');
}

/** Ends every session of the account, on every device, this one included. */
export async function signOutEverywhere(): Promise<void> {
  const { api } = await getServerApi();
  await api.sessions.signOutEverywhere().catch(() => undefined);
  await deleteSessionCookies(auth.cookieName);
  redirect('/login');
}

/** Ends one other session of mine (a form action: the row's id comes in the form). */
export async function endSession(formData: FormData): Promise<void> {
  const { api } = await getServerApi();
  await api.sessions.end({ id: String(formData.get('id') ?? '') }).catch(() => undefined);
  redirect('/change-password');
}
