'use server';

import { redirect } from 'next/navigation';
import { deleteSessionCookies } from '@tobacco/server/session';
import { auth } from '@/auth';

export async function signOut(): Promise<void> {
  await deleteSessionCookies(auth.cookieName);
  redirect('/login');
}
